/** What the command line prints: diagnostics, progress, counts. */
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';

/** `1 post`, `3 posts`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Prints diagnostics to stderr, one `path:line: message` per line. */
export function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) process.stderr.write(formatDiagnostic(d) + '\n');
}

/** A `rendering 12/40` progress line on stderr, when it is a terminal. */
export function progressPrinter(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\rrendering ${done}/${total}`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}
