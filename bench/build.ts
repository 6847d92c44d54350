/**
 * `npm run bench`: cold, warm and one-post-edited builds of generated corpora, each run as a fresh
 * `inkstone build` process (process start included), with peak memory. Prints a table and writes
 * bench/results/build-<date>.json. Optional anchors: `hugo`, `jekyll` or `npx @11ty/eleventy` on the
 * PATH are not run here; see the README for the reference figures.
 *
 *   npm run bench                    # 250, 1000, 4000 posts
 *   npm run bench -- 250 1000        # chosen sizes
 *   BENCH_RUNS=3 npm run bench       # runs per measurement (default 5, 3 for 4000 posts)
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeCorpus } from './corpus.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..');
const CLI = path.join(REPO, 'src/cli.ts');

interface Sample {
  ms: number;
  rssMiB: number;
}

interface Stat {
  median: number;
  min: number;
  max: number;
}

const stat = (values: number[]): Stat => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};

/** One `inkstone build` process; wall time measured from outside, peak RSS reported by the process. */
async function buildOnce(root: string): Promise<Sample> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', root, '--verbose'], { cwd: REPO, maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  const rss = /peak memory (\d+) MiB/.exec(stdout);
  return { ms, rssMiB: rss ? Number(rss[1]) : NaN };
}

async function benchSize(count: number, runs: number) {
  const root = await mkdtemp(path.join(os.tmpdir(), `inkstone-bench-${count}-`));
  await writeCorpus(root, count);
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  const edited: Sample[] = [];
  const posts = (await readdir(path.join(root, 'posts'))).sort();
  for (let i = 0; i < runs; i++) {
    await rm(path.join(root, '.cache'), { recursive: true, force: true });
    await rm(path.join(root, 'public'), { recursive: true, force: true });
    cold.push(await buildOnce(root));
    warm.push(await buildOnce(root));
    await appendFile(path.join(root, 'posts', posts[(i * 37) % posts.length]!), `\n编辑 ${i}：追加一段。\n`);
    edited.push(await buildOnce(root));
  }
  await rm(root, { recursive: true, force: true });
  return {
    posts: count,
    runs,
    coldMs: stat(cold.map((s) => s.ms)),
    warmMs: stat(warm.map((s) => s.ms)),
    editedMs: stat(edited.map((s) => s.ms)),
    peakRssMiB: Math.max(...cold.map((s) => s.rssMiB)),
  };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const results = [];
for (const count of sizes.length ? sizes : [250, 1000, 4000]) {
  const runs = Number(process.env.BENCH_RUNS ?? (count >= 4000 ? 3 : 5));
  process.stderr.write(`benchmarking ${count} posts × ${runs} runs…\n`);
  results.push(await benchSize(count, runs));
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const s = (x: Stat) => `${(x.median / 1000).toFixed(2)} s (${(x.min / 1000).toFixed(2)}–${(x.max / 1000).toFixed(2)})`;
console.log(`\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
console.log('| posts | cold build | warm, no change | one post edited | peak RSS |');
console.log('|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.posts} | ${s(r.coldMs)} | ${s(r.warmMs)} | ${s(r.editedMs)} | ${r.peakRssMiB} MiB |`);
await mkdir(path.join(REPO, 'bench/results'), { recursive: true });
const file = path.join(REPO, 'bench/results', `build-${new Date().toISOString().slice(0, 10)}.json`);
await writeFile(file, JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2) + '\n');
console.log(`\nwritten to ${path.relative(REPO, file)}`);
