import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDER_DEFAULTS } from '../../src/config/defaults.js';
import { buildPost } from '../../src/content/post.js';
import type { MarkdownInput } from '../../src/markdown/pipeline.js';
import { describeRenderFailure, RenderFailure } from '../../src/render-service/failure.js';
import { createPoolService } from '../../src/render-service/pool.js';
import { createInProcessService, createRenderService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';

const IN_PROCESS_MAX_BYTES = RENDER_DEFAULTS.inProcessMaxBytes;

import { one, parseFragment, text } from '../helpers/html.js';

const SAMPLE_PATH = fileURLToPath(new URL('../../posts/2020-01-01-some-drafts.md', import.meta.url));

function sampleInput(): MarkdownInput {
  const { post } = buildPost(
    { path: 'posts/2020-01-01-some-drafts.md', relPath: '2020-01-01-some-drafts.md', text: readFileSync(SAMPLE_PATH, 'utf8'), mtimeMs: 0 },
    { permalink: 'date', timezone: undefined, excerptSeparator: undefined },
  );
  return { body: post!.body, bodyLine: post!.bodyLine };
}

/** `<div>` nested `depth` deep: raw HTML the nesting guard cannot see, and each level is one more recursion in parse5 and hast. */
const nestedDivs = (depth: number) => '<div>'.repeat(depth) + 'x' + '</div>'.repeat(depth) + '\n';
/** A list nested `depth` levels deep. */
const nestedList = (depth: number) => Array.from({ length: depth }, (_, i) => '  '.repeat(i) + `- level ${i}`).join('\n') + '\n';
/** Thousands of items and paragraphs: takes well over 200 ms to render. */
const slowInput = (n: number) =>
  Array.from({ length: n }, (_, i) => `- item ${i} with **bold** and \`code\``).join('\n') +
  '\n\n' +
  Array.from({ length: n }, (_, i) => `Paragraph ${i} [link](/p${i}).`).join('\n\n') +
  '\n';

const INPUTS: [string, MarkdownInput][] = [
  ['the sample post', sampleInput()],
  ['footnotes and a table', { body: '| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n', bodyLine: 3 }],
  [
    'raw HTML and CJK headings',
    { body: '## 函数（参数）：说明\n\n<div id="x"><img src="/a.png" style="zoom:33%"></div>\n\n## 函数（参数）：说明\n', bodyLine: 1 },
  ],
  [
    'code in several languages (grammars loaded on demand)',
    { body: '```python\nx = 1\n```\n\n```rust\nfn main() {}\n```\n\n```Bash\necho hi\n```\n\n```nope\n<b>\n```\n', bodyLine: 1 },
  ],
  ['an explicit excerpt', { body: 'Body.\n', bodyLine: 1, excerpt: 'The *excerpt*.' }],
  ['an excerpt separator', { body: 'One [a](/a).\n\n<!--more-->\n\nTwo.\n', bodyLine: 5, excerptSeparator: '<!--more-->' }],
  ['a 40-deep list', { body: nestedList(40), bodyLine: 1 }],
  ['a list too deep to render as Markdown', { body: nestedList(300), bodyLine: 1 }],
];

describe('createPoolService', () => {
  let inProcess: RenderService;
  let pool: RenderService;
  beforeAll(async () => {
    inProcess = await createInProcessService();
    pool = createPoolService(2);
  });
  afterAll(async () => {
    await pool.close();
  });

  it.each(INPUTS)('renders %s in a worker exactly like this thread', async (_name, input) => {
    const [here, there] = await Promise.all([inProcess.render(input), pool.render(input)]);
    expect(there).toEqual(here);
    expect(here.html.length).toBeGreaterThan(0);
  });

  it('renders many jobs at once, each with its own result', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => `## 标题 ${i}\n\nPara ${i}.\n`);
    const results = await Promise.all(bodies.map((body) => pool.render({ body, bodyLine: 1 })));
    expect(results.map((r) => r.headings[0]!.id)).toEqual(bodies.map((_, i) => `标题-${i}`));
    expect(results.map((r) => text(parseFragment(r.excerptHtml)))).toEqual(bodies.map((_, i) => `Para ${i}.`));
  });
});

describe('createRenderService', () => {
  it('renders in this thread for 0 workers, with a pool otherwise', async () => {
    const here = await createRenderService({ workers: 0 });
    const hybrid = await createRenderService({ workers: 2 });
    try {
      expect(here.workers).toBe(0);
      expect(hybrid.workers).toBe(2);
    } finally {
      await hybrid.close();
      await here.close();
    }
  });

  it.each([0, 2])('with %i workers renders every input exactly like this thread', async (workers) => {
    const inProcess = await createInProcessService();
    const service = await createRenderService({ workers });
    try {
      for (const [name, input] of INPUTS) expect(await service.render(input), name).toEqual(await inProcess.render(input));
    } finally {
      await service.close();
    }
  });

  it('sends a large post to a worker, where the time limit applies', async () => {
    const body = slowInput(5000);
    expect(body.length).toBeGreaterThan(IN_PROCESS_MAX_BYTES);
    const service = await createRenderService({ workers: 1, timeoutMs: 200 });
    try {
      await expect(service.render({ body, bodyLine: 1 })).rejects.toThrow(/took longer than 200 ms/);
    } finally {
      await service.close();
    }
  });

  it('renders a small post that overflows this thread’s stack in a worker instead of failing it', async () => {
    // 4000 unclosed <b>: 12 kB, well under the in-process size limit, yet too deep for the default stack.
    const input = { body: '<b>'.repeat(4000) + 'x\n', bodyLine: 1 };
    expect(input.body.length).toBeLessThan(IN_PROCESS_MAX_BYTES);
    const inProcess = await createInProcessService();
    await expect(inProcess.render(input)).rejects.toThrow(/nests too deeply/);
    const service = await createRenderService({ workers: 1 });
    try {
      const result = await service.render(input);
      expect(result.html.startsWith('<p><b><b><b>')).toBe(true);
      expect(result.html.match(/<b>/g)).toHaveLength(4000);
    } finally {
      await service.close();
    }
  });
});

