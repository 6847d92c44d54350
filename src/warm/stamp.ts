/**
 * Stamping a finished build's inputs and outputs into a warm record (see record.ts). Refuses when an
 * input changed while the build ran: the output may then reflect the old bytes while the stamp
 * would vouch for the new ones.
 */
import { type Dirent, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteInputs } from '../site/model.js';
import {
  type FileStamp,
  type FolderStamp,
  folderNames,
  HASH_LIMIT_BYTES,
  type OutputStamp,
  type RecordedReport,
  sha1Of,
  WARM_FORMAT,
  type WarmRecord,
} from './record.js';

/** What stamping needs: the build's inputs and outputs, and when it started reading. */
export interface StampRequest {
  key: string;
  inputs: Pick<SiteInputs, 'folders' | 'files' | 'trees' | 'read'>;
  /** Output files, absolute. */
  outputs: readonly string[];
  /** The output folder: files added to it, or to any folder in it, mean a build (which would remove them). */
  outDir: string;
  /** What the build itself creates in the site's folders (the output and cache folders), absolute. */
  own: readonly string[];
  startedMs: number;
  until: number | undefined;
  report: RecordedReport;
  /** The record being replaced: hashes of files whose stamp did not change are taken from it. */
  previous?: WarmRecord | undefined;
}

/** Every folder and file below `tree` (the tree itself included), hidden ones too; nothing when it is missing. */
export function walkTree(tree: string): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(tree, { recursive: true, withFileTypes: true });
  } catch {
    return { folders, files };
  }
  folders.push(tree);
  for (const entry of entries) {
    const abs = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) folders.push(abs);
    else files.push(abs);
  }
  return { folders, files };
}

/**
 * How long before the build started a change still counts as "during the build": file times come
 * from a clock that lags by up to a kernel tick, or are whole seconds (even two) on coarse file systems.
 */
function raceMarginMs(times: readonly number[]): number {
  return times.length > 0 && times.every((t) => t % 1000 === 0) ? 2000 : 10;
}

/** Whether two listings of `folder` differ only in entries the build itself creates. */
function onlyOwnDiffer(folder: string, before: string, after: string, own: ReadonlySet<string>): boolean {
  const a = new Set(before ? before.split('/') : []);
  const b = new Set(after ? after.split('/') : []);
  const differing = [...[...a].filter((n) => !b.has(n)), ...[...b].filter((n) => !a.has(n))];
  return differing.every((name) => own.has(path.join(folder, name)));
}

/** The warm record of a finished build, or the reason there is none (an input changed while it ran). */
export function stampBuild(request: StampRequest): { record: WarmRecord } | { refused: string } {
  const { inputs, previous } = request;
  const fileSet = new Set([...inputs.files, ...inputs.read]);
  const treeFolders = new Set<string>();
  for (const tree of inputs.trees) {
    const found = walkTree(tree);
    for (const f of found.folders) if (!inputs.folders.has(f)) treeFolders.add(f);
    for (const f of found.files) fileSet.add(f);
  }
  const folders: Record<string, FolderStamp> = {};
  const files: Record<string, FileStamp> = {};
  const changeTimes: number[] = [];
  let latest = { ms: -Infinity, file: '' };
  const note = (file: string, mtimeMs: number, ctimeMs: number) => {
    changeTimes.push(mtimeMs);
    const changed = Math.max(mtimeMs, ctimeMs);
    if (changed > latest.ms) latest = { ms: changed, file };
  };
  const own = new Set(request.own);
  try {
    // Folders the loader listed: the names it saw must still be there (bar the build's own output and caches).
    for (const [folder, seen] of inputs.folders) {
      const mtimeMs = statSync(folder).mtimeMs;
      const names = folderNames(folder);
      if (names !== seen && !onlyOwnDiffer(folder, seen, names, own)) return { refused: `${folder} had files added or removed while the build ran` };
      folders[folder] = [mtimeMs, names];
    }
    for (const folder of [...treeFolders].sort()) {
      const s = statSync(folder);
      folders[folder] = [s.mtimeMs, folderNames(folder)];
      note(folder, s.mtimeMs, s.ctimeMs);
    }
    for (const file of [...fileSet].sort()) {
      const s = statSync(file);
      const before = previous?.files[file];
      const same = before && before[0] === s.size && before[1] === s.mtimeMs && before[2] === s.ino;
      files[file] = [s.size, s.mtimeMs, s.ino, same ? before[3] : s.size <= HASH_LIMIT_BYTES ? sha1Of(file) : null];
      note(file, s.mtimeMs, s.ctimeMs);
    }
  } catch (thrown) {
    return { refused: `an input disappeared while the build ran (${(thrown as Error).message})` };
  }
  if (latest.ms > request.startedMs - raceMarginMs(changeTimes)) return { refused: `${latest.file} changed while the build ran` };
  const outputs: Record<string, OutputStamp> = {};
  const outputFolders = new Set([request.outDir, ...request.outputs.map((file) => path.dirname(file))]);
  try {
    for (const file of request.outputs) {
      const s = statSync(file);
      outputs[file] = [s.size, s.mtimeMs, s.ino];
    }
    for (const folder of outputFolders) folders[folder] ??= [statSync(folder).mtimeMs, folderNames(folder)];
  } catch (thrown) {
    return { refused: `an output file is missing (${(thrown as Error).message})` };
  }
  return { record: { format: WARM_FORMAT, key: request.key, until: request.until ?? null, folders, files, outputs, report: request.report } };
}
