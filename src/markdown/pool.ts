/**
 * A worker_threads pool for Markdown rendering. Each worker owns one renderer and one highlighter,
 * created once and kept warm; a shared queue feeds one job at a time to each idle worker. A job
 * that runs past the time limit (pathological input) fails alone: its worker is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeRenderFailure } from './failure.js';
import type { MarkdownInput, MarkdownRenderer, RenderedMarkdown } from './pipeline.js';

/** Stack for workers: deep enough for nesting that overflows the default stack. */
export const WORKER_STACK_MB = 256;

/** A post that takes longer than this to render fails with a clear error instead of hanging the build. */
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;

/** A renderer that can be shut down. */
export interface RenderService extends MarkdownRenderer {
  /** Number of worker threads (0 when rendering in this thread). */
  readonly workers: number;
  close(): Promise<void>;
}

/** A render failure, carried as data rather than an exception with a stack. */
export class RenderFailure extends Error {}

interface Job {
  input: MarkdownInput;
  resolve(value: RenderedMarkdown): void;
  reject(reason: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** Default pool size: one worker per available core. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** Renders in this thread; failures (stack overflow included) become RenderFailures. */
export async function createInProcessService(): Promise<RenderService> {
  // Loaded on first use: a build served from the cache never loads unified or shiki at all.
  const { createMarkdownRenderer } = await import('./pipeline.js');
  const renderer = await createMarkdownRenderer();
  return {
    workers: 0,
    async render(input) {
      try {
        return await renderer.render(input);
      } catch (thrown) {
        throw new RenderFailure(describeRenderFailure(thrown));
      }
    },
    async close() {},
  };
}

function spawnWorker(): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Running from TypeScript sources (tsx, vitest): register tsx in the worker, then load its module.
    const url = new URL('./render-worker.ts', self).href;
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
    return new Worker(code, { eval: true, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
  }
  return new Worker(new URL('./render-worker.js', self), { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
}

/** Starts `size` render workers sharing one queue. */
export function createPoolService(size: number, timeoutMs = DEFAULT_RENDER_TIMEOUT_MS): RenderService {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;

  const finish = (slot: Slot): Job | undefined => {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    return job;
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ input: job.input });
    }
    for (const slot of slots) if (!slot.job) slot.worker.unref();
  };

  // The clock starts when the worker begins the job, so a worker's start-up (tsx, shiki) never counts against a post.
  const startClock = (slot: Slot) => {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
      finish(slot)?.reject(new RenderFailure(`rendering took longer than ${limit}; split this post into smaller ones`));
      replace(slot);
    }, timeoutMs);
  };

  const attach = (slot: Slot) => {
    slot.worker.on('message', (message: { started?: boolean; result?: RenderedMarkdown; error?: string }) => {
      if (message.started) {
        if (slot.job) startClock(slot);
        return;
      }
      const job = finish(slot);
      if (message.error !== undefined) job?.reject(new RenderFailure(message.error));
      else job?.resolve(message.result!);
      pump();
    });
    slot.worker.on('error', (thrown) => {
      finish(slot)?.reject(new RenderFailure(describeRenderFailure(thrown)));
      replace(slot);
    });
  };

  const replace = (slot: Slot) => {
    const old = slot.worker;
    old.removeAllListeners();
    void old.terminate();
    if (closed) return;
    slot.worker = spawnWorker();
    attach(slot);
    pump();
  };

  // Workers start on the first job, so a build served entirely from the cache starts none.
  const start = () => {
    for (let i = slots.length; i < size; i++) {
      const slot: Slot = { worker: spawnWorker(), job: undefined, timer: undefined };
      slot.worker.unref();
      attach(slot);
      slots.push(slot);
    }
  };

  return {
    workers: size,
    render(input: MarkdownInput) {
      if (closed) return Promise.reject(new RenderFailure('render pool is closed'));
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        start();
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new RenderFailure('render pool is closed'));
      for (const slot of slots) finish(slot)?.reject(new RenderFailure('render pool is closed'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** Workers start only once this many jobs are waiting: small sites never pay for worker start-up. */
export const WORKER_START_BACKLOG = 16;

/** Posts larger than this always go to a worker, where the time limit protects the build. */
export const IN_PROCESS_MAX_BYTES = 32 * 1024;

/**
 * Whether workers should share ordinary posts with this thread by default. Measured on a 2-core
 * machine, two rendering threads each run ~40 % slower than one and a 1000-post build took 10.5 s
 * with a worker against 8 s without, so on two cores or fewer the worker only takes posts too
 * large to render here safely (it has the bigger stack and the time limit).
 */
export function workersShareLoad(): boolean {
  return availableParallelism() > 2;
}

/** Workers to start by default: one per core, less the one this thread renders on. */
export function defaultPoolSize(): number {
  return Math.max(1, defaultWorkerCount() - 1);
}

/**
 * This thread plus a pool of `workers` threads, pulling from one queue: this thread renders small
 * jobs itself whenever it is free, and the workers (started only when a backlog builds up, and only
 * when `share` is set) take the rest, one job in flight each; large jobs always go to a worker. With `workers` 0, only this thread. The output is the same
 * either way: every path runs the same renderer.
 */
export async function createRenderService(workers: number, timeoutMs?: number, share = true): Promise<RenderService> {
  if (workers <= 0) return createInProcessService();
  const pool = createPoolService(workers, timeoutMs);
  const queue: Job[] = [];
  let local: Promise<RenderService> | undefined;
  let localBusy = false;
  let poolStarted = false;
  let inPool = 0;
  let closed = false;

  const toPool = (job: Job) => {
    inPool++;
    pool.render(job.input).then(job.resolve, job.reject).finally(() => {
      inPool--;
      pump();
    });
  };

  const runLocal = (job: Job) => {
    localBusy = true;
    local ??= createInProcessService();
    local
      .then((service) => service.render(job.input))
      .then(job.resolve, () => {
        // This thread has the default stack; a worker's is far bigger. Let a worker have the last word,
        // so whether a post renders never depends on which thread happened to take it.
        toPool(job);
      })
      .finally(() => {
        localBusy = false;
        // Let I/O and other callbacks run between jobs on this thread.
        setImmediate(pump);
      });
  };

  const pump = () => {
    if (closed) return;
    if (!poolStarted && share && queue.length > WORKER_START_BACKLOG) poolStarted = true;
    while (queue.length > 0) {
      const next = queue[0]!;
      const small = next.input.body.length <= IN_PROCESS_MAX_BYTES;
      if (small && !localBusy) runLocal(queue.shift()!);
      else if ((poolStarted || !small) && inPool < workers) toPool(queue.shift()!);
      else break;
    }
  };

  return {
    workers,
    render(input) {
      if (closed) return Promise.reject(new RenderFailure('render service is closed'));
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new RenderFailure('render service is closed'));
      await pool.close();
    },
  };
}
