/** What a dev rebuild is asked for and what it reports (see session.ts, which runs them). */
import type { DevDiagnostic } from './link-index.js';
import type { OutputChange } from './output-mirror.js';

/** Which sources a rebuild was asked for (from the watcher); every field optional. */
export interface RebuildRequest {
  /** Absolute paths of changed, added or removed source files (their cached parse is dropped). */
  files?: Iterable<string>;
  /** Re-read everything: `_config.yml` changed. */
  full?: boolean;
  /** A background full check after fast rebuilds (re-plans the whole site, writes what differs). */
  check?: boolean;
  /** Abandons a check early (a new save arrived); nothing is written then. */
  signal?: AbortSignal;
}

/**
 * How a rebuild was done. `fast`: only the edited posts were re-read and their pages (and the feed)
 * re-rendered, because nothing that lists show changed; `replan`: the whole site was planned again
 * from the (cached) sources and the pages whose inputs changed were rendered; `check`: a `replan`
 * run in the background after fast rebuilds, to catch anything they could not see.
 */
export type RebuildMode = 'fast' | 'replan' | 'check';

/** What one rebuild did. */
export interface RebuildResult {
  /** False when the site has errors; nothing was written then. */
  ok: boolean;
  /**
   * When ok: every warning the site has now, broken links included (what `inkstone build` would
   * print), each with the pages it shows on. When not: this attempt's errors and warnings, errors first.
   */
  diagnostics: DevDiagnostic[];
  /** Files whose bytes changed on disk (written or newly created). */
  written: OutputChange[];
  /** Output files deleted because nothing produces them any more. */
  removed: OutputChange[];
  /** Pages run through Liquid (their inputs changed), whether or not their bytes did. */
  rendered: number;
  /** Pages whose links were checked (the rendered ones and the pages pointing into them; all in a check). */
  linksChecked: number;
  /** The whole output folder was written (first build, output folder moved). */
  full: boolean;
  mode: RebuildMode;
  /** A check was abandoned because new changes arrived; it should be retried. */
  aborted?: boolean;
  /** Fast rebuilds happened since the last full plan: a background check is due. */
  needsCheck: boolean;
  posts: number;
  pages: number;
  durationMs: number;
  /** `performance.now()` when the output was on disk. */
  finishedAt: number;
  outDir: string;
  /** Entries that look like posts but were not read, as of the last full plan (each also has a diagnostic). */
  skipped: string[];
}
