/**
 * `npm run bench`: inkstone and Hugo side by side, on the same generated corpora, in the same run.
 *
 * For each corpus variant (`short`, `realistic`: see corpus.ts) and size it times, as fresh
 * processes with wall time measured from outside (process start included):
 *   - inkstone cold (no .cache/, no public/), warm (nothing changed), one post edited;
 *   - Hugo cold (no resources/, empty cache dir, fresh destination), on a copy of the same posts
 *     with a minimal theme (bench/hugo.ts), when `hugo` is on the PATH;
 * interleaved run by run (Hugo first on even runs, inkstone first on odd ones) so both see the same
 * machine state. Medians with min–max, peak RSS of every process, ratios to Hugo cold. Then the
 * sample blog's cold build (the repository's _config.yml, posts/, layouts/), `inkstone --help`
 * and `node -e 0` as the floor of process start.
 *
 * inkstone runs through bin/inkstone.js, the real launcher, from a snapshot of this checkout taken
 * at the start (bin/, src/, layouts/, package*.json, node_modules linked): the launcher compiles
 * src/ to dist/ once (an untimed first run), and edits made to the checkout while the bench runs
 * neither change what is measured nor make the launcher recompile mid-run.
 *
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`: the child's ru_maxrss, worker threads
 * included) for both tools; without it, inkstone's own `--verbose` figure is used (the same
 * getrusage value) and Hugo's is not measured.
 *
 *   npm run bench                             # 250, 1000, 4000 posts; both variants; Hugo if found
 *   npm run bench -- 1000                     # chosen sizes
 *   npm run bench -- 250 --no-hugo            # inkstone only
 *   BENCH_RUNS=3 npm run bench                # runs per measurement (default 5, 3 for 4000 posts)
 *   BENCH_VARIANTS=realistic npm run bench    # corpus variants (default short,realistic)
 *
 * Prints Markdown tables ready for the README and writes bench/results/build-<date>.json (machine,
 * date, every sample).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_VARIANTS, type CorpusVariant, corpusVariant, writeCorpus } from './corpus.js';
import { hugoArgs, hugoVersion, writeHugoSite } from './hugo.js';

const execFileAsync = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..');
const GNU_TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = 'usage: npm run bench -- [SIZE...] [--no-hugo]   (env: BENCH_RUNS=N, BENCH_VARIANTS=short,realistic)';
const args = process.argv.slice(2);
let useHugo = true;
const sizes: number[] = [];
for (const arg of args) {
  if (arg === '--no-hugo') useHugo = false;
  else if (arg === '-h' || arg === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (/^\d+$/.test(arg) && Number(arg) > 0) sizes.push(Number(arg));
  else {
    console.error(`bench: unexpected argument "${arg}"\n${USAGE}`);
    process.exit(2);
  }
}
if (!sizes.length) sizes.push(250, 1000, 4000);
const variants: CorpusVariant[] = (process.env.BENCH_VARIANTS ?? CORPUS_VARIANTS.join(','))
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean)
  .map(corpusVariant);
const runsFor = (count: number) => Number(process.env.BENCH_RUNS ?? (count >= 4000 ? 3 : 5));
for (const count of sizes) if (!(runsFor(count) >= 1)) throw new Error(`BENCH_RUNS must be a positive number, got "${process.env.BENCH_RUNS}"`);

// ---------------------------------------------------------------------------------------------
// Timing one process

interface Sample {
  /** Wall time from spawn to exit, measured by this process. */
  ms: number;
  /** Peak RSS of the process (GNU time, else the process's own report), MiB. */
  rssMiB: number | null;
  /** CPU seconds in user and kernel mode (GNU time %U %S; null without it). */
  userS: number | null;
  sysS: number | null;
}

interface InkstoneSample extends Sample {
  /** The build's own duration, as printed (`built N posts, M pages in X ms`): process start excluded. */
  buildMs: number | null;
  /** Peak memory as inkstone itself reports it with --verbose, MiB. */
  selfRssMiB: number | null;
  posts: number | null;
}

