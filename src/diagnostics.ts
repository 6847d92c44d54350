/**
 * Errors as data. Every problem the build finds becomes a `Diagnostic`; code that has to throw
 * (YAML, Liquid, the render service) throws a `LocatedError`, and `diagnosticFrom` turns anything
 * thrown into a Diagnostic with one location shape: a file and a 1-based line.
 */

/** A problem found while building: errors stop the build, warnings are printed and the build goes on. */
export interface Diagnostic {
  /** Path of the offending file, relative to the site root (or as given). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Where a problem is: a file (empty when the thrower does not know it) and a 1-based line. */
export interface Location {
  file: string;
  line?: number | undefined;
}

/** An exception that knows where the problem is; the one error type inkstone's own code throws. */
export class LocatedError extends Error {
  constructor(
    message: string,
    /** Empty when the thrower does not know the file (the catcher fills it in). */
    readonly file = '',
    /** 1-based line, in the file or in the text the thrower was given (see each thrower). */
    readonly line: number | undefined = undefined,
  ) {
    super(message);
  }
}

/** Makes an error record. */
export function error(file: string, message: string, line?: number): Diagnostic {
  return { file, line, message, severity: 'error' };
}

/** Makes a warning record. */
export function warning(file: string, message: string, line?: number): Diagnostic {
  return { file, line, message, severity: 'warning' };
}

/** The message of anything thrown, without a stack. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}

/**
 * Anything thrown, as a Diagnostic: a LocatedError's own file and line win, `fallback` fills in
 * what it does not know, and `prefix` (e.g. `invalid front matter: `) goes before the message.
 */
export function diagnosticFrom(thrown: unknown, fallback: Location, prefix = '', severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const located = thrown instanceof LocatedError ? thrown : undefined;
  const file = located?.file || fallback.file;
  const line = located?.line ?? fallback.line;
  return { file, line, message: prefix + messageOf(thrown), severity };
}

/** `path:line: message`, the form editors and terminals turn into links. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${d.message}`;
}

/** True when any record is an error. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Errors first, then by file and line, so output is stable whatever order work finished in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}
