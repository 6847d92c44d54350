/** Removing folders a deletion left empty (output folders, dev's mirror of them). */
import { rmdir } from 'node:fs/promises';
import path from 'node:path';

/** Removes `dir` and its parents while they are empty, stopping at `stopAt` (which stays). */
export async function pruneEmptyDirs(dir: string, stopAt: string): Promise<void> {
  for (let current = dir; current !== stopAt && current.startsWith(stopAt + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}
