/** Reading one source file as UTF-8 text; a file that cannot be read becomes an error record. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import type { FoundFile, SourceFile } from '../site/model.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a found file. Synchronous on purpose: posts are small, so a read costs less than a trip
 * through the libuv thread pool, and dev's hot path must not queue behind chokidar's folder scans.
 */
export function readSource(root: string, found: FoundFile): SourceFile | Diagnostic {
  const sitePath = toSlashes(path.relative(root, found.absPath));
  try {
    const info = statSync(found.absPath);
    const text = utf8.decode(readFileSync(found.absPath));
    return { path: sitePath, relPath: found.relPath, text, mtimeMs: info.mtimeMs };
  } catch (thrown) {
    const e = thrown as NodeJS.ErrnoException;
    const reason = e.code && e.code !== 'ERR_ENCODING_INVALID_ENCODED_DATA' ? `cannot read file (${e.code})` : 'file is not valid UTF-8 text';
    return error(sitePath, reason);
  }
}

/** Whether a read produced an error record rather than a file. */
export function isDiagnostic(value: object): value is Diagnostic {
  return 'severity' in value;
}
