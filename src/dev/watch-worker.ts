/**
 * The chokidar watcher, in a worker thread of its own. chokidar re-reads a whole watched folder
 * (an lstat per entry) on every change inside it; with a thousand posts that is tens of
 * milliseconds of work per save, which here stays off the main thread, where the rebuild and the
 * preview server run. Events go to the main thread as `{ event, file, kind }` messages.
 */

import type { Stats } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { type FSWatcher, watch } from 'chokidar';
import { messageOf } from '../diagnostics.js';
import type { WatcherCommand, WatcherMessage } from './watch-protocol.js';
import { type FileEvent, isWatched, kindOf, type WatchTargets, watchRoots } from './watch-targets.js';

const port = parentPort!;
let targets = (workerData as { targets: WatchTargets }).targets;
let watcher: FSWatcher | undefined;

const send = (message: WatcherMessage) => port.postMessage(message);

async function start(): Promise<void> {
  const current = watch(watchRoots(targets), {
    ignoreInitial: true,
    // Editors' delete-then-recreate saves are coalesced by the batcher, without chokidar's 100 ms hold.
    atomic: false,
    awaitWriteFinish: false,
    ignored: (file: string, stats?: Stats) => !isWatched(targets, path.resolve(file), stats ? stats.isDirectory() : undefined),
  });
  current.on('all', (event, file) => {
    const abs = path.resolve(file);
    const kind = kindOf(targets, abs, event === 'addDir' || event === 'unlinkDir');
    // A folder that came or went may have held anything: the whole site is planned again.
    if (kind) send({ type: 'event', event: event as FileEvent, file: abs, kind: kind === 'folder' ? 'content' : kind });
  });
  // chokidar drops a `change` for a file that had one less than 50 ms before (it throttles rather
  // than defers), so a quick second save would be lost. The raw fs.watch events are not throttled,
  // and they come before chokidar's folder re-read: every change they report is passed on too.
  current.on('raw', (rawEvent, name, details) => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (rawEvent !== 'change' || !name || !watched) return;
    const candidates = path.basename(watched) === name ? [watched, path.join(watched, name)] : [path.join(watched, name)];
    for (const candidate of candidates) {
      const abs = path.resolve(candidate);
      const kind = kindOf(targets, abs);
      if (kind && kind !== 'folder') {
        send({ type: 'event', event: 'change', file: abs, kind });
        return;
      }
    }
  });
  current.on('error', (thrown) => send({ type: 'error', message: messageOf(thrown) }));
  await new Promise<void>((resolve) => current.once('ready', () => resolve()));
  watcher = current;
}

port.on('message', (command: WatcherCommand) => {
  void (async () => {
    try {
      if (command.type === 'retarget') {
        targets = command.targets;
        await watcher?.close();
        await start();
        send({ type: 'ready' });
      } else {
        await watcher?.close();
        watcher = undefined;
        send({ type: 'closed' });
        port.close();
      }
    } catch (thrown) {
      send({ type: 'error', message: messageOf(thrown) });
    }
  })();
});

start().then(
  () => send({ type: 'ready' }),
  (thrown: unknown) => send({ type: 'error', message: messageOf(thrown) }),
);
