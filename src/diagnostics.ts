/** A problem found while building: errors stop the build, warnings are printed and the build goes on. */
export interface Diagnostic {
  /** Path of the offending file, relative to the site root (or as given). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Makes an error record. */
export function error(file: string, message: string, line?: number): Diagnostic {
  return { file, line, message, severity: 'error' };
}

/** Makes a warning record. */
export function warning(file: string, message: string, line?: number): Diagnostic {
  return { file, line, message, severity: 'warning' };
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
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The message of anything thrown, without a stack. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  return String(thrown);
}
