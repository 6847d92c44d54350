/** Reading one source file as UTF-8 text; a file that cannot be read becomes an error record saying why. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import type { FoundFile, SourceFile } from '../site/model.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the system's error codes mean to someone who saved a post. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'a symbolic link loop',
  ENOENT: 'it was deleted while the site was read',
  EIO: 'an input/output error',
};

/** The byte offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

/** Why bytes are not UTF-8 text, with the line of the first bad byte. */
function encodingMessage(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'file is not valid UTF-8 text: it is saved as UTF-16 (save it as UTF-8)';
  const at = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return `file is not valid UTF-8 text (the first bad byte is on line ${line}; save it as UTF-8)`;
}

/**
 * Reads a found file. Synchronous on purpose: posts are small, so a read costs less than a trip
 * through the libuv thread pool, and dev's hot path must not queue behind chokidar's folder scans.
 */
export function readSource(root: string, found: FoundFile): SourceFile | Diagnostic {
  const sitePath = toSlashes(path.relative(root, found.absPath));
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(found.absPath).mtimeMs;
    bytes = readFileSync(found.absPath);
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code ?? 'error';
    return error(sitePath, `cannot read file (${code}${REASONS[code] ? `: ${REASONS[code]}` : ''})`);
  }
  try {
    return { path: sitePath, relPath: found.relPath, text: utf8.decode(bytes), mtimeMs };
  } catch {
    return error(sitePath, encodingMessage(bytes));
  }
}

/** Whether a read produced an error record rather than a file. */
export function isDiagnostic(value: object): value is Diagnostic {
  return 'severity' in value;
}