const TIME_FORMAT = '%M %U %S';
const TIME_OUTPUT = /(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/;
const gnuTime = await (async () => {
  if (!existsSync(GNU_TIME)) return false;
  try {
    const out = path.join(os.tmpdir(), `inkstone-bench-time-${process.pid}`);
    await execFileAsync(GNU_TIME, ['-f', TIME_FORMAT, '-o', out, process.execPath, '-e', '0']);
    const ok = TIME_OUTPUT.test(await readFile(out, 'utf8'));
    await rm(out, { force: true });
    return ok;
  } catch {
    return false;
  }
})();

let timeFileCounter = 0;

/** Runs `command` as a fresh process; wall time from outside, peak RSS through GNU time when available. */
async function timed(command: string, argv: string[], cwd: string): Promise<Sample & { stdout: string; stderr: string }> {
  const timeFile = path.join(os.tmpdir(), `inkstone-bench-rss-${process.pid}-${timeFileCounter++}`);
  const [file, fileArgs] = gnuTime ? [GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, command, ...argv]] : [command, argv];
  const started = performance.now();
  let result: { stdout: string; stderr: string };
  try {
    result = await execFileAsync(file, fileArgs, { cwd, maxBuffer: 64 << 20, encoding: 'utf8' });
  } catch (thrown) {
    const e = thrown as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${argv.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  const ms = performance.now() - started;
  const usage = { rssMiB: null as number | null, userS: null as number | null, sysS: null as number | null };
  if (gnuTime) {
    const m = TIME_OUTPUT.exec(await readFile(timeFile, 'utf8'));
    if (m) Object.assign(usage, { rssMiB: Math.round(Number(m[1]) / 1024), userS: Number(m[2]), sysS: Number(m[3]) });
    await rm(timeFile, { force: true });
  }
  return { ms, ...usage, ...result };
}

// ---------------------------------------------------------------------------------------------
// inkstone (a snapshot of this checkout) and Hugo

/** Copies what inkstone runs from (launcher, sources, default theme, lockfile) into a temp folder. */
async function snapshotCheckout(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'inkstone-bench-tree-'));
  for (const name of ['bin', 'src', 'layouts', 'package.json', 'package-lock.json']) await cp(path.join(REPO, name), path.join(dir, name), { recursive: true });
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

const tree = await snapshotCheckout();
const LAUNCHER = path.join(tree, 'bin/inkstone.js');

async function inkstone(argv: string[]): Promise<InkstoneSample & { stdout: string; stderr: string }> {
  const sample = await timed(process.execPath, [LAUNCHER, ...argv], tree);
  const built = /built (\d+) posts?, \d+ pages? in (\d+) ms/.exec(sample.stdout);
  const self = /peak memory (\d+) MiB/.exec(sample.stdout);
  const selfRssMiB = self ? Number(self[1]) : null;
  return { ...sample, rssMiB: sample.rssMiB ?? selfRssMiB, selfRssMiB, buildMs: built ? Number(built[2]) : null, posts: built ? Number(built[1]) : null };
}

const strip = <T extends { stdout: string; stderr: string }>({ stdout: _o, stderr: _e, ...rest }: T): Omit<T, 'stdout' | 'stderr'> => rest;

/** What inkstone builds printed on stderr (diagnostics), each distinct line once. */
const inkstoneWarnings = new Set<string>();

async function inkstoneBuild(root: string, expectedPosts?: number, extra: string[] = []): Promise<InkstoneSample> {
  const s = await inkstone(['build', '--src', root, '--verbose', ...extra]);
  for (const line of s.stderr.split('\n')) if (line.trim()) inkstoneWarnings.add(line.trim());
  if (expectedPosts !== undefined && s.posts !== expectedPosts) throw new Error(`inkstone built ${s.posts} posts of ${expectedPosts}:\n${s.stdout}${s.stderr}`);
  return strip(s);
}

const hugo = useHugo ? await hugoVersion() : undefined;
const hugoWarnings = new Set<string>();

/** A cold Hugo build: no resources/, a fresh cache folder and destination. */
async function hugoCold(site: string, scratch: string, check?: number): Promise<Sample> {
  const destination = path.join(scratch, 'hugo-public');
  const cacheDir = path.join(scratch, 'hugo-cache');
  for (const dir of [destination, cacheDir, path.join(site, 'resources'), path.join(site, 'public')]) await rm(dir, { recursive: true, force: true });
  const s = await timed('hugo', hugoArgs(site, destination, cacheDir), site);
  for (const line of `${s.stdout}\n${s.stderr}`.split('\n'))
    if (line.trim()) hugoWarnings.add(line.replace(/^(\w+)\s+\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\s*/, '$1 ').trim());
  if (check !== undefined) {
    const posts = (await readdir(path.join(destination, 'posts'), { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    if (posts !== check) throw new Error(`Hugo rendered ${posts} posts of ${check}`);
  }
  return strip(s);
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

interface Stat {
  median: number;
  min: number;
  max: number;
}

const stat = (values: number[]): Stat => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
};
const maxOf = (samples: Sample[]) => {
  const values = samples.map((s) => s.rssMiB).filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
};
const secs = (ms: number) => (ms / 1000).toFixed(2);
const fmt = (x: Stat) => `${secs(x.median)} s (${secs(x.min)}–${secs(x.max)})`;
const ms = (x: Stat) => `${Math.round(x.median)} ms (${Math.round(x.min)}–${Math.round(x.max)})`;
const ratio = (x: Stat, base: Stat | undefined) => (base ? ` · ${(x.median / base.median).toFixed(2)}×` : '');

// ---------------------------------------------------------------------------------------------
// The corpora

interface CorpusResult {
  variant: CorpusVariant;
  posts: number;
  runs: number;
  corpus: { bytes: number; codeBlocks: number; codeLines: number };
  inkstone: { cold: InkstoneSample[]; oneThread: InkstoneSample[]; warm: InkstoneSample[]; edited: InkstoneSample[] };
  hugo: { cold: Sample[] } | null;
  coldMs: Stat;
  oneThreadMs: Stat;
  warmMs: Stat;
  editedMs: Stat;
  hugoColdMs: Stat | null;
  peakRssMiB: { inkstoneCold: number | null; inkstoneWarm: number | null; inkstoneEdited: number | null; hugoCold: number | null };
}

async function corpusStats(postsDir: string, names: readonly string[]) {
  let bytes = 0;
  let codeBlocks = 0;
  let codeLines = 0;
  for (const name of names) {
    const text = await readFile(path.join(postsDir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    for (const m of text.matchAll(/^```\w+\n([\s\S]*?)\n```$/gm)) {
      codeBlocks++;
      codeLines += m[1]!.split('\n').length;
    }
  }
  return { bytes, codeBlocks, codeLines };
}

async function benchCorpus(variant: CorpusVariant, count: number, runs: number): Promise<CorpusResult> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), `inkstone-bench-${variant}-${count}-`));
  const site = path.join(scratch, 'site');
  const hugoSite = path.join(scratch, 'hugo');
  try {
    const names = await writeCorpus(site, count, variant);
    const corpus = await corpusStats(path.join(site, 'posts'), names);
    if (hugo) await writeHugoSite(hugoSite, path.join(site, 'posts'), names);
    const cold: InkstoneSample[] = [];
    const oneThread: InkstoneSample[] = [];
    const warm: InkstoneSample[] = [];
    const edited: InkstoneSample[] = [];
    const hugoRuns: Sample[] = [];
    const fresh = async () => {
      await rm(path.join(site, '.cache'), { recursive: true, force: true });
      await rm(path.join(site, 'public'), { recursive: true, force: true });
    };
    const inkstoneRound = async (i: number) => {
      // Cold on one thread (--workers 0) and with the default policy, alternating which goes first;
      // the warm and edited builds follow either (both leave the same public/ and .cache/).
      const single = async () => {
        await fresh();
        oneThread.push(await inkstoneBuild(site, count, ['--workers', '0']));
      };
      if (i % 2 === 1) await single();
      await fresh();
      cold.push(await inkstoneBuild(site, count));
      if (i % 2 === 0) await single();
      warm.push(await inkstoneBuild(site, count));
      // One post edited: a paragraph appended (to Hugo's copy too, so both keep the same corpus).
      const name = names[(i * 37) % names.length]!;
      const edit = `\n编辑 ${i}：追加一段。\n`;
      await appendFile(path.join(site, 'posts', name), edit);
      if (hugo) await appendFile(path.join(hugoSite, 'content/posts', name), edit);
      edited.push(await inkstoneBuild(site, count));
    };
    for (let i = 0; i < runs; i++) {
      if (process.stderr.isTTY) process.stderr.write(`  ${variant} ${count}: run ${i + 1}/${runs}\r`);
      if (hugo && i % 2 === 0) hugoRuns.push(await hugoCold(hugoSite, scratch, i === 0 ? count : undefined));
      await inkstoneRound(i);
      if (hugo && i % 2 === 1) hugoRuns.push(await hugoCold(hugoSite, scratch));
    }
    if (process.stderr.isTTY) process.stderr.write('\x1b[K');
    return {
      variant,
      posts: count,
      runs,
      corpus,
      inkstone: { cold, oneThread, warm, edited },
      hugo: hugo ? { cold: hugoRuns } : null,
      coldMs: stat(cold.map((s) => s.ms)),
      oneThreadMs: stat(oneThread.map((s) => s.ms)),
      warmMs: stat(warm.map((s) => s.ms)),
      editedMs: stat(edited.map((s) => s.ms)),
      hugoColdMs: hugo ? stat(hugoRuns.map((s) => s.ms)) : null,
      peakRssMiB: { inkstoneCold: maxOf(cold), inkstoneWarm: maxOf(warm), inkstoneEdited: maxOf(edited), hugoCold: hugo ? maxOf(hugoRuns) : null },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Startup: node itself, `inkstone --help`, the sample blog

async function benchStartup(runs: number) {
  const node: Sample[] = [];
  const help: Sample[] = [];
  const sample: InkstoneSample[] = [];
  const blog = await mkdtemp(path.join(os.tmpdir(), 'inkstone-bench-sample-'));
  try {
    // The repository's own site; its layouts/ from the snapshot, like the default theme inkstone runs with.
    for (const name of ['_config.yml', 'posts']) await cp(path.join(REPO, name), path.join(blog, name), { recursive: true });
    await cp(path.join(tree, 'layouts'), path.join(blog, 'layouts'), { recursive: true });
    for (let i = 0; i < runs; i++) {
      node.push(strip(await timed(process.execPath, ['-e', '0'], tree)));
      help.push(strip(await inkstone(['--help'])));
      await rm(path.join(blog, '.cache'), { recursive: true, force: true });
      await rm(path.join(blog, 'public'), { recursive: true, force: true });
      sample.push(await inkstoneBuild(blog));
    }
  } finally {
    await rm(blog, { recursive: true, force: true });
  }
  const buildMs = sample.map((s) => s.buildMs).filter((v): v is number => v !== null);
  return {
    runs,
    nodeMs: stat(node.map((s) => s.ms)),
    helpMs: stat(help.map((s) => s.ms)),
    sampleBlog: {
      posts: sample[0]?.posts ?? null,
      coldMs: stat(sample.map((s) => s.ms)),
      buildOnlyMs: buildMs.length ? stat(buildMs) : null,
      peakRssMiB: maxOf(sample),
    },
    samples: { node, help, sampleBlog: sample },
  };
}

// ---------------------------------------------------------------------------------------------
// Main

const git = async (...argv: string[]) => (await execFileAsync('git', argv, { cwd: REPO }).catch(() => ({ stdout: '' }))).stdout.trim();
const checkout = {
  head: await git('rev-parse', 'HEAD'),
  /** Files of what inkstone runs from that differ from HEAD when the snapshot was taken. */
  uncommitted: (await git('status', '--porcelain', '--', 'bin', 'src', 'layouts', 'package.json', 'package-lock.json')).split('\n').filter(Boolean),
};
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model.trim() ?? 'unknown',
  cores: os.availableParallelism(),
  logicalCpus: cpus.length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  hugo: hugo ?? null,
};
const loadBefore = os.loadavg();
const startedAt = new Date();

try {
  if (useHugo && !hugo) process.stderr.write('hugo not found on the PATH: measuring inkstone alone\n');
  process.stderr.write(
    `inkstone from a snapshot of ${REPO} (HEAD ${checkout.head.slice(0, 10)}${checkout.uncommitted.length ? `, ${checkout.uncommitted.length} uncommitted files` : ''}) in ${tree}\n`,
  );
  // First launch compiles src/ into the snapshot's dist/; not timed.
  await inkstone(['--help']);

  const startupRuns = Math.max(5, runsFor(0));
  process.stderr.write(`startup and the sample blog × ${startupRuns} runs…\n`);
  const startup = await benchStartup(startupRuns);

  const results: CorpusResult[] = [];
  for (const count of sizes) {
    for (const variant of variants) {
      const runs = runsFor(count);
      process.stderr.write(`${variant} corpus, ${count} posts × ${runs} runs${hugo ? ', inkstone and Hugo interleaved' : ''}…\n`);
      results.push(await benchCorpus(variant, count, runs));
    }
  }

  // Tables.
  const rss = (n: number | null) => (n === null ? 'n/a' : `${n}`);
  const lines: string[] = [];
  lines.push(
    `Measured ${startedAt.toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node.slice(1)}${hugo ? `, ${hugo.replace(/ BuildDate.*$/, '')}` : ''} (load average before: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}).`,
    `Fresh processes, wall time including process start; median of ${[...new Set(results.map((r) => r.runs))].join('/')} runs (min–max)${hugo ? ', inkstone and Hugo runs interleaved; × = ratio to Hugo cold (median)' : ''}. Peak RSS: ${gnuTime ? 'GNU time %M' : "inkstone's --verbose figure"}, the largest over the cold runs.`,
    '',
  );
  const corpusDesc = (r: CorpusResult) =>
    `${r.variant}, ${(r.corpus.bytes / r.posts / 1024).toFixed(1)} KB/post, ${(r.corpus.codeLines / r.corpus.codeBlocks).toFixed(0)} lines/block`;
  lines.push(
    hugo
      ? '| corpus | posts | Hugo cold | inkstone cold | cold, one thread | inkstone warm, no change | inkstone, one post edited | peak RSS inkstone / Hugo |'
      : '| corpus | posts | inkstone cold | cold, one thread | inkstone warm, no change | inkstone, one post edited | peak RSS |',
    hugo ? '|---|---|---|---|---|---|---|---|' : '|---|---|---|---|---|---|---|',
  );
  for (const r of results) {
    const base = r.hugoColdMs ?? undefined;
    const cells = [
      corpusDesc(r),
      String(r.posts),
      ...(hugo ? [fmt(r.hugoColdMs!)] : []),
      fmt(r.coldMs) + ratio(r.coldMs, base),
      fmt(r.oneThreadMs) + ratio(r.oneThreadMs, base),
      fmt(r.warmMs) + ratio(r.warmMs, base),
      fmt(r.editedMs) + ratio(r.editedMs, base),
      hugo ? `${rss(r.peakRssMiB.inkstoneCold)} / ${rss(r.peakRssMiB.hugoCold)} MiB` : `${rss(r.peakRssMiB.inkstoneCold)} MiB`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (gnuTime) {
    const cpu = (samples: Sample[]) => {
      const user = stat(samples.map((x) => x.userS ?? 0)).median;
      const sys = stat(samples.map((x) => x.sysS ?? 0)).median;
      return `${user.toFixed(2)} user + ${sys.toFixed(2)} sys`;
    };
    lines.push('', 'CPU seconds of the cold builds (medians):');
    for (const r of results) lines.push(`- ${r.variant} ${r.posts}: inkstone ${cpu(r.inkstone.cold)}${r.hugo ? `; Hugo ${cpu(r.hugo.cold)}` : ''}`);
  }
  const sb = startup.sampleBlog;
  lines.push(
    '',
    '| startup | median (min–max) |',
    '|---|---|',
    `| \`node -e 0\` (process start floor) | ${ms(startup.nodeMs)} |`,
    `| \`node bin/inkstone.js --help\` | ${ms(startup.helpMs)} |`,
    `| sample blog (${sb.posts} posts), cold build, process | ${ms(sb.coldMs)}, peak RSS ${rss(sb.peakRssMiB)} MiB |`,
    ...(sb.buildOnlyMs ? [`| sample blog, build alone (as printed by \`inkstone build\`) | ${ms(sb.buildOnlyMs)} |`] : []),
  );
  if (inkstoneWarnings.size) lines.push('', 'inkstone printed:', ...[...inkstoneWarnings].slice(0, 20).map((w) => `    ${w}`));
  if (hugoWarnings.size) lines.push('', 'Hugo printed:', ...[...hugoWarnings].slice(0, 20).map((w) => `    ${w}`));
  console.log(`\n${lines.join('\n')}`);

  await mkdir(path.join(REPO, 'bench/results'), { recursive: true });
  let file = path.join(REPO, 'bench/results', `build-${startedAt.toISOString().slice(0, 10)}.json`);
  for (let n = 2; existsSync(file); n++) file = path.join(REPO, 'bench/results', `build-${startedAt.toISOString().slice(0, 10)}-${n}.json`);
  const record = {
    date: startedAt.toISOString(),
    finished: new Date().toISOString(),
    machine,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    checkout,
    method: {
      wallTime: 'performance.now() around spawning the process until it exits, in the bench process',
      peakRss: gnuTime
        ? `${GNU_TIME} -f '${TIME_FORMAT}' (ru_maxrss of the child, KiB, here in MiB; user and system CPU seconds)`
        : "inkstone's --verbose 'peak memory' (process.resourceUsage().maxRSS); Hugo not measured",
      inkstone: 'node bin/inkstone.js build --src <site> --verbose, from a snapshot of the checkout',
      hugo: hugo ? `hugo ${hugoArgs('<site>', '<fresh destination>', '<fresh cache dir>').join(' ')}, resources/ removed` : null,
      interleaving: 'run i: Hugo cold first when i is even, after the inkstone cold/warm/edited round when odd',
    },
    sizes,
    variants,
    startup,
    results,
    inkstoneOutput: [...inkstoneWarnings],
    hugoOutput: [...hugoWarnings],
    table: lines.join('\n'),
  };
  await writeFile(file, JSON.stringify(record, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(REPO, file)}`);
} finally {
  await rm(tree, { recursive: true, force: true });
}
