/**
 * Writing the site in place, only what changed. Each new or changed file is first written as a
 * temp file beside its target; when all of them are on disk, the journal in the manifest says so,
 * and they are renamed over their targets, the files nothing produces any more are deleted, and
 * the manifest is saved without the journal. So:
 * - a build that fails (before writing) changes nothing;
 * - unchanged files are not touched, so their modification times (and rsync, Pages and browser
 *   caches) stay put;
 * - a build killed while writing temp files leaves the old output as it was (the next build deletes
 *   the temps); one killed while renaming is finished by the next build (roll forward), so
 *   `public/` is never half old, half new after a build that succeeded.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isTempName, tempPathFor } from '../fs/atomic-write.js';
import { toSlashes } from '../fs/list-tree.js';
import { pruneEmptyDirs } from '../fs/prune-empty-dirs.js';
import { type Journal, type Manifest, readManifestFile, saveManifestFile } from './manifest.js';

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
  /** Every file the output folder now holds from this build, relative to it. */
  paths: string[];
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

/** Every file below `dir` (relative, `/`-separated), our temp files included; empty when `dir` is missing. */
async function listAll(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => !e.isDirectory()).map((e) => toSlashes(path.relative(dir, path.join(e.parentPath, e.name))));
  } catch {
    return [];
  }
}

/**
 * Fault injection for tests of killed builds: `INKSTONE_CRASH_AT=writing:3` (or `renaming:3`) kills
 * the process after the third temp file is written (or renamed), as a power cut would.
 */
const CRASH_AT = /^(writing|renaming):(\d+)$/.exec(process.env.INKSTONE_CRASH_AT ?? '');
function crashPoint(phase: 'writing' | 'renaming', done: number): void {
  if (CRASH_AT && CRASH_AT[1] === phase && Number(CRASH_AT[2]) === done) process.kill(process.pid, 'SIGKILL');
}

/** Jekyll's `keep_files` default: what a build never deletes from the output folder (a deployment's own repository). */
export const KEEP_FILES = ['.git', '.svn'];

/** Finishes (or undoes) what a build killed mid-write left behind, as its journal says. */
export async function repairFromJournal(outDir: string, journal: Journal | undefined): Promise<void> {
  if (!journal) return;
  if (journal.phase === 'writing') {
    // Temps may be incomplete: the old files are intact, drop the temps.
    await Promise.all(journal.writes.map(([, temp]) => rm(insideDir(outDir, temp), { force: true })));
    return;
  }
  // Every temp was complete before renaming began: finish the renames and the deletions.
  for (const [target, temp] of journal.writes) await rename(insideDir(outDir, temp), insideDir(outDir, target)).catch(() => undefined);
  for (const gone of journal.removes) await rm(insideDir(outDir, gone), { force: true });
}

/** What the output folder should hold, against what is there: the files to (re)write, and the manifest entries of the rest. */
async function plan(outDir: string, files: readonly OutputFile[], previous: Manifest, stats: WriteStats) {
  const manifest: Manifest = {};
  const writes: { file: OutputFile; bytes: Uint8Array | undefined; hash: string }[] = [];
  await eachLimited(files, 32, async (file) => {
    const target = insideDir(outDir, file.path);
    const before = previous[file.path];
    const known = file.hash !== undefined && before?.hash === file.hash;
    const bytes = known ? undefined : await bytesOf(file);
    const hash = bytes ? createHash('sha1').update(bytes).digest('hex') : file.hash!;
    if (before && before.hash === hash) {
      const info = await stat(target).catch(() => undefined);
      if (info && info.size === before.size && info.mtimeMs === before.mtimeMs) {
        manifest[file.path] = { ...before, spec: file.spec };
        stats.unchanged++;
        return;
      }
    }
    writes.push({ file, bytes, hash });
  });
  return { manifest, writes };
}

/**
 * Brings `outDir` to exactly `files`: writes what changed (temp files, then renames), deletes what
 * is no longer produced, and records a manifest in `manifestFile` (with none, every file is written).
 */
export async function writeOutput(
  outDir: string,
  files: readonly OutputFile[],
  manifestFile: string | undefined,
  keep: readonly string[] = KEEP_FILES,
): Promise<WriteStats> {
  for (const file of files) insideDir(outDir, file.path);
  await mkdir(outDir, { recursive: true });
  const saved = await readManifestFile(manifestFile);
  await repairFromJournal(outDir, saved.journal);
  const stats: WriteStats = { written: 0, unchanged: 0, paths: files.map((f) => f.path) };
  const { manifest, writes } = await plan(outDir, files, saved.files, stats);
  const wanted = new Set(files.map((f) => f.path));
  const present = await listAll(outDir);
  const kept = (p: string) => keep.some((k) => p === k || p.startsWith(`${k}/`));
  const removes = present.filter((p) => !wanted.has(p) && !isTempName(path.posix.basename(p)) && !kept(p));
  const stale = present.filter((p) => isTempName(path.posix.basename(p)));
  const journal: Journal = {
    phase: 'writing',
    writes: writes.map(({ file }) => [file.path, toSlashes(path.relative(outDir, tempPathFor(insideDir(outDir, file.path))))]),
    removes,
  };
  const temps = new Map(journal.writes);
  await Promise.all(stale.map((p) => rm(insideDir(outDir, p), { force: true })));
  if (manifestFile) await saveManifestFile(manifestFile, { files: saved.files, journal });
  try {
    let tempsWritten = 0;
    const dirs = new Set(writes.map(({ file }) => path.dirname(insideDir(outDir, file.path))));
    for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
    await eachLimited(writes, 16, async ({ file, bytes, hash }) => {
      const temp = insideDir(outDir, temps.get(file.path)!);
      if ('copyFrom' in file && !bytes) await copyFile(file.copyFrom, temp);
      else await writeFile(temp, bytes ?? (await bytesOf(file)));
      manifest[file.path] = { hash, size: 0, mtimeMs: 0, spec: file.spec };
      crashPoint('writing', ++tempsWritten);
    });
  } catch (thrown) {
    await Promise.all([...temps.values()].map((t) => rm(insideDir(outDir, t), { force: true })));
    if (manifestFile) await saveManifestFile(manifestFile, { files: saved.files });
    throw thrown;
  }
  if (manifestFile) await saveManifestFile(manifestFile, { files: saved.files, journal: { ...journal, phase: 'renaming' } });
  for (const [target, temp] of journal.writes) {
    await rename(insideDir(outDir, temp), insideDir(outDir, target));
    const info = await stat(insideDir(outDir, target));
    manifest[target] = { ...manifest[target]!, size: info.size, mtimeMs: info.mtimeMs };
    stats.written++;
    crashPoint('renaming', stats.written);
  }
  for (const gone of removes) {
    const abs = insideDir(outDir, gone);
    await rm(abs, { force: true });
    await pruneEmptyDirs(path.dirname(abs), outDir);
  }
  if (manifestFile) await saveManifestFile(manifestFile, { files: manifest });
  return stats;
}
