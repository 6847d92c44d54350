import { describe, expect, it } from 'vitest';
import { type Job, JobQueue, MAX_BATCH } from '../../src/render-service/job-queue.js';

const job = (body: string): Job => ({ input: { body, bodyLine: 1 }, resolve: () => {}, reject: () => {} });
const bodies = (jobs: readonly Job[]) => jobs.map((j) => j.input.body);
const filled = (n: number) => {
  const queue = new JobQueue();
  for (let i = 0; i < n; i++) queue.push(job(String(i)));
  return queue;
};

describe('JobQueue', () => {
  it('gives this thread the front, one at a time, and workers the back', () => {
    const queue = filled(10);
    expect(queue.takeOne()?.input.body).toBe('0');
    // 9 left, 2 threads: ceil(9 / 4) = 3 from the back.
    expect(bodies(queue.takeBatch(2))).toEqual(['7', '8', '9']);
    expect(queue.takeOne()?.input.body).toBe('1');
    expect(queue.size).toBe(5);
  });

  it('shrinks batches as the queue empties, never below one, never above MAX_BATCH', () => {
    const queue = filled(1000);
    expect(queue.takeBatch(2)).toHaveLength(MAX_BATCH);
    const small = filled(3);
    expect(small.takeBatch(2)).toHaveLength(1);
    expect(small.takeBatch(2)).toHaveLength(1);
    expect(small.takeBatch(2)).toHaveLength(1);
    expect(small.takeBatch(2)).toHaveLength(0);
  });

  it('serves worker-only jobs first, and only those when asked', () => {
    const queue = filled(4);
    queue.push(job('big'), true);
    expect(queue.workerOnlySize).toBe(1);
    expect(bodies(queue.takeBatch(2, true))).toEqual(['big']);
    expect(queue.takeBatch(2, true)).toEqual([]);
    expect(queue.takeOne()?.input.body).toBe('0');
  });

  it('puts requeued jobs back in front of their own lane', () => {
    const queue = filled(2);
    const back = [job('a'), job('big')];
    queue.requeue(back, (j) => j.input.body === 'big');
    expect(bodies(queue.takeBatch(2, true))).toEqual(['big']);
    expect(queue.takeOne()?.input.body).toBe('a');
    expect(bodies(queue.drain())).toEqual(['0', '1']);
    expect(queue.size).toBe(0);
  });
});
