/**
 * Search in a real browser (Debian's Chromium, driven by playwright-core): a built fixture site
 * served over 127.0.0.1, queries typed into the search page and into the header's search box.
 * With INKSTONE_SCREENSHOTS=<folder>, also saves screenshots of the search page (desktop and
 * phone, light and dark). Skipped only where Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { removeDir } from '../dev/helpers.js';
import { makeSite, post } from '../helpers/site.js';

// Code passed to page.waitForFunction and page.evaluate runs in the browser; the project compiles without the DOM library.
declare const location: any;
declare const document: any;

const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static server for a folder, as GitHub Pages serves it (folders → index.html), on 127.0.0.1. */
function serve(dir: string): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (req, res) => {
    try {
      let file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })),
  );
}

const POSTS = {
  'posts/2020-01-01-preempt.md': post(
    { title: '内核抢占', categories: 'kernel' },
    '这一篇讲调度。\n\n## 抢占的时机\n\n抢占的前提条件是：配置了`TIF_NEED_RESCHED`；抢占计数器`preempt_count = 0`。\n',
  ),
  'posts/2021-05-06-buddy.md': post({ title: '内存管理笔记', categories: 'mm' }, '开头。\n\n## 页面分配\n\n空闲页直接从伙伴系统摘除，再交给 slab。\n'),
  'posts/2022-07-08-elf.md': post(
    { title: 'Loading programs', categories: 'linux' },
    'Intro.\n\n## ELF文件的加载\n\n内核在加载ELF文件时，按照`readelf -l`查询出来的MemSiz不断累加。\n',
  ),
  'posts/2023-01-02-other.md': post({ title: '杂记' }, '系统调用与伙伴们；self 与 readelf 不算 ELF 以外的词。\n'),
};
/** Enough posts about one thing for a second page of results. */
const MANY = Object.fromEntries(
  Array.from({ length: 23 }, (_, i) => [
    `posts/2019-01-${String(i + 1).padStart(2, '0')}-pt${i}.md`,
    post({ title: `页表笔记 ${i + 1}` }, `第 ${i + 1} 篇：多级页表。\n`),
  ]),
);

describe.skipIf(!existsSync(CHROMIUM))('search in Chromium', () => {
  let root: string;
  let origin: string;
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = await makeSite({ '_config.yml': 'title: 内核笔记\nlang: zh-CN\n', ...POSTS, ...MANY });
    const report = await build({ root, workers: 0, cache: false });
    expect(report.ok).toBe(true);
    ({ origin, server } = await serve(path.join(root, 'public')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${origin}/search/`);
    await page.waitForSelector('#search[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (root) await removeDir(root);
  });

  /** Types a query into the search page's field and returns the status line and the results. */
  async function search(query: string) {
    await page.fill('#search-input', query);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, query);
    return {
      status: await page.textContent('#search-status'),
      results: await page.$$eval('.search-result', (items) =>
        items.map((li) => ({
          title: li.querySelector('.search-result-title')!.textContent,
          href: li.querySelector('.search-result-title')!.getAttribute('href'),
          section: li.querySelector('.search-result-section')?.textContent ?? null,
          day: li.querySelector('.search-result-meta time')!.textContent,
          marks: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent),
        })),
      ),
    };
  }

  it('finds 抢占 in the right post, with the matching section linked and the word marked', async () => {
    const { status, results } = await search('抢占');
    expect(status).toBe('找到 1 篇文章');
    expect(results).toEqual([
      {
        title: '内核抢占',
        href: `/kernel/2020/01/01/preempt.html#${encodeURIComponent('抢占的时机')}`,
        section: '抢占的时机',
        day: '2020年1月1日',
        marks: ['抢占', '抢占'],
      },
    ]);
    expect(await page.isHidden('#search-more')).toBe(true);
  });

  it('shows 20 results at a time, newest first, and more on request', async () => {
    const { status, results } = await search('页表');
    expect(status).toBe('找到 23 篇文章');
    expect(results.map((r) => r.title)).toEqual(Array.from({ length: 20 }, (_, i) => `页表笔记 ${23 - i}`));
    await page.click('#search-more');
    expect(await page.$$eval('.search-result', (items) => items.length)).toBe(23);
    expect(await page.isHidden('#search-more')).toBe(true);
  });

  it('finds preempt_count, 伙伴系统 and ELF, each in its post only', async () => {
    const preempt = await search('preempt_count');
    expect(preempt.results.map((r) => [r.title, r.marks])).toEqual([['内核抢占', ['preempt_count']]]);
    const buddy = await search('伙伴系统');
    expect(buddy.results.map((r) => [r.title, r.href, r.marks])).toEqual([
      ['内存管理笔记', `/mm/2021/05/06/buddy.html#${encodeURIComponent('页面分配')}`, ['伙伴系统']],
    ]);
    // "ELF" starts a word in the ELF post (and in 杂记's "ELF 以外"), never inside readelf or self.
    const elf = await search('ELF');
    expect(elf.results.map((r) => r.title)).toEqual(['Loading programs', '杂记']);
    expect(elf.results[0]!.href).toBe(`/linux/2022/07/08/elf.html#${encodeURIComponent('elf文件的加载')}`);
    expect(elf.status).toBe('找到 2 篇文章');
  });

  it('says so in the site language when nothing matches', async () => {
    const { status, results } = await search('量子计算机');
    expect(results).toEqual([]);
    expect(status).toBe('没有找到与“量子计算机”相关的文章。');
    const partial = await search('伙伴系统 ELF');
    expect(partial.status).toBe('没有找到与“伙伴系统 ELF”相关的文章。');
  });

  it('follows a result to the heading it names', async () => {
    await search('伙伴系统');
    await page.click('.search-result-title');
    await page.waitForURL(/buddy\.html#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#页面分配');
    expect(await page.evaluate(() => document.getElementById('页面分配') !== null)).toBe(true);
  });

  it('takes a query from the header box of any page (?q=) and loads no search script elsewhere', async () => {
    const other = await browser.newPage();
    const scripts: string[] = [];
    other.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('/search/')) scripts.push(new URL(r.url()).pathname);
    });
    await other.goto(`${origin}/`);
    expect(scripts.filter((s) => s.includes('search'))).toEqual([]);
    const box = other.locator('header input[name="q"]');
    if ((await box.count()) > 0) {
      await box.fill('preempt_count');
      await box.press('Enter');
    } else {
      await other.goto(`${origin}/search/?q=preempt_count`);
    }
    await other.waitForSelector('#search[data-ready="true"]');
    expect(await other.inputValue('#search-input')).toBe('preempt_count');
    expect(await other.$$eval('.search-result-title', (a) => a.map((x) => x.textContent))).toEqual(['内核抢占']);
    await other.close();
  });

  it.skipIf(!process.env.INKSTONE_SCREENSHOTS)('screenshots: desktop and phone, light and dark', async () => {
    const dir = path.resolve(process.env.INKSTONE_SCREENSHOTS!);
    await mkdir(dir, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: name === 'phone' ? 2 : 1 });
        const shot = await context.newPage();
        for (const [query, label] of [
          ['抢占', 'results'],
          ['量子计算机', 'none'],
        ] as const) {
          await shot.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
          await shot.waitForSelector('#search[data-ready="true"]');
          await shot.screenshot({ path: path.join(dir, `search-${label}-${name}-${scheme}.png`), fullPage: true });
        }
        await context.close();
      }
    }
  });
});
