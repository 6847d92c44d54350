/**
 * File events → rebuild plans: the batcher coalesces the burst of events one editor save makes
 * (vim's rename dance, VS Code's truncate-then-write, temp file + rename) into one plan, and runs
 * plans one at a time.
 *
 * The batcher waits for a short quiet period after the last event that showed new content, so a
 * save is picked up fast and its echoes do not hold it back. A batch that looks half-done — a
 * changed file that is missing or empty right now, as between an editor's truncate and its write,
 * or between vim's rename and its new file — gets a longer grace period to settle before it is
 * built, so the intermediate state is never shown. Late echoes of a save that was already built
 * are dropped, and so are files that came and went within the batch: `sed -i` writes `sedXXXXXX`
 * beside the file and renames it over the file, so the batch holds a changed `sedXXXXXX` that no
 * longer exists; it is not a change to the site, and the rebuild line names the real file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { WATCH_DEFAULTS } from '../config/defaults.js';
import type { FileEvent, SourceKind } from './watch-targets.js';

/** One coalesced batch of changes, ready to rebuild. */
export interface RebuildPlan {
  /** Absolute path → the last event seen for it. */
  files: Map<string, { event: FileEvent; kind: SourceKind }>;
  /** `_config.yml` changed: everything must be re-read. */
  config: boolean;
  layouts: boolean;
  posts: boolean;
  /** A background full check was requested (see `ChangeBatcher.requestCheck`). */
  check: boolean;
  /** For a check-only plan: aborted when a file event arrives meanwhile. */
  signal?: AbortSignal;
}

/** A plan with nothing in it. */
const emptyPlan = (): RebuildPlan => ({ files: new Map(), config: false, layouts: false, posts: false, check: false });

/** Options of the batcher. */
export interface BatcherOptions {
  /** Called for every event taken into a batch (before any waiting), e.g. to start work early. */
  onEvent?: (event: FileEvent, file: string, kind: SourceKind) => void;
  /** Quiet time after the last event before a batch is built (ms). */
  quietMs?: number;
  /** Extra time a half-done-looking batch gets to settle (ms). */
  graceMs?: number;
  /** Upper bound on waiting, however busy the events are (ms after the first event). */
  maxWaitMs?: number;
  /** Runs a plan; the batcher never runs two at once. Must not reject. */
  run: (plan: RebuildPlan) => Promise<void>;
}

/** Coalesces events into plans and runs them one at a time. */
export class ChangeBatcher {
  private pending: RebuildPlan | undefined;
  private firstEventAt = 0;
  private lastEventAt = 0;
  private graceUsed = false;
  private timer: NodeJS.Timeout | undefined;
  /** The firing in progress (settle check and rebuild), if any. */
  private busy: Promise<void> | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private checkTimer: NodeJS.Timeout | undefined;
  /** Aborts the check-only plan being run, if that is what is running. */
  private abortCheck: AbortController | undefined;
  /** What each file of the last batches held when they were built, to drop late duplicate events. */
  private built = new Map<string, { at: number; fingerprint: string }>();
  /** Fingerprint each file of the pending batch had at its latest event. */
  private seen = new Map<string, string>();
  /** Files of the pending batch that had an `add` event in it. */
  private created = new Set<string>();
  readonly quietMs: number;
  readonly graceMs: number;
  readonly maxWaitMs: number;

  constructor(private readonly options: BatcherOptions) {
    this.quietMs = options.quietMs ?? WATCH_DEFAULTS.quietMs;
    this.graceMs = options.graceMs ?? WATCH_DEFAULTS.graceMs;
    this.maxWaitMs = options.maxWaitMs ?? WATCH_DEFAULTS.maxWaitMs;
  }

  /**
   * Records one file event. The quiet period restarts only when the event shows something new: a
   * file not yet in the batch, or one whose content differs from what the previous event for it
   * saw. The echoes one save produces (several raw fs.watch events, chokidar's own `change` after
   * them, often delayed by its folder re-reads) join the batch without holding it back.
   */
  push(event: FileEvent, file: string, kind: SourceKind): void {
    if (this.closed) return;
    const now = performance.now();
    const print = fingerprint(file);
    if (!this.pending?.files.has(file)) {
      // The trailing events of a save that was already built (the write after the truncate, chokidar's
      // own `change` after the raw one, its `add` from re-reading the folder after vim's rename dance)
      // say nothing new: the file holds what the build read.
      const built = this.built.get(file);
      if (built && now - built.at < LATE_EVENT_MS && print === built.fingerprint) return;
    }
    this.abortCheck?.abort();
    if (!this.pending) {
      this.pending = emptyPlan();
      this.firstEventAt = now;
      this.lastEventAt = now;
    } else if (this.seen.get(file) !== print) {
      this.lastEventAt = now;
    }
    this.seen.set(file, print);
    if (event === 'add' || event === 'addDir') this.created.add(file);
    // Every new event may be a step of a save still under way: it earns the grace period again
    // (bounded by maxWaitMs from the first event).
    this.graceUsed = false;
    // A late `change` (raw events) must not hide that the file was added or removed in this batch.
    const previous = this.pending.files.get(file)?.event;
    if (!(event === 'change' && previous !== undefined && previous !== 'change')) this.pending.files.set(file, { event, kind });
    try {
      this.options.onEvent?.(event, file, kind);
    } catch {
      // A hint only.
    }
    if (kind === 'config') this.pending.config = true;
    if (kind === 'layout') this.pending.layouts = true;
    if (kind === 'post') this.pending.posts = true;
    if (!this.busy) this.arm(this.quietMs);
  }

