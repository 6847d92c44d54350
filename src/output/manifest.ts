/** The output manifest: what the last successful build wrote, so the next one can keep what did not change. */
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../fs/atomic-write.js';

/** What was written last time, per output path. */
export type Manifest = Record<string, { hash: string; size: number; mtimeMs: number; spec?: string }>;

/** Reads a manifest; a missing or damaged one is empty (everything gets written). */
export async function readManifest(file: string | undefined): Promise<Manifest> {
  if (!file) return {};
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Manifest) : {};
  } catch {
    return {};
  }
}

/** Saves a manifest (best effort: a lost manifest only means a full write next time). */
export async function saveManifest(file: string | undefined, manifest: Manifest): Promise<void> {
  if (!file) return;
  try {
    await writeAtomic(file, { content: JSON.stringify(manifest) }, true);
  } catch {
    // Best effort.
  }
}
