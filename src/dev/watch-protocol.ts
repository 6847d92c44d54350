/** The messages between the watcher (watcher.ts) and its chokidar worker (watch-worker.ts). */
import type { FileEvent, SourceKind, WatchTargets } from './watch-targets.js';

/** Messages the worker sends. */
export type WatcherMessage =
  | { type: 'event'; event: FileEvent; file: string; kind: SourceKind }
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'closed' };

/** Messages the worker takes. */
export type WatcherCommand = { type: 'retarget'; targets: WatchTargets } | { type: 'close' };
