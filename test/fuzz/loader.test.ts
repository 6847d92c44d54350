/**
 * Fuzzing the loader through the whole build (fast-check, seeded): generated sites with front
 * matter of every type, odd names, encodings, links, loops, folders and permissions. A few seconds
 * in `npm test`; `INKSTONE_FUZZ_RUNS=500 npx vitest run test/fuzz` runs longer, and
 * `INKSTONE_FUZZ_SEED=…` replays the seed a failure printed.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { type Diagnostic, formatDiagnostic } from '../../src/diagnostics.js';
import { loadSite } from '../../src/stages/load.js';
import { type Expectation, type PostShape, siteShape, writeSite } from './site-shapes.js';

const RUNS = Number(process.env.INKSTONE_FUZZ_RUNS ?? 15);
const SEED = Number(process.env.INKSTONE_FUZZ_SEED ?? 20261202);
const NOW = Date.parse('2030-01-01T00:00:00Z');
const SENTINEL = 'the previous build\n';
/** A stack trace line, as Node prints them. */
const STACK = /^\s+at .+(:\d+:\d+|\(native\))\)?$/m;

/** Everything written to stdout, stderr and the console while `work` runs. */
async function captured<T>(work: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const writes = streams.map((s) => s.write);
  const methods = ['log', 'error', 'warn', 'info'] as const;
  const consoles = methods.map((m) => console[m]);
  for (const stream of streams) {
    stream.write = ((chunk: unknown) => {
      chunks.push(String(chunk));
      return true;
    }) as typeof stream.write;
  }
  for (const m of methods) console[m] = (...args: unknown[]) => void chunks.push(args.map(String).join(' '));
  try {
    return { value: await work(), output: chunks.join('') };
  } finally {
    streams.forEach((s, i) => {
      s.write = writes[i]!;
    });
    methods.forEach((m, i) => {
      console[m] = consoles[i]!;
    });
  }
}

/** What is in a folder, file by file. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

/** The invariants, for one generated site (failures name the site's posts). */
async function check(posts: PostShape[]): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-fuzz-'));
  const outside = await mkdtemp(path.join(os.tmpdir(), 'inkstone-fuzz-outside-'));
  try {
    const expectations = await writeSite(root, outside, posts);
    await mkdir(path.join(root, 'public'));
    await writeFile(path.join(root, 'public/previous.txt'), SENTINEL);
    const context = JSON.stringify(posts);

    // 1. The build never throws and never prints a stack trace.
    const { value: report, output } = await captured(() => build({ root, cache: false, workers: 0, now: NOW }));
    const printed = report.diagnostics.map(formatDiagnostic).join('\n');
    expect(STACK.test(output) || STACK.test(printed), `${context}\n${output}\n${printed}`).toBe(false);

    // 2. Every bad file is named, with a line where one applies.
    const about = (file: string) => report.diagnostics.filter((d: Diagnostic) => d.file === file);
    for (const e of expectations) checkNamed(e, about(e.sitePath), `${context}\n${printed}`);

    // 3. Good posts still build: the loader keeps them whatever else is wrong, and a build
    //    without errors writes them.
    const { site } = await loadSite({ root, now: NOW });
    const loaded = new Map((site?.posts ?? []).map((p) => [p.source, p]));
    for (const e of expectations) expect(loaded.has(e.sitePath), `${e.sitePath} (${e.outcome})\n${context}\n${printed}`).toBe(e.loaded);
    const failing = expectations.some((e) => e.outcome === 'error');
    expect(report.ok, `${context}\n${printed}`).toBe(!failing);

    // 4. public/ is untouched after a failed build; a good build holds every good post.
    if (!report.ok) expect(await snapshot(path.join(root, 'public'))).toEqual({ 'previous.txt': SENTINEL });
    else for (const post of loaded.values()) expect(existsSync(path.join(root, 'public', post.outputPath)), post.source).toBe(true);
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  }
}

/** A post the oracle says is bad is named by a diagnostic of the right severity (at one of its lines). */
function checkNamed(e: Expectation, found: Diagnostic[], context: string): void {
  if (e.outcome === 'built' || e.outcome === 'hidden') {
    expect(
      found.filter((d) => d.severity === 'error'),
      `${e.sitePath}\n${context}`,
    ).toEqual([]);
    return;
  }
  const named = found.filter((d) => d.severity === e.outcome);
  expect(named.length, `${e.sitePath} should have an ${e.outcome}\n${context}`).toBeGreaterThan(0);
  if (e.lines)
    expect(
      named.some((d) => d.line !== undefined && e.lines!.includes(d.line)),
      `${e.sitePath} at lines ${e.lines}\n${context}`,
    ).toBe(true);
}

describe('fuzzing the loader', () => {
  it(`holds its invariants over ${RUNS} generated sites (seed ${SEED})`, { timeout: Math.max(60_000, RUNS * 5_000) }, async () => {
    await fc.assert(fc.asyncProperty(siteShape, check), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  });
});
