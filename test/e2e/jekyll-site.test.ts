/**
 * A Jekyll + minima blog (test/fixtures/jekyll-blog) built by inkstone as it is — no Jekyll needed
 * for this test (test/jekyll/compare.test.ts compares with real Jekyll where it is installed).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildReport, build } from '../../src/build.js';
import { all, attr, one, text } from '../helpers/html.js';
import { readHtml } from '../helpers/site.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/jekyll-blog');
let out: string;
let report: BuildReport;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'inkstone-jekyll-site-'));
  report = await build({ root: FIXTURE, outDir: out, baseurl: '/notes', cache: false, workers: 0 });
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const page = (rel: string) => readHtml(out, rel);
const exists = (rel: string) => existsSync(path.join(out, rel));

describe('a Jekyll blog built by inkstone', () => {
  it('builds every post of _posts/, its subfolders and linux/_posts/, and every page', () => {
    expect(report.ok).toBe(true);
    expect(report.posts).toBe(15);
    for (const rel of [
      'basic/2020/01/01/some-drafts.html',
      'kernel/sched/2021/03/14/preempt-count.html',
      'linux/容器/2020/08/10/cgroup-v2.html',
      'gdb/tips/index.html',
      'index.html',
      'about/index.html',
      'categories.html',
      'archive/index.html',
      'notes/index.html',
      '404.html',
    ]) {
      expect(exists(rel), rel).toBe(true);
    }
  });

  it('keeps the site’s own index and 404 instead of inkstone’s', async () => {
    expect(text(one(await page('404.html'), '.not-found h1'))).toBe('404');
    expect(all(await page('index.html'), '.post-list li').length).toBe(15);
  });

  it('runs Liquid in posts: post_url, link, include with parameters, site.data, highlight', async () => {
    const setup = await page('jekyll/2020/06/18/blog-setup.html');
    const hrefs = all(setup, '.post-content a').map((a) => attr(a, 'href'));
    expect(hrefs).toContain('/notes/basic/2020/01/01/some-drafts.html');
    expect(hrefs).toContain('/notes/about/');
    const trap = await page('shell/2020/11/30/bash-trap.html');
    expect(text(one(trap, '.note-warning .note-title'))).toBe('⚠️ 注意');
    expect(all(trap, '.post-content a').map((a) => attr(a, 'href'))).toContain('/notes/shell/linux/2020/03/03/pipe-and-redirect.html');
    const kdump = await page('kernel/debug/2022/05/01/kdump-crash.html');
    const figure = one(kdump, 'figure.highlight');
    expect(one(figure, 'code').properties.dataLang).toBe('c');
    expect(one(figure, 'pre').properties.className).toContain('linenos');
  });

  it('writes redirects at the URLs Jekyll gave the posts it dated a day later, and for redirect_from', async () => {
    for (const [from, to] of [
      ['kernel/mm/2020/05/21/oom-killer.html', 'https://example.github.io/notes/kernel/mm/2020/05/20/oom-killer.html'],
      ['shell/2020/12/01/bash-trap.html', 'https://example.github.io/notes/shell/2020/11/30/bash-trap.html'],
      ['strace.html', 'https://example.github.io/notes/debug/2021/07/07/strace.html'],
      ['debug/strace/index.html', 'https://example.github.io/notes/debug/2021/07/07/strace.html'],
    ]) {
      expect(attr(one(await page(from!), 'link[rel=canonical]'), 'href'), from).toBe(to);
    }
  });

  it('keeps jekyll-feed’s entry ids and last_modified_at', async () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(out, 'feed.xml'), 'utf8')).feed;
    const ids = feed.entry.map((e: { id: string }) => e.id);
    expect(ids).toContain('https://example.github.io/notes/gdb/gdb-tips');
    expect(ids).toContain('https://example.github.io/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2');
    const ftrace = feed.entry.find((e: { id: string }) => e.id.endsWith('/ftrace'));
    expect([ftrace.published, ftrace.updated]).toEqual(['2021-08-15T14:00:00+08:00', '2022-01-05T10:00:00+08:00']);
    const sitemap = new XMLParser().parse(await readFile(path.join(out, 'sitemap.xml'), 'utf8')).urlset.url as { loc: string; lastmod?: string }[];
    expect(sitemap.find((u) => u.loc.endsWith('/ftrace.html'))?.lastmod).toBe('2022-01-05T10:00:00+08:00');
    expect(sitemap.some((u) => u.loc.endsWith('/strace.html') && !u.loc.includes('/debug/'))).toBe(false);
  });

  it('copies static files, compiles the Sass, and leaves out what Jekyll leaves out', async () => {
    for (const rel of ['CNAME', 'favicon.ico', 'assets/img/diagram.png', 'assets/js/app.js', 'notes/snippet.md']) expect(exists(rel), rel).toBe(true);
    for (const rel of ['README.md', 'TODO.md', 'biome.json', 'scripts/deploy.sh', '.gitignore', '_config.yml', '_posts', 'assets/main.scss']) {
      expect(exists(rel), rel).toBe(false);
    }
    expect(await readFile(path.join(out, 'assets/main.css'), 'utf8')).toContain('.note');
  });
});
