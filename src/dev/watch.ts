/**
 * File events → rebuild plans. chokidar watches the site's sources; a batcher coalesces the burst
 * of events one editor save makes (vim's rename dance, VS Code's truncate-then-write, temp file +
 * rename) into one plan, and runs plans one at a time.
 *
 * The batcher waits for a short quiet period after the last event, so a save is picked up fast. A
 * batch that looks half-done — a changed file that is missing or empty right now, as between an
 * editor's truncate and its write, or between vim's rename and its new file — gets a longer grace
 * period to settle before it is built, so the intermediate state is never shown.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isIgnoredName } from '../content/load.js';

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
}

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** Which source a path belongs to, or undefined when the build does not read it. */
export function kindOf(targets: WatchTargets, file: string): SourceKind | undefined {
  if (file === targets.configFile) return 'config';
  if (inside(targets.outDir, file)) return undefined;
  for (const [dir, kind] of [
    [targets.layoutsDir, 'layout'],
    [targets.postsDir, 'post'],
  ] as const) {
    if (!inside(dir, file)) continue;
    const segments = path.relative(dir, file).split(path.sep).filter(Boolean);
    if (segments.some(isIgnoredName)) return undefined;
    if (kind === 'post') {
      const underscored = segments.slice(0, -1).filter((s) => s.startsWith('_'));
      if (underscored.some((s) => s !== '_drafts') || (!targets.drafts && underscored.includes('_drafts'))) return undefined;
    }
    return kind;
  }
  return undefined;
}

/** Whether chokidar should look at a path: a source, or a folder on the way to one. */
export function isWatched(targets: WatchTargets, file: string): boolean {
  if (kindOf(targets, file)) return true;
  return [targets.configFile, targets.postsDir, targets.layoutsDir].some((t) => t !== file && inside(file, t));
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
  readonly quietMs: number;
  readonly graceMs: number;
  readonly maxWaitMs: number;

  constructor(private readonly options: BatcherOptions) {
    this.quietMs = options.quietMs ?? 12;
    this.graceMs = options.graceMs ?? 60;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
  }

  /** Records one file event. */
  push(event: FileEvent, file: string, kind: SourceKind): void {
    if (this.closed) return;
    const now = performance.now();
    if (!this.pending) {
      this.pending = { files: new Map(), config: false, layouts: false, posts: false };
      this.firstEventAt = now;
      this.graceUsed = false;
    }
    this.lastEventAt = now;
    this.pending.files.set(file, { event, kind });
    if (kind === 'config') this.pending.config = true;
    if (kind === 'layout') this.pending.layouts = true;
    if (kind === 'post') this.pending.posts = true;
    if (!this.busy) this.arm(this.quietMs);
  }

  /** Resolves when no batch is waiting or running. */
  idle(): Promise<void> {
    if (!this.pending && !this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops pending changes and stops scheduling; waits for a running plan to finish. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
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
    if (performance.now() - this.lastEventAt < this.quietMs && !overdue()) {
      if (!this.timer) this.arm(this.quietMs); // An event arrived while checking: wait for quiet again.
      return;
    }
    this.pending = undefined;
    await this.options.run(plan).catch(() => undefined);
  }

  private wakeIdle(): void {
    if (this.pending || this.busy) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

/** Whether a batch looks mid-save: a changed source file that is gone or empty right now. */
async function looksUnsettled(plan: RebuildPlan): Promise<boolean> {
  const checks = [...plan.files].filter(([, { event }]) => event === 'add' || event === 'change' || event === 'unlink');
  const states = await Promise.all(
    checks.map(async ([file]) => {
      try {
        return (await stat(file)).size === 0;
      } catch {
        return true;
      }
    }),
  );
  return states.some(Boolean);
}

/** A running watcher. */
export interface SiteWatcher {
  /** Resolves when no rebuild is waiting or running. */
  idle(): Promise<void>;
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

/** Watches the site's sources and feeds coalesced plans to `onPlan`. Resolves once watching. */
export async function watchSite(initial: WatchTargets, options: WatchOptions): Promise<SiteWatcher> {
  let targets = initial;
  const batcher = new ChangeBatcher({ ...options, run: options.onPlan });
  const start = async (): Promise<FSWatcher> => {
    const watcher = watch(watchRoots(targets), {
      ignoreInitial: true,
      // Editors' delete-then-recreate saves are coalesced by the batcher, without chokidar's 100 ms hold.
      atomic: false,
      awaitWriteFinish: false,
      ignored: (file: string) => !isWatched(targets, path.resolve(file)),
    });
    watcher.on('all', (event, file) => {
      const abs = path.resolve(file);
      const kind = kindOf(targets, abs);
      if (kind) batcher.push(event as FileEvent, abs, kind);
    });
    watcher.on('error', (thrown) => options.onError?.(thrown instanceof Error ? thrown : new Error(String(thrown))));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    return watcher;
  };
  let watcher = await start();
  return {
    idle: () => batcher.idle(),
    async retarget(next) {
      const same = JSON.stringify(watchRoots(next)) === JSON.stringify(watchRoots(targets));
      targets = next;
      if (same) return;
      await watcher.close();
      watcher = await start();
    },
    async close() {
      await watcher.close();
      await batcher.close();
    },
  };
}
