/**
 * Writing the site: everything goes into a staging folder beside the output folder, which is swapped
 * in only when the whole build succeeded. A failed build leaves the previous output exactly as it was.
 */
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A file to write, relative to the output folder. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
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
    names
      .filter((n) => n.startsWith(prefix) && /\.(staging|retired)-\d+$/.test(n))
      .map((n) => rm(path.join(parent, n), { recursive: true, force: true })),
  );
}

/** Writes files into `dir`, creating folders as needed. */
export async function writeFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  const dirs = new Set(files.map((f) => path.dirname(insideDir(dir, f.path))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  const queue = [...files];
  const writeNext = async (): Promise<void> => {
    for (let file = queue.pop(); file; file = queue.pop()) await writeFile(insideDir(dir, file.path), file.content);
  };
  await Promise.all(Array.from({ length: 16 }, writeNext));
}

/** Copies folders into `dir` (later sources overwrite earlier ones), skipping hidden files. */
export async function copyTrees(dir: string, trees: readonly { from: string; to: string }[]): Promise<void> {
  for (const tree of trees) {
    await cp(tree.from, insideDir(dir, tree.to), {
      recursive: true,
      force: true,
      filter: (src) => !path.basename(src).startsWith('.'),
    }).catch((thrown: NodeJS.ErrnoException) => {
      if (thrown.code !== 'ENOENT') throw thrown;
    });
  }
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