  /**
   * Asks for a background check (a plan with `check` set and no files) once nothing has happened for
   * `afterMs`. A file event while the check runs aborts it (the signal in the plan).
   */
  requestCheck(afterMs: number): void {
    if (this.closed) return;
    clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => {
      this.checkTimer = undefined;
      if (this.closed) return;
      if (this.pending) {
        this.pending.check = true;
        return;
      }
      this.pending = { ...emptyPlan(), check: true };
      this.firstEventAt = this.lastEventAt = performance.now() - this.quietMs;
      this.graceUsed = true;
      if (!this.busy) this.arm(0);
    }, afterMs);
  }

  /** Resolves when no batch (or requested check) is waiting or running. */
  idle(): Promise<void> {
    if (!this.pending && !this.busy && !this.checkTimer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops pending changes and stops scheduling; waits for a running plan to finish. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
    this.abortCheck?.abort();
    this.timer = undefined;
    this.pending = undefined;
    this.seen.clear();
    this.created.clear();
    await this.busy;
    this.wakeIdle();
  }

  private arm(afterLastEventMs: number): void {
    clearTimeout(this.timer);
    const due = Math.min(this.lastEventAt + afterLastEventMs, this.firstEventAt + this.maxWaitMs);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (this.busy || !this.pending || this.closed) return;
        this.busy = this.fire().finally(() => {
          this.busy = undefined;
          if (this.pending && !this.closed) {
            // Changes that arrived meanwhile: build them once they are quiet.
            if (!this.timer) this.arm(this.quietMs);
          } else {
            this.wakeIdle();
          }
        });
      },
      Math.max(0, due - performance.now()),
    );
  }

  private async fire(): Promise<void> {
    const plan = this.pending!;
    const overdue = () => performance.now() - this.firstEventAt >= this.maxWaitMs;
    const passing = (file: string, event: FileEvent, kind: SourceKind) => isPassing(file, event, kind, this.created.has(file));
    if (!this.graceUsed && !overdue() && looksUnsettled(plan, passing)) {
      this.graceUsed = true;
      if (!this.closed) this.arm(this.graceMs);
      return;
    }
    if (this.closed || this.pending !== plan) return;
    // Timers have millisecond granularity and may fire a little early: allow for that.
    if (performance.now() - this.lastEventAt < this.quietMs - 2 && !overdue()) {
      if (!this.timer) this.arm(this.quietMs); // An event arrived while checking: wait for quiet again.
      return;
    }
    this.pending = undefined;
    this.seen.clear();
    for (const [file, { event, kind }] of plan.files) if (passing(file, event, kind)) plan.files.delete(file);
    this.created.clear();
    const now = performance.now();
    for (const file of plan.files.keys()) this.built.set(file, { at: now, fingerprint: fingerprint(file) });
    for (const [file, { at }] of this.built) if (now - at > LATE_EVENT_MS) this.built.delete(file);
    if (plan.files.size === 0 && !plan.check && !plan.config) return; // Only temp files: nothing changed.
    const kinds = new Set([...plan.files.values()].map((f) => f.kind));
    plan.layouts = kinds.has('layout');
    plan.posts = kinds.has('post');
    if (plan.check && plan.files.size === 0) {
      this.abortCheck = new AbortController();
      plan.signal = this.abortCheck.signal;
    }
    try {
      await this.options.run(plan);
    } catch {
      // run() reports its own problems; the loop goes on.
    } finally {
      this.abortCheck = undefined;
    }
  }

  private wakeIdle(): void {
    if (this.pending || this.busy || this.checkTimer) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

/** How long after a batch is built a `change` that brings no new content is taken as its echo (ms). */
const LATE_EVENT_MS = WATCH_DEFAULTS.lateEventMs;

/** The content of a file, as a hash (size and mtime for big files); `-` when it cannot be read. */
function fingerprint(file: string): string {
  try {
    const info = statSync(file);
    if (!info.isFile()) return `dir`;
    if (info.size > 1 << 20) return `${info.size}:${info.mtimeMs}:${info.ino}`;
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return '-';
  }
}

/**
 * Whether a file came and went within the batch: it is gone now, and the batch saw it created or
 * only changed, never removed (a file the site had ends with an `unlink`). Never `_config.yml`.
 */
function isPassing(file: string, event: FileEvent, kind: SourceKind, created: boolean): boolean {
  if (kind === 'config') return false;
  if (!created && (event === 'unlink' || event === 'unlinkDir')) return false;
  try {
    statSync(file);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether a batch looks mid-save: a changed source file that is gone or empty right now (files
 * that came and went aside). Stats synchronously: chokidar's folder re-reads keep the libuv pool
 * busy right after a save.
 */
function looksUnsettled(plan: RebuildPlan, passing: (file: string, event: FileEvent, kind: SourceKind) => boolean): boolean {
  for (const [file, { event, kind }] of plan.files) {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') continue;
    if (passing(file, event, kind)) continue;
    try {
      if (statSync(file).size === 0) return true;
    } catch {
      return true;
    }
  }
  return false;
}