describe('deep nesting', () => {
  const DEPTH = 5000;

  it('renders shallow nested raw HTML the same in this thread and in a worker', async () => {
    const service = await createInProcessService();
    const pool = createPoolService(1);
    try {
      const [here, there] = await Promise.all([service.render({ body: nestedDivs(3), bodyLine: 1 }), pool.render({ body: nestedDivs(3), bodyLine: 1 })]);
      expect(there).toEqual(here);
      expect(text(one(parseFragment(here.html), 'div > div > div'))).toBe('x');
    } finally {
      await pool.close();
    }
  });

  it(`fails in this thread with a clear RenderFailure for ${DEPTH}-deep raw HTML (default stack)`, async () => {
    const service = await createInProcessService();
    const failure = await service.render({ body: nestedDivs(DEPTH), bodyLine: 1 }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(failure).toBeInstanceOf(RenderFailure);
    expect((failure as Error).message).toBe('the Markdown nests too deeply to render (lists or quotes thousands of levels deep)');
  });

  it(`renders ${DEPTH}-deep raw HTML in a pool worker (big stack)`, async () => {
    const pool = createPoolService(1);
    try {
      const result = await pool.render({ body: nestedDivs(DEPTH), bodyLine: 1 });
      // Too deep to parse back with the default stack here: check the exact serialization instead.
      expect(result.html).toBe('<div>'.repeat(DEPTH) + 'x' + '</div>'.repeat(DEPTH));
    } finally {
      await pool.close();
    }
  });

  it('renders a 1000-deep list in the pool, quickly, as this thread does', async () => {
    const input = { body: nestedList(1000), bodyLine: 1 };
    const service = await createInProcessService();
    const pool = createPoolService(1);
    try {
      const started = Date.now();
      const [here, there] = await Promise.all([service.render(input), pool.render(input)]);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(there).toEqual(here);
      const root = parseFragment(there.html);
      expect(text(one(root, 'pre > code'))).toBe(input.body);
      expect(there.warnings).toEqual([expect.stringMatching(/nested about 1000 levels deep/)]);
    } finally {
      await pool.close();
    }
  });
});

describe('time limit', () => {
  it('fails a job that runs too long, naming the limit, and renders the next job', async () => {
    const pool = createPoolService(1, 200);
    try {
      const slow = pool.render({ body: slowInput(5000), bodyLine: 1 });
      const next = pool.render({ body: '# 下一个\n', bodyLine: 1 });
      slow.catch(() => {});
      await expect(slow).rejects.toBeInstanceOf(RenderFailure);
      await expect(slow).rejects.toThrow(/took longer than 200 ms/);
      const result = await next;
      expect(result.headings).toEqual([{ depth: 1, id: '下一个', text: '下一个' }]);
      // And the replacement worker keeps serving.
      const again = await pool.render({ body: 'again\n', bodyLine: 1 });
      expect(text(parseFragment(again.html))).toBe('again');
    } finally {
      await pool.close();
    }
  });

  it('does not count a worker’s start-up against the first job', async () => {
    // Worker start-up (tsx, shiki, grammars) takes seconds; a tiny post (a few ms to render) must still render.
    const pool = createPoolService(1, 200);
    try {
      const result = await pool.render({ body: 'A *tiny* post.\n', bodyLine: 1 });
      expect(text(one(parseFragment(result.html), 'p > em'))).toBe('tiny');
    } finally {
      await pool.close();
    }
  });
});

describe('close', () => {
  it('rejects new work once closed', async () => {
    const pool = createPoolService(1);
    await pool.render({ body: 'warm\n', bodyLine: 1 });
    await pool.close();
    await expect(pool.render({ body: 'x\n', bodyLine: 1 })).rejects.toBeInstanceOf(RenderFailure);
    await expect(pool.render({ body: 'x\n', bodyLine: 1 })).rejects.toThrow(/closed/);
  });

  it('rejects queued and running jobs instead of leaving them pending', async () => {
    const pool = createPoolService(1);
    const running = pool.render({ body: slowInput(5000), bodyLine: 1 });
    const queued = pool.render({ body: 'queued\n', bodyLine: 1 });
    const outcomes = Promise.allSettled([running, queued]);
    await pool.close();
    const [first, second] = await outcomes;
    expect(first).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: 'render pool is closed' }) });
    expect(second).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: 'render pool is closed' }) });
  });

  it('is harmless for a pool that never started a worker', async () => {
    const pool = createPoolService(3);
    await pool.close();
    await expect(pool.render({ body: 'x\n', bodyLine: 1 })).rejects.toThrow(/closed/);
  });
});

describe('describeRenderFailure', () => {
  it.each([
    [new RangeError('Maximum call stack size exceeded'), 'the Markdown nests too deeply to render (lists or quotes thousands of levels deep)'],
    [new Error('boom'), 'cannot render Markdown: boom'],
    [new RangeError('Invalid array length'), 'cannot render Markdown: Invalid array length'],
    ['a string', 'cannot render Markdown: a string'],
  ])('%s → %j', (thrown, message) => {
    expect(describeRenderFailure(thrown)).toBe(message);
  });
});
