/** What the command line prints: diagnostics, progress, counts, and where the site went. */
import path from 'node:path';
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

/** A folder as people should read it: `public/` below the working folder, else its absolute path. */
export function folderLabel(dir: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, dir);
  if (relative === '') return `.${path.sep}`;
  if (relative.startsWith('..') || path.isAbsolute(relative)) return `${path.resolve(dir)}${path.sep}`;
  return `${relative}${path.sep}`;
}

/** The command that previews this site: `npm run dev` from an npm script, else `inkstone dev`, with its `--src`. */
export function previewCommand(src: string | undefined, viaNpm: boolean, cwd = process.cwd()): string {
  const other = src !== undefined && path.resolve(cwd, src) !== path.resolve(cwd);
  const quoted = src !== undefined && /[^\w./@:+-]/.test(src) ? JSON.stringify(src) : src;
  if (viaNpm) return other ? `npm run dev -- --src ${quoted}` : 'npm run dev';
  return other ? `inkstone dev --src ${quoted}` : 'inkstone dev';
}

/** Counts of a finished build. */
export interface BuiltCounts {
  posts: number;
  pages: number;
  durationMs: number;
  /** Nothing changed since the last build: the output was kept as it was (see warm/). */
  upToDate?: boolean;
  /** Entries that look like posts but were not read (each named by a diagnostic above the line). */
  skipped?: readonly string[];
}

/** ` (2 skipped)` after the post count when the loader skipped entries, else nothing. */
function skippedNote(skipped: readonly string[] | undefined): string {
  return skipped?.length ? ` (${skipped.length} skipped)` : '';
}

/**
 * `built 4 posts, 24 pages in 312 ms → public/`, with ` (1 skipped)` after the posts when entries were
 * skipped, plus ` (npm run dev to preview)` when a preview command is given, or
 * ` (nothing changed; npm run dev to preview)` when the output was already up to date.
 */
export function builtLine(counts: BuiltCounts, outDir: string, preview?: string, cwd = process.cwd()): string {
  const notes = [...(counts.upToDate ? ['nothing changed'] : []), ...(preview ? [`${preview} to preview`] : [])];
  const hint = notes.length ? ` (${notes.join('; ')})` : '';
  const posts = `${plural(counts.posts, 'post')}${skippedNote(counts.skipped)}`;
  return `built ${posts}, ${plural(counts.pages, 'page')} in ${Math.round(counts.durationMs)} ms → ${folderLabel(outDir, cwd)}${hint}`;
}

/** `build failed: 3 errors; public was left untouched`, with `, 2 entries skipped` when the loader skipped some. */
export function failedLine(errors: number, skipped: readonly string[], outDir: string): string {
  const note = skipped.length ? `, ${skipped.length} ${skipped.length === 1 ? 'entry' : 'entries'} skipped` : '';
  return `build failed: ${plural(errors, 'error')}${note}; ${outDir} was left untouched`;
}
