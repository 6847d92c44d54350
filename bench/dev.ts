/**
 * `npm run bench:dev`: how long from saving a post to the rebuilt page being on disk and the
 * live-reload event reaching the browser, in `inkstone dev` on a generated 1000-post site.
 *
 * Generates a deterministic site of Chinese kernel notes in a temp folder, starts the dev session
 * in-process (real watcher, real server, a real SSE client), builds once, then 20 times appends a
 * paragraph to one post and times (a) the new text being in the output file and (b) the reload
 * event arriving on the event stream. Prints median and p90 and writes bench/results/dev-<date>.json.
 *
 *   npm run bench:dev                              # 1000 posts of the short corpus, 20 edits
 *   BENCH_VARIANT=realistic npm run bench:dev      # the corpus with real-size code blocks
 *   BENCH_POSTS=4000 BENCH_EDITS=50 npm run bench:dev
 */
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DevRebuild, startDev } from '../src/dev/run.js';
import { corpusVariant, writeCorpus } from './corpus.js';

/** Value at quantile `q` (nearest rank) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** An SSE client that calls `onEvent` with the receive time of every event. */
function listen(url: string, onEvent: (name: string, data: string, at: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
          onEvent(name, data, at);
        }
      });
      resolve(request);
    });
    request.on('error', reject);
  });
}

async function main(): Promise<void> {
  const posts = Number(process.env.BENCH_POSTS ?? 1000);
  const edits = Number(process.env.BENCH_EDITS ?? 20);
  const variant = corpusVariant(process.env.BENCH_VARIANT ?? 'short');
  const root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-bench-dev-'));
  process.stdout.write(`generating ${posts} posts (${variant} corpus) in ${root}\n`);
  const names = await writeCorpus(root, posts, variant);
  const startedAt = performance.now();
  const dev = await startDev({ root, port: 0, cache: false, log: () => {} });
  const initialMs = performance.now() - startedAt;
  process.stdout.write(`initial build + server + watcher: ${Math.round(initialMs)} ms (${dev.initial.pages} pages)\n`);

  let waiting: { resolve: (at: number) => void; file: string } | undefined;
  const sse = await listen(`${dev.origin}/__inkstone/events`, (name, data, at) => {
    if (name === 'reload' && waiting && (JSON.parse(data) as { paths: string[] }).paths.includes(waiting.file)) waiting.resolve(at);
  });

  const onDisk: number[] = [];
  const sent: number[] = [];
  const received: number[] = [];
  const rebuild: number[] = [];
  try {
    // Warm up: the first edit starts a render worker.
    for (let i = -2; i < edits; i++) {
      const index = ((i + 2) * 37) % names.length;
      const source = path.join(root, 'posts', names[index]!);
      const spec = dev.session.planned!.specs.find((s) => s.kind === 'post' && s.source === `posts/${names[index]}`)!;
      const output = path.join(dev.session.outDir!, spec.path);
      const marker = `第 ${i + 3} 次修改：在文末追加一段。`;
      const text = (await readFile(source, 'utf8')) + `\n${marker}\n`;
      // Let the background check of the previous edit finish first, as it would between two saves.
      await dev.idle();
      const event = new Promise<number>((resolve) => (waiting = { resolve, file: spec.path }));
      const done = new Promise<DevRebuild>((resolve) => dev.once('rebuild', resolve));
      // Save the way an editor process does: in one go. (An async writeFile here would queue its
      // write behind the dev server's own file-system work, since both share this process's libuv
      // thread pool; a real editor is another process.)
      const t0 = performance.now();
      writeFileSync(source, text);
      const [result, receivedAt] = await Promise.all([done, event]);
      if (result.mode !== 'fast' || !(await readFile(output, 'utf8')).includes(marker)) throw new Error(`${spec.path} was not rebuilt by the fast path`);
      if (i < 0) continue;
      onDisk.push(result.finishedAt - t0);
      sent.push(result.announcedAt - t0);
      received.push(receivedAt - t0);
      rebuild.push(result.durationMs);
    }
  } finally {
    sse.destroy();
    await dev.close();
    await rm(root, { recursive: true, force: true });
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = { cpu, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` };
  const stats = (list: number[]) => ({
    median: round(quantile(list, 0.5)),
    p90: round(quantile(list, 0.9)),
    min: round(Math.min(...list)),
    max: round(Math.max(...list)),
  });
  const result = {
    date: new Date().toISOString(),
    posts,
    variant,
    edits,
    machine,
    loadAverage: os.loadavg().map(round),
    initialBuildMs: Math.round(initialMs),
    saveToHtmlOnDiskMs: stats(onDisk),
    saveToReloadEventSentMs: stats(sent),
    saveToReloadEventReceivedMs: stats(received),
    rebuildOnlyMs: stats(rebuild),
    samples: { onDisk: onDisk.map(round), sent: sent.map(round), received: received.map(round) },
  };
  process.stdout.write(
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (load average ${result.loadAverage.join(' ')})\n` +
      `save → HTML on disk:          median ${result.saveToHtmlOnDiskMs.median} ms, p90 ${result.saveToHtmlOnDiskMs.p90} ms\n` +
      `save → reload event sent:     median ${result.saveToReloadEventSentMs.median} ms, p90 ${result.saveToReloadEventSentMs.p90} ms\n` +
      `save → reload event received: median ${result.saveToReloadEventReceivedMs.median} ms, p90 ${result.saveToReloadEventReceivedMs.p90} ms (SSE client in the same process)\n` +
      `rebuild alone:                median ${result.rebuildOnlyMs.median} ms, p90 ${result.rebuildOnlyMs.p90} ms\n`,
  );
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `dev-${result.date.slice(0, 10)}.json`);
  await writeFile(file, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

const round = (n: number) => Math.round(n * 10) / 10;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
