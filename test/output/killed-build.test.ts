/**
 * A build killed at a random moment, then built again: the output is exactly what a clean build
 * gives, and while it lay killed, every file was whole — its old version or its new one, never
 * half of either. Real `inkstone build` processes, SIGKILL at seeded random delays.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/main.ts');
const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

/** sha1 of every file below `dir`, hidden ones included. */
async function fingerprint(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(
      path.relative(dir, file),
      createHash('sha1')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return out;
}

/**
 * Runs a build; with `killAfterMs`, SIGKILLs it then (if it is still running); with `crashAt`, the
 * build kills itself at that point of the write (INKSTONE_CRASH_AT, see output/write-output.ts).
 * Resolves with the exit code or signal.
 */
function runBuild(root: string, out: string, killAfterMs?: number, crashAt?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...(crashAt ? { INKSTONE_CRASH_AT: crashAt } : {}) };
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', root, '--out', out, '--workers', '0'], { stdio: 'ignore', env });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? String(code));
    });
  });
}

/** mulberry32, for reproducible kill times. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a build killed at a random moment', () => {
  it('leaves only whole files, and the next build repairs the output', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'inkstone-killed-'));
    roots.push(root);
    const out = path.join(root, 'public');
    const names = await writeCorpus(root, 120);
    expect(await runBuild(root, out)).toBe('0');
    const rand = random(Number(process.env.INKSTONE_KILL_SEED ?? 7));
    const started = performance.now();
    await runBuild(root, out);
    const buildMs = performance.now() - started;
    // Two rounds killed at a random moment of the build, then two at random points of each phase of the write.
    const crashes = [undefined, undefined, `writing:${1 + Math.floor(rand() * 30)}`, `renaming:${1 + Math.floor(rand() * 30)}`];
    for (const [round, crashAt] of crashes.entries()) {
      const before = await fingerprint(out);
      for (let i = round; i < names.length; i += 3) await appendFile(path.join(root, 'posts', names[i]!), `\n第 ${round} 轮修改。\n`);
      // A reference build of the edited site, elsewhere.
      const reference = await mkdtemp(path.join(tmpdir(), 'inkstone-killed-reference-'));
      expect(await runBuild(root, reference)).toBe('0');
      const after = await fingerprint(reference);
      await rm(reference, { recursive: true, force: true });

      const delay = Math.round(buildMs * (0.3 + rand()));
      const how = crashAt ?? `${delay} ms`;
      expect(await runBuild(root, out, crashAt ? undefined : delay, crashAt), how).toMatch(crashAt ? /^SIGKILL$/ : /^(SIGKILL|0)$/);
      const killed = await fingerprint(out);
      for (const [file, hash] of killed) {
        if (/\.inkstone-tmp$/.test(file)) continue;
        expect([before.get(file), after.get(file)], `${file} after a kill at ${how}`).toContain(hash);
      }
      expect(await runBuild(root, out)).toBe('0');
      expect(await fingerprint(out), `round ${round}, killed at ${how}`).toEqual(after);
    }
  }, 240_000);
});
