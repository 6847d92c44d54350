/**
 * The one render-service factory, used by `build` and `dev` alike, and its one worker policy.
 *
 * Rendering is hybrid: this thread renders small posts itself whenever it is free, and a pool of
 * worker threads takes the rest. Workers have a far larger stack and a per-post time limit, so a
 * post too large or too deep to render safely here always goes to one, and a post that fails here
 * gets a second try on one: whether a post renders never depends on which thread took it. The
 * output is the same either way: every path runs the same renderer.
 *
 * The policy: one worker per core besides this one (on one core, one worker that takes only what
 * this thread must not render). The workers share one job queue with
 * this thread (job-queue.ts): this thread takes posts one at a time from the front, workers take
 * batches from the back, so neither waits on the other and both finish together. Workers join
 * once a backlog builds up, so small sites never pay for their start-up. Measured by `npm run
 * bench` on 2 cores (2026-12-02): 1000 posts 9.2 s shared vs 10.2 s on this thread alone, 4000
 * posts 27 vs 36 s (realistic code blocks: 32 vs 50 s); 250 posts tie within noise.
 */
import { availableParallelism } from 'node:os';
import { RENDER_DEFAULTS } from '../config/defaults.js';
import type { RenderedMarkdown } from '../markdown/pipeline.js';
import { describeRenderFailure, RenderFailure } from './failure.js';
import { type Job, JobQueue } from './job-queue.js';
import { createWorkerPool } from './pool.js';
import type { RenderService } from './types.js';

/** How to render. */
export interface RenderServiceOptions {
  /** Worker threads besides this one; 0 renders here only. Default: the policy above. */
  workers?: number | undefined;
  /** Per-post time limit on workers (ms). */
  timeoutMs?: number;
}

/** Renders in this thread only; failures (stack overflow included) become RenderFailures. */
export async function createInProcessService(): Promise<RenderService> {
  // Loaded on first use: a build served from the cache never loads unified or shiki at all.
  const { createMarkdownRenderer } = await import('../markdown/pipeline.js');
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

/** Creates the render service (see the policy in the module comment). */
export async function createRenderService(options: RenderServiceOptions = {}): Promise<RenderService> {
  const cores = availableParallelism();
  const workers = options.workers ?? Math.max(1, cores - 1);
  if (workers <= 0) return createInProcessService();
  const share = options.workers !== undefined || cores > 1;
  const queue = new JobQueue();
  const workerOnly = new WeakSet<Job>();
  let poolStarted = false;
  const pool = createWorkerPool({
    size: workers,
    queue,
    threads: workers + 1,
    timeoutMs: options.timeoutMs,
    isWorkerOnly: (job) => workerOnly.has(job),
    // Small sites never pay for worker start-up: shared jobs go to workers once a backlog builds up.
    sharesWork: () => share && (poolStarted ||= queue.size > RENDER_DEFAULTS.workerStartBacklog),
  });
  let local: Promise<RenderService> | undefined;
  let localBusy = false;
  let closed = false;

  const toWorker = (job: Job) => {
    workerOnly.add(job);
    queue.push(job, true);
    pool.wake();
  };

  const runLocal = (job: Job) => {
    localBusy = true;
    local ??= createInProcessService();
    local
      .then((service) => service.render(job.input))
      // A failure here gets its last word from a worker, which has the bigger stack.
      .then(job.resolve, () => toWorker(job))
      .finally(() => {
        localBusy = false;
        // Let I/O and the workers' messages run between jobs on this thread.
        setImmediate(pump);
      });
  };

  const pump = () => {
    if (closed) return;
    if (!localBusy) {
      const job = queue.takeOne();
      if (job) runLocal(job);
    }
    pool.wake();
  };

  return {
    workers,
    render(input) {
      if (closed) return Promise.reject(new RenderFailure('render service is closed'));
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        const job = { input, resolve, reject };
        if (input.body.length > RENDER_DEFAULTS.inProcessMaxBytes) toWorker(job);
        else {
          queue.push(job);
          pump();
        }
      });
    },
    async close() {
      closed = true;
      for (const job of queue.drain()) job.reject(new RenderFailure('render service is closed'));
      await pool.close();
    },
  };
}
