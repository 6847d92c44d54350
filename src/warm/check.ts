/**
 * The warm check: is the last build's output still what a build would write now? Compares every
 * stamp in the warm record with the disk (stat only, git-index style); a file whose stamp changed
 * but whose size did not is hashed, so a `touch` or a save without changes does not count. Node
 * built-ins only: runs before anything heavy is imported.
 */
import { statSync } from 'node:fs';
import { folderNames, sha1Of, type WarmRecord } from './record.js';

/** The check's answer: fresh (the record updated when stamps moved without content changing), or why not. */
export type WarmAnswer = { fresh: true; restamped: boolean } | { fresh: false; reason: string };

const stale = (reason: string): WarmAnswer => ({ fresh: false, reason });

/** Checks `record` against the disk, for a build with `key` at `nowMs`. Updates stamps in `record` in place when only they moved. */
export function checkWarmRecord(record: WarmRecord, key: string, nowMs: number): WarmAnswer {
  if (record.key !== key) return stale('the command, the configuration of inkstone or its code changed');
  if (record.until !== null && nowMs >= record.until) return stale('a post dated in the future is due');
  let restamped = false;
  for (const [file, stamp] of Object.entries(record.outputs)) {
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s || s.size !== stamp[0] || s.mtimeMs !== stamp[1] || s.ino !== stamp[2]) return stale(`${file} is not as the last build wrote it`);
  }
  for (const [folder, stamp] of Object.entries(record.folders)) {
    const s = statSync(folder, { throwIfNoEntry: false });
    if (!s) return stale(`${folder} is gone`);
    if (s.mtimeMs === stamp[0]) continue;
    try {
      if (folderNames(folder) !== stamp[1]) return stale(`${folder} has files added or removed`);
    } catch {
      return stale(`${folder} cannot be read`);
    }
    stamp[0] = s.mtimeMs;
    restamped = true;
  }
  for (const [file, stamp] of Object.entries(record.files)) {
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s) return stale(`${file} is gone`);
    if (s.size === stamp[0] && s.mtimeMs === stamp[1] && s.ino === stamp[2]) continue;
    if (s.size !== stamp[0] || stamp[3] === null) return stale(`${file} changed`);
    try {
      if (sha1Of(file) !== stamp[3]) return stale(`${file} changed`);
    } catch {
      return stale(`${file} cannot be read`);
    }
    stamp[1] = s.mtimeMs;
    stamp[2] = s.ino;
    restamped = true;
  }
  return { fresh: true, restamped };
}
