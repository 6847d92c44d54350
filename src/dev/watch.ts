/**
 * File events → rebuild plans. chokidar watches the site's sources in a worker thread
 * (watch-worker.ts); here a batcher coalesces the burst of events one editor save makes (vim's
 * rename dance, VS Code's truncate-then-write, temp file + rename) into one plan, and runs plans
 * one at a time.
 *
 * The batcher waits for a short quiet period after the last event that showed new content, so a
 * save is picked up fast and its echoes do not hold it back. A batch that looks half-done — a
 * changed file that is missing or empty right now, as between an editor's truncate and its write,
 * or between vim's rename and its new file — gets a longer grace period to settle before it is
 * built, so the intermediate state is never shown. Late echoes of a save that was already built
 * are dropped.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isIgnoredName } from '../content/load.js';
import type { WatcherCommand, WatcherMessage } from './watch-worker.js';

/** What to watch, as absolute paths (from the site config). */
export interface WatchTargets {
  root: string;
  configFile: string;
  postsDir: string;
  layoutsDir: string;
  /** Never watched, even when inside a watched folder. */
  outDir: string;
  /** Whether `posts/_drafts/` is built (and so worth watching). */
  drafts: boolean;
}

/** What a source file is to the build. */
export type SourceKind = 'config' | 'layout' | 'post';

/** A chokidar event name. */
export type FileEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

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

const emptyPlan = (): RebuildPlan => ({ files: new Map(), config: false, layouts: false, posts: false, check: false });

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Which source a path belongs to, or undefined when the build does not read it. Mirrors what the
 * loader skips: hidden folders anywhere, editor droppings as file names (`.x.md.swp`, `4913`, `x~`),
 * and `_` folders under posts other than `_drafts` (and that one only when drafts are built).
 */
export function kindOf(targets: WatchTargets, file: string, isDirectory = false): SourceKind | undefined {
  if (file === targets.configFile) return isDirectory ? undefined : 'config';
  if (inside(targets.outDir, file)) return undefined;
  for (const [dir, kind] of [
    [targets.layoutsDir, 'layout'],
    [targets.postsDir, 'post'],
  ] as const) {
    if (!inside(dir, file)) continue;
    const segments = path.relative(dir, file).split(path.sep).filter(Boolean);
    const folders = isDirectory ? segments : segments.slice(0, -1);
    const name = isDirectory ? undefined : segments[segments.length - 1];
    if (folders.some((s) => s.startsWith('.')) || (name !== undefined && isEditorTemp(name))) return undefined;
    if (kind === 'post') {
      const underscored = folders.filter((s) => s.startsWith('_'));
      if (underscored.some((s) => s !== '_drafts') || (!targets.drafts && underscored.includes('_drafts'))) return undefined;
    }
    return kind;
  }
  return undefined;
}

/** Editor temp files: the loader's list, plus JetBrains' safe-write names. */
export function isEditorTemp(name: string): boolean {
  return isIgnoredName(name) || /___jb_(tmp|old|bak)___$/.test(name);
}

/**
 * Whether chokidar should look at a path: a source, or a folder on the way to one. `isDirectory`
 * undefined (chokidar has no stats yet) lets the path through when either reading allows it.
 */
export function isWatched(targets: WatchTargets, file: string, isDirectory?: boolean): boolean {
  const kind = isDirectory === undefined ? (kindOf(targets, file, true) ?? kindOf(targets, file, false)) : kindOf(targets, file, isDirectory);
  if (kind) return true;
  return isDirectory !== false && [targets.configFile, targets.postsDir, targets.layoutsDir].some((t) => t !== file && inside(file, t));
}

