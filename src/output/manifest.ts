/**
 * The output manifest: what the last successful build wrote (so the next one can keep what did not
 * change), and, while a build is writing, its journal (so a build killed half-way is repaired by
 * the next one, see write-output.ts).
 */
import { readFile } from 'node:fs/promises';
import { writeAtomic } from '../fs/atomic-write.js';

/** What was written last time, per output path. */
export type Manifest = Record<string, { hash: string; size: number; mtimeMs: number; spec?: string }>;

/** A write in progress: the temp file of each target, and the files to delete once they are in place. */
export interface Journal {
  /** `writing`: temps may be incomplete; `renaming`: every temp is complete and renames have begun. */
  phase: 'writing' | 'renaming';
  /** [target, temp] pairs, relative to the output folder. */
  writes: [string, string][];
  removes: string[];
}

/** The manifest file's contents. */
export interface ManifestFile {
  files: Manifest;
  journal?: Journal;
}

const FORMAT = 2;

/** Reads the manifest file; a missing or damaged one is empty (everything gets written). */
export async function readManifestFile(file: string | undefined): Promise<ManifestFile> {
  if (!file) return { files: {} };
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; files?: unknown; journal?: Journal };
    if (value?.format !== FORMAT || typeof value.files !== 'object' || value.files === null) return { files: {} };
    return { files: value.files as Manifest, ...(value.journal ? { journal: value.journal } : {}) };
  } catch {
    return { files: {} };
  }
}

/** What the last successful build wrote (empty while a journal says a write was cut short). */
export async function readManifest(file: string | undefined): Promise<Manifest> {
  return (await readManifestFile(file)).files;
}

/** Saves the manifest file (atomically; best effort for the final save: a lost manifest only means a full write next time). */
export async function saveManifestFile(file: string, contents: ManifestFile): Promise<void> {
  await writeAtomic(file, { content: JSON.stringify({ format: FORMAT, ...contents }) }, true);
}
