/**
 * Writing a file so readers never see half of it: the bytes go to a temp file beside the target,
 * which is then renamed over it (one step on every local file system). The one helper for that,
 * with one temp-file naming scheme.
 */
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The temp file used while writing `file`: hidden, beside it, and unique to this process. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.inkstone-tmp`);
}

/** Whether a file name is one of our temp files (a build killed mid-write leaves them behind). */
export function isTempName(name: string): boolean {
  return /\.\d+\.inkstone-tmp$/.test(name);
}

/** What to put in the file: bytes, or a copy of another file. */
export type FileSource = { content: string | Uint8Array } | { copyFrom: string };

/** Writes `file` through a temp file and a rename; with `makeDir`, creates its folder first. */
export async function writeAtomic(file: string, source: FileSource, makeDir = false): Promise<void> {
  if (makeDir) await mkdir(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    if ('copyFrom' in source) await copyFile(source.copyFrom, temp);
    else await writeFile(temp, source.content);
    await rename(temp, file);
  } catch (thrown) {
    await rm(temp, { force: true });
    throw thrown;
  }
}

/**
 * `writeAtomic` without the libuv thread pool, for dev's hot path: chokidar re-reads a whole
 * watched folder (an lstat per entry) on every change in it, and async file calls queue behind those.
 */
export function writeAtomicSync(file: string, source: FileSource, makeDir = false): void {
  if (makeDir) mkdirSync(path.dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    if ('copyFrom' in source) copyFileSync(source.copyFrom, temp);
    else writeFileSync(temp, source.content);
    renameSync(temp, file);
  } catch (thrown) {
    rmSync(temp, { force: true });
    throw thrown;
  }
}
