/**
 * The render jobs waiting for a thread, shared by this thread and the workers: this thread takes
 * one job at a time from the front, workers take batches from the back (so the two ends meet in
 * the middle and nobody waits on the other), and jobs only a worker may run (too large for this
 * thread, or failed here) go to workers first.
 */
import type { MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';

/** A render request waiting for its result. */
export interface Job {
  input: MarkdownInput;
  resolve(value: RenderedMarkdown): void;
  reject(reason: Error): void;
}

/** Largest batch a worker takes at once; batches shrink as the queue empties (guided self-scheduling). */
export const MAX_BATCH = 48;

/** A double-ended queue of jobs, with a lane for jobs that must run on a worker. */
export class JobQueue {
  private readonly shared: Job[] = [];
  private readonly workerOnly: Job[] = [];

  /** Jobs waiting, both lanes. */
  get size(): number {
    return this.shared.length + this.workerOnly.length;
  }

  /** Jobs waiting that only a worker may run. */
  get workerOnlySize(): number {
    return this.workerOnly.length;
  }

  /** Adds a job anyone may run, or (`workerOnly`) one only a worker may. */
  push(job: Job, workerOnly = false): void {
    (workerOnly ? this.workerOnly : this.shared).push(job);
  }

  /** Puts jobs back in front of their lane (a worker that died or timed out had taken them). */
  requeue(jobs: readonly Job[], workerOnly: (job: Job) => boolean): void {
    const mine = jobs.filter(workerOnly);
    this.workerOnly.unshift(...mine);
    this.shared.unshift(...jobs.filter((job) => !mine.includes(job)));
  }

  /** The next job for this thread: the first shared one, if any. */
  takeOne(): Job | undefined {
    return this.shared.shift();
  }

  /**
   * A batch for one of `threads` rendering threads: every worker-only job first (up to MAX_BATCH),
   * then from the back of the shared lane — a share of what is left that keeps every thread busy to
   * the end (`remaining / (2 × threads)`), at least one. With `workerOnlyJobs`, only those.
   */
  takeBatch(threads: number, workerOnlyJobs = false): Job[] {
    const batch = this.workerOnly.splice(0, MAX_BATCH);
    if (workerOnlyJobs || batch.length > 0) return batch;
    const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(this.shared.length / (2 * threads))));
    return this.shared.splice(Math.max(0, this.shared.length - size));
  }

  /** Removes and returns every waiting job. */
  drain(): Job[] {
    return [...this.workerOnly.splice(0), ...this.shared.splice(0)];
  }
}
