/**
 * Writing the site: everything goes into a staging folder beside the output folder, which is swapped
 * in only when the whole build succeeded, so a failed build leaves the previous output exactly as it
 * was. Files whose bytes did not change are hard-linked from the previous output instead of written,
 * so their modification times (and rsync, Pages and browser caches) stay put.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Manifest, readManifest, saveManifest } from './manifest.js';

/** A file to write, relative to the output folder: given bytes, or a copy of a source file. */
export type OutputFile = ({ path: string; content: string | Uint8Array } | { path: string; copyFrom: string }) & {
  /** Hash of everything the page was made from (its PageSpec), recorded so a later build can skip rendering it. */
  spec?: string;
  /** The content hash, when the bytes are known to be the previous output's (saves hashing them again). */
  hash?: string;
};

/** Counts of a write, for reports and tests. */
export interface WriteStats {
  written: number;
  unchanged: number;
}

/** Resolves `rel` inside `dir`, refusing anything that would land outside it. */
export function insideDir(dir: string, rel: string): string {
  const target = path.resolve(dir, rel);
  const relative = path.relative(dir, target);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`refusing to write "${rel}": outside the output folder`);
  }
  return target;
}

/** The staging folder for an output folder: a sibling, so the final rename stays on one file system. */
export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-${process.pid}`);
}

/** Removes staging and retired folders left behind by builds that were killed. */
export async function removeLeftovers(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `.${path.basename(outDir)}.`;
  let names: string[] = [];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && /\.(staging|retired)-\d+$/.test(n)).map((n) => rm(path.join(parent, n), { recursive: true, force: true })),
  );
}

async function bytesOf(file: OutputFile): Promise<Uint8Array> {
  if ('copyFrom' in file) return readFile(file.copyFrom);
  return typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Fills `staging` with `files`. A file whose bytes match the manifest entry of the previous output
 * (and whose previous copy is untouched) is hard-linked from `previousDir`; the rest are written.
 * Returns the new manifest.
 */
export async function stageFiles(
  staging: string,
  files: readonly OutputFile[],
  previousDir: string,
  previous: Manifest,
  stats: WriteStats = { written: 0, unchanged: 0 },
): Promise<Manifest> {
  const manifest: Manifest = {};
  const dirs = new Set(files.map((f) => path.dirname(insideDir(staging, f.path))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  await eachLimited(files, 16, async (file) => {
    const target = insideDir(staging, file.path);
    const before = previous[file.path];
    const bytes = file.hash && before?.hash === file.hash ? undefined : await bytesOf(file);
    const hash = bytes ? createHash('sha1').update(bytes).digest('hex') : file.hash!;
    if (before && before.hash === hash) {
      const old = insideDir(previousDir, file.path);
      try {
        const info = await stat(old);
        if (info.size === before.size && info.mtimeMs === before.mtimeMs) {
          await link(old, target);
          manifest[file.path] = { ...before, spec: file.spec };
          stats.unchanged++;
          return;
        }
      } catch {
        // Gone or not linkable: write it afresh below.
      }
    }
    if ('copyFrom' in file) await copyFile(file.copyFrom, target);
    else await writeFile(target, bytes ?? (await bytesOf(file)));
    const info = await stat(target);
    manifest[file.path] = { hash, size: info.size, mtimeMs: info.mtimeMs, spec: file.spec };
    stats.written++;
  });
  return manifest;
}

/** Moves a finished staging folder into place as `outDir`, retiring the previous one. */
export async function swapIntoPlace(staging: string, outDir: string): Promise<void> {
  const retired = path.join(path.dirname(outDir), `.${path.basename(outDir)}.retired-${process.pid}`);
  let hadPrevious = true;
  try {
    await rename(outDir, retired);
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') throw thrown;
    hadPrevious = false;
  }
  try {
    await rename(staging, outDir);
  } catch (thrown) {
    if (hadPrevious) await rename(retired, outDir);
    throw thrown;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

/**
 * Writes the whole output atomically: stage (linking unchanged files), swap, record the manifest.
 * With no manifest file every file is written.
 */
export async function writeOutput(outDir: string, files: readonly OutputFile[], manifestFile: string | undefined): Promise<WriteStats> {
  await removeLeftovers(outDir);
  const staging = stagingDirFor(outDir);
  await rm(staging, { recursive: true, force: true });
  const stats: WriteStats = { written: 0, unchanged: 0 };
  try {
    const manifest = await stageFiles(staging, files, outDir, await readManifest(manifestFile), stats);
    await swapIntoPlace(staging, outDir);
    await saveManifest(manifestFile, manifest);
    return stats;
  } catch (thrown) {
    await rm(staging, { recursive: true, force: true });
    throw thrown;
  }
}
