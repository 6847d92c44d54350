/**
 * What the dev loop has told the terminal about the site's problems, so that each is said once per
 * change of state, however many rebuilds (saves, echoes, background checks) see it: an error when it
 * appears, and not again while it stands; a warning when it appears and a `resolved:` line when it
 * goes away. A warning stays the same one while its file and message do (or its `key`): a line
 * number that moves because text was added above it is not news, nor is a broken link in a layout
 * breaking on one more page.
 */
import { type Diagnostic, formatDiagnostic } from '../diagnostics.js';
import type { DevDiagnostic } from './link-index.js';

/** The lines a rebuild's diagnostics call for. */
export interface DiagnosticNews {
  /** New errors, new warnings, then resolved warnings, in that order. */
  lines: string[];
  /** The rebuild failed with exactly the errors already printed. */
  sameErrors: boolean;
}

const keyOf = (d: DevDiagnostic) => d.key ?? `${d.file}\0${d.message}`;

/** `link to "#内核抢战"` out of `link to "#内核抢战": no heading …`: what was wrong, without the why. */
export function subjectOf(message: string): string {
  const cut = message.indexOf('": ');
  return cut > 0 ? message.slice(0, cut + 1) : message;
}

/** `resolved: posts/x.md:12: link to "#内核抢战"`. */
export function resolvedLine(d: Diagnostic): string {
  return `resolved: ${d.line ? `${d.file}:${d.line}` : d.file}: ${subjectOf(d.message)}`;
}

/** Pairs up two lists of the same warning by line (equal lines first, then in order); returns what is left of each. */
function unmatched(now: Diagnostic[], before: Diagnostic[]): { added: Diagnostic[]; gone: Diagnostic[] } {
  const added = [...now];
  const gone: Diagnostic[] = [];
  for (const old of before) {
    const same = added.findIndex((d) => d.line === old.line);
    if (same >= 0) added.splice(same, 1);
    else gone.push(old);
  }
  // Whatever is left on both sides moved: the same warning at another line.
  const moved = Math.min(added.length, gone.length);
  return { added: added.slice(moved), gone: gone.slice(moved) };
}

/** The terminal's memory of the site's problems. */
export class ShownDiagnostics {
  private errors = new Set<string>();
  /** Warning key → its occurrences as last shown. */
  private warnings = new Map<string, Diagnostic[]>();

  /**
   * Takes one rebuild's outcome (for a good one, every warning the site has now) and returns the
   * lines it calls for. A failed rebuild reports only what is new: its warnings are not the whole
   * site's, so none is taken as resolved until the next good one.
   */
  update(ok: boolean, diagnostics: readonly DevDiagnostic[]): DiagnosticNews {
    const lines: string[] = [];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const sameErrors = !ok && errors.length > 0 && errors.every((d) => this.errors.has(formatDiagnostic(d)));
    for (const d of errors) if (!this.errors.has(formatDiagnostic(d))) lines.push(formatDiagnostic(d));
    this.errors = new Set(errors.map(formatDiagnostic));

    const now = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) if (d.severity === 'warning') now.set(keyOf(d), [...(now.get(keyOf(d)) ?? []), d]);
    const resolved: string[] = [];
    for (const [key, list] of now) {
      const { added } = unmatched(list, this.warnings.get(key) ?? []);
      for (const d of added) lines.push(formatDiagnostic(d));
    }
    if (ok) {
      for (const [key, before] of this.warnings) for (const d of unmatched(now.get(key) ?? [], before).gone) resolved.push(resolvedLine(d));
      this.warnings = now;
    } else {
      for (const [key, list] of now) if (list.length >= (this.warnings.get(key)?.length ?? 0)) this.warnings.set(key, list);
    }
    return { lines: [...lines, ...resolved], sameErrors };
  }
}
