/**
 * "Each diagnostic printed exactly once, however saves are timed" (issue 12): seeded sequences of
 * saves — ordinary edits, a broken front matter, a broken #anchor — at generated intervals (from
 * back to back to longer than the background check's delay) on a real dev session. However the
 * watcher batches them, a diagnostic is never printed more often than saves brought it about,
 * the state the site ends in has been said, and once the saves stop the terminal goes quiet (the
 * old loop printed one error 14 times in 3 s). `INKSTONE_TIMING_RUNS` runs more sequences,
 * `INKSTONE_TIMING_SEED` replays one.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevHandle, startDev } from '../../src/dev/run.js';
import { fixtureSite, postText, SOURCES } from './fixture.js';
import { removeDir } from './helpers.js';

const RUNS = Number(process.env.INKSTONE_TIMING_RUNS ?? 2);
const SEED = Number(process.env.INKSTONE_TIMING_SEED ?? 20261203);
const CHECK_DELAY_MS = 400;
const STEPS = 6;

type Save = 'edit' | 'broken' | 'anchor';
interface Step {
  save: Save;
  /** Wait before the next save (ms). */
  pauseMs: number;
}

const stepArb = fc.record({
  save: fc.constantFrom<Save>('edit', 'broken', 'anchor'),
  pauseMs: fc.constantFrom(0, 20, 120, 300, CHECK_DELAY_MS + 200),
});
const sequences = fc.sample(fc.array(stepArb, { minLength: STEPS, maxLength: STEPS }), { seed: SEED, numRuns: RUNS });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ANCHOR_BODY = '\n## 内核抢占\n\n见 [上文](#内核抢战)。\n';
const ANCHOR_LINE =
  postText('Alpha 笔记', 'kernel', 'c', ANCHOR_BODY)
    .split('\n')
    .findIndex((l) => l.includes('[上文]')) + 1;

/** The file's text for a save; `n` makes each save's bytes new, without moving the lines diagnostics name. */
function textOf(save: Save, n: number): string {
  if (save === 'broken') return `---\ntitle: [broken\n---\n第 ${n} 次坏掉的保存。\n`;
  if (save === 'anchor') return postText('Alpha 笔记', 'kernel', 'c', `${ANCHOR_BODY}\n第 ${n} 次。\n`);
  return postText('Alpha 笔记', 'kernel', 'c', `\n第 ${n} 次普通的修改。\n`);
}

/** Which save a terminal line is a diagnostic of (also "resolved:" lines), if any. */
function diagnosticOf(line: string): Save | undefined {
  const alpha = `posts/${SOURCES.alpha}`;
  if (line.startsWith(`${alpha}:2: invalid front matter: `)) return 'broken';
  if (new RegExp(`^(resolved: )?${alpha}:${ANCHOR_LINE}: (warning: )?link to "#内核抢战"`).test(line)) return 'anchor';
  return undefined;
}

describe('inkstone dev: each diagnostic once, however saves are timed', () => {
  let root: string;
  let dev: DevHandle;
  const lines: string[] = [];
  let n = 0;

  beforeAll(async () => {
    root = await fixtureSite();
    dev = await startDev({ root, port: 0, workers: 1, cache: false, checkDelayMs: CHECK_DELAY_MS, log: (l) => lines.push(l) });
  });
  afterAll(async () => {
    await dev?.close();
    if (root) await removeDir(root);
  });

  /** Saves in order with the pauses, then waits until the session and its background check are done. */
  async function play(steps: readonly Step[]): Promise<void> {
    const file = path.join(root, 'posts', SOURCES.alpha);
    for (const step of steps) {
      await writeFile(file, textOf(step.save, ++n));
      await sleep(step.pauseMs);
    }
    await dev.idle();
    await sleep(CHECK_DELAY_MS + 300);
    await dev.idle();
  }

  it.each(sequences.map((steps) => [steps.map((s) => `${s.save} +${s.pauseMs}ms`).join(', '), steps] as const))(
    `seed ${SEED}: %s`,
    { timeout: 60_000 },
    async (_, steps) => {
      // Start from a clean state: an ordinary edit, every earlier diagnostic resolved.
      await play([{ save: 'edit', pauseMs: 0 }]);
      const from = lines.length;
      await play(steps);
      const printed = lines.slice(from);
      const context = `${JSON.stringify(steps)}\n${printed.join('\n')}`;

      // Never more often than saves brought it about (counting its "resolved:" line with it).
      for (const save of ['broken', 'anchor'] as const) {
        const said = printed.filter((l) => diagnosticOf(l) === save).length;
        const saves = steps.filter((s) => s.save === save).length;
        expect(said, `${save}: said ${said} times for ${saves} saves\n${context}`).toBeLessThanOrEqual(2 * saves);
        const first = printed.filter((l) => diagnosticOf(l) === save && !l.startsWith('resolved: ')).length;
        expect(first, `${save}: printed ${first} times for ${saves} saves\n${context}`).toBeLessThanOrEqual(saves);
      }
      // The state the site ends in has been said.
      const last = steps.at(-1)!.save;
      if (last !== 'edit')
        expect(
          printed.some((l) => diagnosticOf(l) === last && !l.startsWith('resolved: ')),
          context,
        ).toBe(true);
      // Once the saves stop, nothing more is printed.
      const settled = lines.length;
      await sleep(CHECK_DELAY_MS * 3);
      await dev.idle();
      expect(lines.slice(settled), context).toEqual([]);
    },
  );
});
