/**
 * Watching the site: chokidar runs in a worker thread of its own (watch-worker.ts), where its
 * folder re-reads stay off the thread that rebuilds and serves; its events come back over the
 * protocol in watch-protocol.ts and feed the batcher (batcher.ts), which runs one plan at a time.
 */
import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../workers/spawn.js';
import { type BatcherOptions, ChangeBatcher, type RebuildPlan } from './batcher.js';
import type { WatcherCommand, WatcherMessage } from './watch-protocol.js';
import { type WatchTargets, watchRoots } from './watch-targets.js';

export type { RebuildPlan } from './batcher.js';

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

/** Starts the chokidar worker. */
function spawnWatcher(targets: WatchTargets): Worker {
  return spawnModuleWorker('dev/watch-worker', { workerData: { targets } });
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
