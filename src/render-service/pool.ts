/**
 * A worker_threads pool for Markdown rendering. Each worker owns one renderer and one highlighter,
 * created once and kept warm; a shared queue feeds one job at a time to each idle worker. A job
 * that runs past the time limit (pathological input) fails alone: its worker is replaced.
 */
import type { Worker } from 'node:worker_threads';
import { RENDER_DEFAULTS } from '../config/defaults.js';
import type { MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import { spawnModuleWorker } from '../workers/spawn.js';
import { describeRenderFailure, RenderFailure } from './failure.js';
import type { RenderService } from './types.js';

/** A render request waiting for its result. */
export interface Job {
  input: MarkdownInput;
  resolve(value: RenderedMarkdown): void;
  reject(reason: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

function spawnWorker(): Worker {
  return spawnModuleWorker(import.meta.url, './worker', { resourceLimits: { stackSizeMb: RENDER_DEFAULTS.workerStackMb } });
}

/** Starts `size` render workers sharing one queue. */
export function createPoolService(size: number, timeoutMs: number = RENDER_DEFAULTS.timeoutMs): RenderService {
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
