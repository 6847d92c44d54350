/**
 * The warm record: what the last successful build read and wrote, stamped the way git's index
 * stamps files (size, mtime, inode, and a content hash to fall back on), so the next build can tell
 * in a few milliseconds that nothing it would read has changed (see check.ts). Written after the
 * output, by the command line; node built-ins only, so the check can run before anything heavy loads.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

/** Bump when the record's shape changes: an older record is then ignored. */
export const WARM_FORMAT = 1;

/** Files larger than this are not hashed: a changed stamp on one of them means a build. */
export const HASH_LIMIT_BYTES = 1 << 20;

/** An input file's stamp: size, mtime, inode, and the SHA-1 of its bytes (null when not hashed). */
export type FileStamp = [size: number, mtimeMs: number, ino: number, sha1: string | null];

/** A folder's stamp: its mtime and the names in it, sorted, `/`-joined. */
export type FolderStamp = [mtimeMs: number, names: string];

/** An output file's stamp: size, mtime, inode. */
export type OutputStamp = [size: number, mtimeMs: number, ino: number];

/** What the build printed, to print again when nothing changed. */
export interface RecordedReport {
  posts: number;
  pages: number;
  outDir: string;
  /** Warnings of that build (a build with errors is never recorded). */
  diagnostics: Diagnostic[];
  /** Entries that look like posts but were not read (each has a warning above). */
  skipped?: string[];
}

/** The record file's contents. */
export interface WarmRecord {
  format: typeof WARM_FORMAT;
  /** The command, code and environment that made the build (see key.ts). */
  key: string;
  /** When the output changes by itself (a future post falls due), ms since the epoch; null: never. */
  until: number | null;
  folders: Record<string, FolderStamp>;
  files: Record<string, FileStamp>;
  /** The output files, by absolute path. */
  outputs: Record<string, OutputStamp>;
  report: RecordedReport;
}

/** SHA-1 of a file's bytes. */
export function sha1Of(file: string): string {
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/** The names in a folder, as stamped. */
export function folderNames(folder: string): string {
  return readdirSync(folder).sort().join('/');
}

/** Reads a record; undefined when missing, damaged or of another format. */
export function readWarmRecord(file: string): WarmRecord | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as WarmRecord;
    return value?.format === WARM_FORMAT && typeof value.key === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a record atomically (temp file and rename). */
export function writeWarmRecord(file: string, record: WarmRecord): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(record));
  renameSync(temp, file);
}

/** Removes a record: done before every build, so a record only ever describes the last build that finished. */
export function removeWarmRecord(file: string): void {
  rmSync(file, { force: true });
}
