/**
 * Render worker threads fed from a JobQueue. Each worker owns one renderer and one highlighter,
 * created once and kept warm; it takes batches from the back of the queue, and takes the next
 * batch while a few posts of the last one are still left, so it never waits for this thread to
 * notice it is idle. A job that runs past the time limit (pathological input) fails alone: its
 * worker is replaced and the rest of its batch goes back to the queue.
 */
import type { Worker } from 'node:worker_threads';
import { RENDER_DEFAULTS } from '../config/defaults.js';
import type { MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import { spawnModuleWorker } from '../workers/spawn.js';
import { describeRenderFailure, RenderFailure } from './failure.js';
import { type Job, JobQueue } from './job-queue.js';
import type { RenderService } from './types.js';

/** A worker takes its next batch when this few posts of the last one are left. */
const PREFETCH = 4;

interface Slot {
  worker: Worker;
  /** The renderer is loaded: shared jobs may be sent (worker-only ones are sent at once). */
  ready: boolean;
  /** Jobs sent, in the order the worker renders them. */
  sent: Job[];
  timer: NodeJS.Timeout | undefined;
}

/** Workers fed from a queue. */
export interface WorkerPool {
  readonly size: number;
  /** Hands waiting jobs to workers that have room (starting the workers on first use). */
  wake(): void;
  /** Stops every worker; jobs they hold are rejected. */
  close(): Promise<void>;
}

/** How a pool takes its work. */
export interface WorkerPoolOptions {
  size: number;
  queue: JobQueue;
  /** Threads sharing the queue (these workers, and this thread when it renders too): sizes batches. */
  threads: number;
  /** Whether workers take shared jobs now, or only those only a worker may run. */
  sharesWork(): boolean;
  /** Whether a job may only run on a worker (so it goes back to that lane when requeued). */
  isWorkerOnly(job: Job): boolean;
  timeoutMs?: number | undefined;
}

function spawnWorker(): Worker {
  return spawnModuleWorker('render-service/worker', { resourceLimits: { stackSizeMb: RENDER_DEFAULTS.workerStackMb } });
}

/** Starts up to `size` render workers taking batches from `queue`. */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const { size, queue } = options;
  const timeoutMs = options.timeoutMs ?? RENDER_DEFAULTS.timeoutMs;
  const slots: Slot[] = [];
  let closed = false;
  // Workers that died before loading their renderer: after a few, workers cannot start here at all.
  let failedStarts = 0;

  const refill = (slot: Slot) => {
    if (closed || slot.sent.length > PREFETCH || queue.size === 0) return;
    const batch = queue.takeBatch(options.threads, !slot.ready || !options.sharesWork());
    if (batch.length === 0) return;
    slot.sent.push(...batch);
    slot.worker.ref();
    slot.worker.postMessage({ inputs: batch.map((job) => job.input) });
  };

  const wake = () => {
    if (closed || queue.size === 0) return;
    if (slots.length === 0 && queue.workerOnlySize === 0 && !options.sharesWork()) return;
    start();
    for (const slot of slots) refill(slot);
  };

  // The clock starts when the worker begins a job, so a worker's start-up (shiki, grammars) never counts against a post.
  const startClock = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      fail(slot, new RenderFailure(`rendering took longer than ${limit}; split this post into smaller ones`));
    }, timeoutMs);
  };

  /** The job being rendered fails; the worker is replaced and the rest of its batch goes back to the queue. */
  const fail = (slot: Slot, reason: RenderFailure) => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (!slot.ready && ++failedStarts >= 3) {
      // Not a post's fault: every job that needs a worker fails with the reason, and no more workers start.
      closed = true;
      for (const job of [...slot.sent.splice(0), ...queue.takeBatch(options.threads, true)]) job.reject(reason);
      void slot.worker.terminate();
      return;
    }
    const [job, ...rest] = slot.sent.splice(0);
    queue.requeue(rest, options.isWorkerOnly);
    job?.reject(reason);
    const old = slot.worker;
    old.removeAllListeners();
    void old.terminate();
    if (closed) return;
    slot.worker = spawnWorker();
    slot.ready = false;
    attach(slot);
    wake();
  };

  const attach = (slot: Slot) => {
    slot.worker.on('message', (message: { ready?: boolean; started?: boolean; result?: RenderedMarkdown; error?: string }) => {
      if (message.ready) {
        slot.ready = true;
        failedStarts = 0;
        refill(slot);
        return;
      }
      if (message.started) {
        startClock(slot);
        return;
      }
      clearTimeout(slot.timer);
      slot.timer = undefined;
      const job = slot.sent.shift();
      if (message.error !== undefined) job?.reject(new RenderFailure(message.error));
      else job?.resolve(message.result!);
      refill(slot);
      if (slot.sent.length === 0) slot.worker.unref();
    });
    slot.worker.on('error', (thrown) => fail(slot, new RenderFailure(describeRenderFailure(thrown))));
  };

  // Workers start on the first job, so a build served entirely from the cache starts none.
  const start = () => {
    for (let i = slots.length; i < size; i++) {
      const slot: Slot = { worker: spawnWorker(), ready: false, sent: [], timer: undefined };
      slot.worker.unref();
      attach(slot);
      slots.push(slot);
    }
  };

  return {
    size,
    wake,
    async close() {
      closed = true;
      for (const slot of slots) {
        clearTimeout(slot.timer);
        for (const job of slot.sent.splice(0)) job.reject(new RenderFailure('render pool is closed'));
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** A render service of `size` workers and nothing else (every job on a worker). */
export function createPoolService(size: number, timeoutMs?: number): RenderService {
  const queue = new JobQueue();
  const pool = createWorkerPool({ size, queue, threads: size, sharesWork: () => true, isWorkerOnly: () => false, timeoutMs });
  let closed = false;
  return {
    workers: size,
    render(input: MarkdownInput) {
      if (closed) return Promise.reject(new RenderFailure('render pool is closed'));
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pool.wake();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.drain()) job.reject(new RenderFailure('render pool is closed'));
      await pool.close();
    },
  };
}
