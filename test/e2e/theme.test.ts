/**
 * The default theme on built pages, read as parsed HTML: the sample blog in Chinese (interface
 * strings, dates, table of contents, reading time, code blocks, excerpts, related posts) and a small
 * English site with `paginate:`, `date_format:` and `toc:` settings.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { all, attr, classes, one, text } from '../helpers/html.js';
import { makeSite, post, REPO } from '../helpers/site.js';

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));
const page = async (out: string, rel: string): Promise<Root> => fromHtml(await readFile(path.join(out, rel), 'utf8'));
const texts = (tree: Root | Element, selector: string) => all(tree, selector).map((el) => text(el).replace(/\s+/g, ' ').trim());

describe('the sample blog in the default theme', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'inkstone-theme-'));
    temps.push(out);
    const report = await build({ root: REPO, outDir: out, workers: 1, cache: false });
    expect(report.ok).toBe(true);
  }, 120_000);

  it('speaks Chinese: navigation, search box, footer, 404', async () => {
    const home = await page(out, 'index.html');
    expect(texts(home, '.site-nav > a')).toEqual(['归档', '分类', '标签']);
    const form = one(home, 'form[role=search]');
    expect(attr(form, 'action')).toBe('/search/');
    expect(attr(one(form, 'input[type=search]'), 'name')).toBe('q');
    expect(attr(one(home, 'link[rel=icon]'), 'href')).toBe('/assets/favicon.svg');
    expect(text(one(home, 'h1.page-title'))).toBe('文章');
    const notFound = await page(out, '404.html');
    expect(text(one(notFound, 'h1'))).toBe('404 · 页面不存在');
    expect(all(notFound, '.not-found-links a').map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['首页', '/'],
      ['归档', '/archive/'],
      ['搜索', '/search/'],
    ]);
    expect(text(one(await page(out, 'categories/kernel/index.html'), 'p.count'))).toBe('2 篇文章');
  });

  it('dates posts in Chinese, and the archive by month and day under each year', async () => {
    const post = await page(out, 'basic/2020/01/01/some-drafts.html');
    expect(text(one(post, '.post-meta time'))).toBe('2020年1月1日');
    expect(attr(one(post, '.post-meta time'), 'dateTime')).toBe('2020-01-01T16:00:00+08:00');
    const archive = await page(out, 'archive/index.html');
    expect(texts(archive, '.archive-year h2')).toEqual(['2023', '2022', '2021', '2020']);
    expect(texts(archive, '.archive-year .post-list time')).toEqual(['11月2日', '7月9日', '3月14日', '1月1日']);
  });

  it('gives the seed post a table of contents of its sections, inline and as a sidebar', async () => {
    const post = await page(out, 'basic/2020/01/01/some-drafts.html');
    expect(text(one(post, 'details.toc-inline > summary'))).toBe('目录');
    const side = one(post, '.toc-side nav.toc');
    expect(attr(side, 'ariaLabel')).toBe('目录');
    const top = all(side, ':scope > ul > li > a').map((a) => attr(a, 'href'));
    expect(top).toEqual([
      '#内核抢占',
      '#elf文件的加载',
      '#uce故障处理',
      '#iommu',
      '#printk触发死锁',
      '#unix-domain-socket介绍',
      '#dracutinitrd',
      '#fuse',
      '#docker',
      '#调研',
    ]);
    expect(texts(side, 'li li > a')).toEqual(['调研方法', '交流']);
    // Every entry names a heading on the page.
    const ids = new Set(all(post, '.post-content [id]').map((el) => attr(el, 'id')));
    for (const a of all(side, 'a')) expect(ids.has(attr(a, 'href')!.slice(1))).toBe(true);
    // A post with three headings has none.
    expect(all(await page(out, 'shell/linux/2021/03/14/shell-pipes.html'), '.toc, .toc-inline')).toEqual([]);
  });

  it('tells the length of a post in characters and minutes', async () => {
    const length = text(one(await page(out, 'basic/2020/01/01/some-drafts.html'), '.post-length'));
    const [, words, minutes] = /^(\d+) 字 · 约 (\d+) 分钟读完$/.exec(length) ?? [];
    expect(Number(words)).toBeGreaterThan(1000);
    expect(Number(minutes)).toBeGreaterThanOrEqual(3);
    expect(text(one(await page(out, 'kernel/2022/07/09/reading-task-struct.html'), '.post-length'))).toMatch(/^\d+ 字 · 约 1 分钟读完$/);
  });

  it('boxes and labels code, marks shell sessions, wraps tables, hides the footnotes heading', async () => {
    const pipes = await page(out, 'shell/linux/2021/03/14/shell-pipes.html');
    expect(all(pipes, '.post-content .code-block').map((b) => attr(b, 'dataLang'))).toEqual(['bash', 'console', 'sh']);
    const session = one(pipes, '.code-block.session');
    expect(texts(session, '.line.command .prompt')).toEqual(['$', '$', '$']);
    expect(texts(session, '.line.output')).toEqual(['0', '1']);
    expect(one(pipes, '.post-content .table-wrap > table')).toBeTruthy();
    expect(classes(one(pipes, '#footnote-label'))).toContain('sr-only');
    const gdb = await page(out, 'kernel/2023/11/02/gdb-cheatsheet.html');
    expect(texts(gdb, '.code-block.session .prompt')).toEqual(['(gdb)', '(gdb)', '(gdb)']);
    const task = await page(out, 'kernel/2022/07/09/reading-task-struct.html');
    expect(all(task, '.code-block').map((b) => attr(b, 'dataLang'))).toEqual(['c', 'diff', 'kconfig-ish']);
  });

  it('lists posts on the index with their excerpts', async () => {
    const home = await page(out, 'index.html');
    expect(texts(home, '.post-excerpts .post-item-title')).toEqual([
      'GDB 速查：调试内核模块',
      'Reading task_struct in C',
      'Shell 管道与重定向：从 fd 说起',
      'Some drafts',
    ]);
    const excerpts = texts(home, '.post-excerpts .post-excerpt');
    expect(excerpts[0]).toBe('调试内核模块时最常用的几条 GDB 命令。');
    expect(excerpts[1]).toBe('A short tour of the fields of struct task_struct that matter when you read the scheduler.');
    expect(excerpts[3]).toMatch(/^内核抢占：在进程执行内核代码的时候/);
  });

  it('keeps the JavaScript of every page under 10 KB (the search page: its script gzipped, as Pages serves it)', async () => {
    const htmlFiles = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.html'));
    expect(htmlFiles.length).toBeGreaterThan(10);
    const budget: Record<string, { raw: number; gzip: number }> = {};
    for (const rel of htmlFiles) {
      const tree = await page(out, rel);
      let raw = 0;
      let gzip = 0;
      for (const script of all(tree, 'script')) {
        const src = attr(script, 'src');
        const body = src ? await readFile(path.join(out, src)) : Buffer.from(text(script));
        raw += body.length;
        gzip += gzipSync(body).length;
      }
      budget[rel.split(path.sep).join('/')] = { raw, gzip };
    }
    for (const [rel, { raw, gzip }] of Object.entries(budget)) {
      if (rel === 'search/index.html') expect(gzip, rel).toBeLessThan(10_000);
      else expect(raw, rel).toBeLessThan(10_000);
    }
    // The search script loads on the search page only.
    expect(
      Object.entries(budget)
        .filter(([, b]) => b.raw > budget['index.html']!.raw)
        .map(([rel]) => rel),
    ).toEqual(['search/index.html']);
  });

  it('links each post to its neighbours and to related posts', async () => {
    const gdb = await page(out, 'kernel/2023/11/02/gdb-cheatsheet.html');
    expect(all(gdb, '.post-nav a').map((a) => [attr(a, 'rel'), attr(a, 'href')])).toEqual([['prev', '/kernel/2022/07/09/reading-task-struct.html']]);
    expect(texts(gdb, '.post-nav a')).toEqual(['← 上一篇Reading task_struct in C']);
    expect(text(one(gdb, '.related h2'))).toBe('相关文章');
    expect(all(gdb, '.related a').map((a) => attr(a, 'href'))).toEqual(['/kernel/2022/07/09/reading-task-struct.html']);
    expect(all(await page(out, 'basic/2020/01/01/some-drafts.html'), '.related')).toEqual([]);
  });
});

describe('an English site with paginate, date_format and toc settings', () => {
  let out: string;
  beforeAll(async () => {
    const sections = (n: number) => Array.from({ length: n }, (_, i) => `## Part ${i + 1}\n\nText of part ${i + 1}.\n`).join('\n');
    const root = await makeSite({
      '_config.yml': 'title: Notes\nlang: en\npaginate: 2\ndate_format: "%d/%m/%Y"\ntoc: false\n',
      'posts/2024-01-01-a.md': post({ title: 'A', tags: '[x]' }, sections(5)),
      'posts/2024-01-02-b.md': post({ title: 'B', toc: 'true', toc_levels: '"2..2"' }, sections(4)),
      'posts/2024-01-03-c.md': post({ title: 'C', tags: '[x]' }, 'First words.\n'),
      'posts/2024-01-04-d.md': post({ title: 'D' }, 'Body.\n'),
      'posts/2024-01-05-e.md': post({ title: 'E' }, 'Body.\n'),
    });
    temps.push(root);
    out = path.join(root, 'public');
    const report = await build({ root, workers: 0, cache: false });
    expect(report.ok).toBe(true);
  }, 120_000);

  it('pages the index with paginator.posts and links to every page', async () => {
    const first = await page(out, 'index.html');
    expect(texts(first, '.post-item-title')).toEqual(['E', 'D']);
    expect(texts(first, '.pagination .pages > *')).toEqual(['1', '2', '3']);
    expect(all(first, '.pagination a').map((a) => attr(a, 'href'))).toEqual(['/page2/', '/page3/', '/page2/']);
    expect(attr(one(first, '.pagination'), 'ariaLabel')).toBe('Page 1 of 3');
    const second = await page(out, 'page2/index.html');
    expect(texts(second, '.post-item-title')).toEqual(['C', 'B']);
    expect(all(second, '.pagination a[rel]').map((a) => [attr(a, 'rel'), attr(a, 'href')])).toEqual([
      ['prev', '/'],
      ['next', '/page3/'],
    ]);
    expect(text(one(second, '.pagination [aria-current=page]'))).toBe('2');
    expect(texts(await page(out, 'page3/index.html'), '.post-item-title')).toEqual(['A']);
  });

  it('speaks English and dates by date_format', async () => {
    const a = await page(out, '2024/01/01/a.html');
    expect(texts(a, '.site-nav > a')).toEqual(['Archive', 'Categories', 'Tags']);
    expect(text(one(a, '.post-meta time'))).toBe('01/01/2024');
    expect(text(one(a, '.post-length'))).toMatch(/^\d+ words · 1 min read$/);
    expect(text(one(a, '.related h2'))).toBe('Related posts');
  });

  it('leaves out the table of contents with toc: false, unless a post asks for one', async () => {
    expect(all(await page(out, '2024/01/01/a.html'), '.toc, .toc-inline')).toEqual([]);
    const b = await page(out, '2024/01/02/b.html');
    expect(all(b, '.toc-side a').map((a) => attr(a, 'href'))).toEqual(['#part-1', '#part-2', '#part-3', '#part-4']);
    expect(text(one(b, '.toc-inline summary'))).toBe('Contents');
  });
});