/** Folders to hand chokidar: the site root, plus source folders configured outside it. */
export function watchRoots(targets: WatchTargets): string[] {
  const roots = [targets.root];
  for (const t of [targets.postsDir, targets.layoutsDir, path.dirname(targets.configFile)]) {
    if (!roots.some((r) => inside(r, t))) roots.push(t);
  }
  return roots;
}

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
  readonly quietMs: number;
  readonly graceMs: number;
  readonly maxWaitMs: number;

  constructor(private readonly options: BatcherOptions) {
    this.quietMs = options.quietMs ?? 8;
    this.graceMs = options.graceMs ?? 60;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
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
    await this.busy;
    this.wakeIdle();
  }

  private arm(afterLastEventMs: number): void {
    clearTimeout(this.timer);
    const due = Math.min(this.lastEventAt + afterLastEventMs, this.firstEventAt + this.maxWaitMs);
    this.timer = setTimeout(() => {
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
    }, Math.max(0, due - performance.now()));
  }

  private async fire(): Promise<void> {
    const plan = this.pending!;
    const overdue = () => performance.now() - this.firstEventAt >= this.maxWaitMs;
    if (!this.graceUsed && !overdue() && (await looksUnsettled(plan))) {
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
    const now = performance.now();
    for (const file of plan.files.keys()) this.built.set(file, { at: now, fingerprint: fingerprint(file) });
    for (const [file, { at }] of this.built) if (now - at > LATE_EVENT_MS) this.built.delete(file);
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
const LATE_EVENT_MS = 500;

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
 * Whether a batch looks mid-save: a changed source file that is gone or empty right now. Stats
 * synchronously: chokidar's folder re-reads keep the libuv pool busy right after a save.
 */
async function looksUnsettled(plan: RebuildPlan): Promise<boolean> {
  for (const [file, { event }] of plan.files) {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') continue;
    try {
      if (statSync(file).size === 0) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** A running watcher. */
export interface SiteWatcher {
  /** Resolves when no rebuild is waiting or running. */
  idle(): Promise<void>;
  /** Schedules a background check plan (see ChangeBatcher.requestCheck). */
  requestCheck(afterMs: number): void;
  /** Watches a different set of sources (after `_config.yml` moved a folder). */
  retarget(targets: WatchTargets): Promise<void>;
  close(): Promise<void>;
}

/** Options of `watchSite`. */
export interface WatchOptions extends Omit<BatcherOptions, 'run'> {
  /** Builds one plan; never called twice at once. */
  onPlan: (plan: RebuildPlan) => Promise<void>;
  /** A watcher error (EMFILE, permissions); the watcher keeps going. */
  onError?: (error: Error) => void;
}

/** Starts the chokidar worker (from the TypeScript sources under tsx, or the built JavaScript). */
function spawnWatcher(targets: WatchTargets): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const url = new URL('./watch-worker.ts', self).href;
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    return new Worker(code, { eval: true, workerData: { targets } });
  }
  return new Worker(new URL('./watch-worker.js', self), { workerData: { targets } });
}

/**
 * Watches the site's sources and feeds coalesced plans to `onPlan`. chokidar runs in a worker
 * thread (see watch-worker.ts); batching and rebuilding stay on this one. Resolves once watching.
 */
export async function watchSite(initial: WatchTargets, options: WatchOptions): Promise<SiteWatcher> {
  let targets = initial;
  const batcher = new ChangeBatcher({ ...options, run: options.onPlan });
  const worker = spawnWatcher(initial);
  let waiting: { resolve: () => void; reject: (e: Error) => void } | undefined;
  let onClosed: (() => void) | undefined;
  let exited = false;
  const untilReady = () => new Promise<void>((resolve, reject) => (waiting = { resolve, reject }));
  worker.on('message', (message: WatcherMessage) => {
    if (message.type === 'event') batcher.push(message.event, message.file, message.kind);
    else if (message.type === 'ready') waiting?.resolve();
    else if (message.type === 'error') options.onError?.(new Error(message.message));
    else onClosed?.();
  });
  worker.on('error', (thrown) => {
    if (waiting) waiting.reject(thrown);
    options.onError?.(thrown);
  });
  worker.on('exit', () => {
    exited = true;
    waiting?.reject(new Error('the file watcher stopped'));
    onClosed?.();
  });
  const first = untilReady();
  try {
    await first;
  } catch (thrown) {
    await worker.terminate();
    throw thrown;
  }
  waiting = undefined;
  let closing: Promise<void> | undefined;
  return {
    idle: () => batcher.idle(),
    requestCheck: (afterMs) => batcher.requestCheck(afterMs),
    async retarget(next) {
      const same = JSON.stringify(watchRoots(next)) === JSON.stringify(watchRoots(targets)) && JSON.stringify(next) === JSON.stringify(targets);
      targets = next;
      if (same || exited) return;
      const ready = untilReady();
      worker.postMessage({ type: 'retarget', targets: next } satisfies WatcherCommand);
      await ready.catch((thrown: Error) => options.onError?.(thrown));
      waiting = undefined;
    },
    close() {
      closing ??= (async () => {
        if (!exited) {
          const closed = new Promise<void>((resolve) => {
            onClosed = resolve;
            setTimeout(resolve, 2000).unref();
          });
          worker.postMessage({ type: 'close' } satisfies WatcherCommand);
          await closed;
          await worker.terminate();
        }
        await batcher.close();
      })();
      return closing;
    },
  };
}
