/** How the batcher turns the bursts of events editor saves make into plans. */
import { closeSync, fchmodSync, openSync, renameSync, writeSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatcher, type RebuildPlan } from '../../src/dev/batcher.js';
import { removeDir, waitFor } from './helpers.js';

describe('ChangeBatcher', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'inkstone-batch-'));
  });
  afterAll(() => removeDir(dir));

  const file = async (name: string, content: string) => {
    const abs = path.join(dir, name);
    await writeFile(abs, content);
    return abs;
  };

  it('turns a burst of events into one plan', async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 10, run: async (plan) => void plans.push(plan) });
    const a = await file('a.md', 'a');
    const b = await file('b.md', 'b');
    batcher.push('unlink', a, 'post');
    batcher.push('add', a, 'post');
    batcher.push('change', b, 'post');
    batcher.push('change', '/x/_config.yml', 'config');
    await waitFor('a plan', () => plans.length > 0);
    await batcher.idle();
    expect(plans).toHaveLength(1);
    expect([...plans[0]!.files.keys()]).toEqual([a, b, '/x/_config.yml']);
    expect(plans[0]!.files.get(a)!.event).toBe('add');
    expect(plans[0]).toMatchObject({ config: true, posts: true, layouts: false, check: false });
    await batcher.close();
  });

  it('never runs two plans at once; events during a run make one more plan', async () => {
    const plans: RebuildPlan[] = [];
    let running = 0;
    let overlapped = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const batcher = new ChangeBatcher({
      quietMs: 5,
      run: async (plan) => {
        overlapped ||= running > 0;
        running++;
        plans.push(plan);
        if (plans.length === 1) await gate;
        running--;
      },
    });
    const a = await file('c.md', 'c');
    batcher.push('change', a, 'post');
    await waitFor('the first plan to start', () => plans.length === 1);
    await writeFile(a, 'c, edited during the rebuild');
    batcher.push('change', a, 'post');
    batcher.push('change', a, 'post');
    release();
    await waitFor('the second plan', () => plans.length === 2);
    await batcher.idle();
    expect(plans).toHaveLength(2);
    expect(overlapped).toBe(false);
    await batcher.close();
  });

  it('gives a batch whose file is empty or missing time to settle', async () => {
    const plans: RebuildPlan[] = [];
    const seen: string[] = [];
    const empty = await file('d.md', '');
    const batcher = new ChangeBatcher({
      quietMs: 5,
      graceMs: 5_000,
      run: async (plan) => {
        plans.push(plan);
        seen.push(...[...plan.files.keys()]);
      },
    });
    batcher.push('change', empty, 'post');
    // The batch waits out the grace period; the real content arriving ends the wait.
    await writeFile(empty, 'final content');
    batcher.push('change', empty, 'post');
    const started = Date.now();
    await waitFor('the plan', () => plans.length === 1);
    expect(Date.now() - started).toBeLessThan(4_000);
    await batcher.idle();
    expect(plans).toHaveLength(1);
    await batcher.close();
  });

  it('builds a deletion after the grace period', async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 5, graceMs: 30, run: async (plan) => void plans.push(plan) });
    batcher.push('unlink', path.join(dir, 'gone.md'), 'post');
    await waitFor('the plan', () => plans.length === 1);
    expect(plans[0]!.files.get(path.join(dir, 'gone.md'))!.event).toBe('unlink');
    await batcher.close();
  });

  it('runs a requested check as a plan of its own, and aborts it when a file changes', async () => {
    const plans: RebuildPlan[] = [];
    let aborted = false;
    const a = await file('e.md', 'e');
    const batcher = new ChangeBatcher({
      quietMs: 5,
      run: async (plan) => {
        plans.push(plan);
        if (plan.check && plan.signal) {
          await new Promise<void>((resolve) => plan.signal!.addEventListener('abort', () => resolve(), { once: true }));
          aborted = plan.signal.aborted;
        }
      },
    });
    batcher.requestCheck(5);
    await waitFor('the check', () => plans.length === 1);
    expect(plans[0]).toMatchObject({ check: true });
    expect(plans[0]!.files.size).toBe(0);
    batcher.push('change', a, 'post');
    await waitFor('the edit plan', () => plans.length === 2);
    expect(aborted).toBe(true);
    expect([...plans[1]!.files.keys()]).toEqual([a]);
    await batcher.idle();
    await batcher.close();
  });

  it('drops a late change event for a file that still holds what was just built', async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 5, run: async (plan) => void plans.push(plan) });
    const g = await file('g.md', 'g');
    batcher.push('change', g, 'post');
    await waitFor('the plan', () => plans.length === 1);
    await batcher.idle();
    batcher.push('change', g, 'post'); // the echo of the same save
    await batcher.idle();
    expect(plans).toHaveLength(1);
    await writeFile(g, 'g, saved again');
    batcher.push('change', g, 'post');
    await waitFor('the second plan', () => plans.length === 2);
    await batcher.close();
  });

  /** What GNU `sed -i` does: a new file `sed` + 6 random characters beside the target, given the target's mode, renamed over it. */
  const sedInPlace = (target: string, temp: string, content: string) => {
    const fd = openSync(temp, 'wx', 0o600);
    writeSync(fd, content);
    fchmodSync(fd, 0o644);
    closeSync(fd);
    renameSync(temp, target);
  };

  it("drops sed -i's temp file (written beside the file, renamed over it): the plan has the real file only", async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 5, run: async (plan) => void plans.push(plan) });
    const target = await file('post.html', '<article>old</article>');
    const temp = path.join(dir, 'sedWVambX');
    sedInPlace(target, temp, '<article>new</article>');
    // What the watcher passes on for it (raw changes: the temp file's write, then the target's rename).
    batcher.push('change', temp, 'layout');
    batcher.push('change', temp, 'layout');
    batcher.push('change', target, 'layout');
    batcher.push('change', target, 'layout');
    await waitFor('the plan', () => plans.length === 1);
    expect([...plans[0]!.files.keys()]).toEqual([target]);
    expect(plans[0]).toMatchObject({ layouts: true, posts: false });
    await batcher.close();
  });

  it('drops a temp file the watcher saw come and go (add, change, unlink), and one that only came and went', async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 5, run: async (plan) => void plans.push(plan) });
    const target = await file('h.md', 'old');
    const temp = path.join(dir, 'sedQ2x9Zk');
    sedInPlace(target, temp, 'new');
    batcher.push('add', temp, 'post');
    batcher.push('change', temp, 'post');
    batcher.push('unlink', temp, 'post');
    batcher.push('change', target, 'post');
    await waitFor('the plan', () => plans.length === 1);
    expect([...plans[0]!.files.keys()]).toEqual([target]);
    // A batch of nothing but a file that is gone and was never removed: nothing to build.
    batcher.push('change', path.join(dir, 'sedGone01'), 'post');
    await batcher.idle();
    expect(plans).toHaveLength(1);
    await batcher.close();
  });

  it('close() drops pending changes', async () => {
    const plans: RebuildPlan[] = [];
    const batcher = new ChangeBatcher({ quietMs: 50, run: async (plan) => void plans.push(plan) });
    batcher.push('change', await file('f.md', 'f'), 'post');
    await batcher.close();
    await batcher.idle();
    expect(plans).toHaveLength(0);
  });
});
