/**
 * What GitHub Pages does, done locally: build the sample blog with a base path, serve the output
 * under that path from a small HTTP server that answers like Pages (`/a/` → `a/index.html`, `/a` →
 * `a.html`, 404 page for anything else), crawl every page from the home page and fetch every
 * internal href and src. No 404s, and every `#fragment` lands on an id of its page. Then the feed,
 * sitemap, robots.txt and the discoverability tags of the built pages, read with real parsers.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, attr, one } from '../helpers/html.js';
import { REPO } from '../helpers/site.js';

const run = promisify(execFile);
const CLI = path.join(REPO, 'src/cli/main.ts');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/** A static server that answers the way GitHub Pages does for a site published under `base`. */
async function servePages(dir: string, base: string): Promise<{ origin: string; server: Server }> {
  const sendFile = async (res: import('node:http').ServerResponse, file: string, status = 200) => {
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  };
  const isFile = (file: string) =>
    stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
  const isDir = (file: string) =>
    stat(file).then(
      (s) => s.isDirectory(),
      () => false,
    );
  const server = createServer((req, res) => {
    void (async () => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let decoded: string;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const notFound = async () => ((await isFile(path.join(dir, '404.html'))) ? sendFile(res, path.join(dir, '404.html'), 404) : res.writeHead(404).end());
      if (decoded === base.slice(0, -1) && base !== '/') return res.writeHead(301, { location: base }).end();
      if (!decoded.startsWith(base)) return res.writeHead(404).end('outside the site');
      const rel = decoded.slice(base.length);
      const file = path.resolve(dir, rel);
      if (file !== dir && !file.startsWith(dir + path.sep)) return notFound();
      if (rel === '' || rel.endsWith('/')) return (await isFile(path.join(file, 'index.html'))) ? sendFile(res, path.join(file, 'index.html')) : notFound();
      if (await isFile(file)) return sendFile(res, file);
      if (await isDir(file)) return res.writeHead(301, { location: `${pathname}/` }).end();
      if (await isFile(`${file}.html`)) return sendFile(res, `${file}.html`);
      return notFound();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Builds a site with the CLI the way the Pages workflow does (`--strict --base --url`). */
async function buildWithCli(root: string, out: string, base: string, url: string): Promise<void> {
  const { stderr } = await run(
    process.execPath,
    ['--import', 'tsx', CLI, 'build', '--src', root, '--out', out, '--base', base, '--url', url, '--strict', '--no-cache', '--workers', '1'],
    { cwd: REPO },
  );
  expect(stderr.split('\n').filter(Boolean)).toEqual([]);
}

/** URL attributes of a parsed page, by what a browser does with them. */
function pageRefs(tree: Root): string[] {
  const refs: string[] = [];
  const take: Record<string, string[]> = {
    a: ['href'],
    link: ['href'],
    img: ['src', 'srcSet'],
    script: ['src'],
    source: ['src', 'srcSet'],
    video: ['src', 'poster'],
    audio: ['src'],
    iframe: ['src'],
    // The theme's search box: a GET form whose action is a page of the site.
    form: ['action'],
  };
  visit(tree, 'element', (el: Element) => {
    for (const prop of take[el.tagName] ?? []) {
      const value = el.properties[prop];
      if (typeof value !== 'string') continue;
      if (prop === 'srcSet')
        refs.push(
          ...value
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0]!)
            .filter(Boolean),
        );
      else refs.push(value);
    }
  });
  return refs;
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (el: Element) => {
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
    if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.add(el.properties.name);
  });
  return ids;
}

interface CrawlResult {
  /** Site paths of every HTML page reached. */
  pages: Set<string>;
  /** Every internal URL fetched, with its final status. */
  statuses: Map<string, number>;
  /** `page → target#fragment` links whose fragment is not an id on the target. */
  badFragments: string[];
  /** Internal links fetched, counted. */
  fetched: number;
}

/**
 * Crawls from `start`, fetching every internal href/src once and following HTML pages. The search
 * page is a start too: readers reach it through the theme's search box (a form, followed like a
 * link), which a theme may not have.
 */
async function crawl(origin: string, start: string): Promise<CrawlResult> {
  const statuses = new Map<string, number>();
  const trees = new Map<string, Root>();
  const fragments: { from: string; target: string; fragment: string }[] = [];
  const queue = [new URL(start, origin).href, new URL('search/', new URL(start, origin)).href];
  const seen = new Set(queue);
  let fetched = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await fetch(url);
    fetched++;
    statuses.set(url, response.status);
    if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await response.arrayBuffer();
      continue;
    }
    const tree = fromHtml(await response.text());
    trees.set(new URL(response.url).pathname, tree);
    for (const ref of pageRefs(tree)) {
      const target = new URL(ref, response.url);
      if (target.origin !== origin) continue;
      if (target.hash) fragments.push({ from: url, target: target.pathname, fragment: decodeURIComponent(target.hash.slice(1)) });
      target.hash = '';
      if (!seen.has(target.href)) {
        seen.add(target.href);
        queue.push(target.href);
      }
    }
  }
  const badFragments = fragments
    .filter(({ target, fragment }) => fragment !== '' && fragment !== 'top' && !idsOf(trees.get(target) ?? { type: 'root', children: [] }).has(fragment))
    .map(({ from, target, fragment }) => `${from} → ${target}#${fragment}`);
  return { pages: new Set(trees.keys()), statuses, badFragments, fetched };
}

/** Site paths (under `base`) of every HTML file in the output, as the crawl should have reached them. */
async function builtPages(out: string, base: string): Promise<Set<string>> {
  const files = (await readdir(out, { recursive: true })).map((f) => f.split(path.sep).join('/')).filter((f) => f.endsWith('.html') && f !== '404.html');
  return new Set(files.map((f) => encodeURI(base + f.replace(/(^|\/)index\.html$/, '$1'))));
}

const temps: string[] = [];
async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

/** The sample blog plus a post that uses every kind of link a notebook has: cross-post file links, post_url, images beside it. */
async function sampleWithCrossLinks(): Promise<string> {
  const root = await temp('inkstone-pages-site-');
  for (const name of ['posts', 'layouts', '_config.yml']) await cp(path.join(REPO, name), path.join(root, name), { recursive: true });
  await cp(path.join(REPO, 'layouts/assets/style.css'), path.join(root, 'posts/notes/img/示意图 1.png'));
  await writeFile(
    path.join(root, 'posts/notes/2024-05-01-links.md'),
    [
      '---',
      'title: 交叉引用',
      'categories: [notes]',
      'tags: [链接]',
      '---',
      '![示意图](<img/示意图 1.png>) 见 [内核抢占](../2020-01-01-some-drafts.md#内核抢占)、[管道](../2021-03-14-shell-pipes.md#%E7%AE%A1%E9%81%93%E9%87%8C%E7%9A%84%E9%80%80%E5%87%BA%E7%A0%81)。',
      '',
      '## 用 post_url',
      '',
      '[GDB]({% post_url 2023-11-02-gdb-cheatsheet %}#常用命令) 与 [task_struct]({% post_url 2022-07-09-reading-task-struct %}#the-fields)，[回到上面](#用-post_url)，[首页](/)，[样式](/assets/style.css)，[归档]({{ site.baseurl }}/archive/#2021)。',
      '',
    ].join('\n'),
  );
  return root;
}

describe.each([
  { name: 'the sample blog under /notes/ (a project site)', base: '/notes/', site: async () => REPO, reached: [] as string[] },
  { name: 'the sample blog at / (a user site)', base: '/', site: async () => REPO, reached: [] as string[] },
  {
    name: 'the sample blog with cross-post links and images under /notes/',
    base: '/notes/',
    site: sampleWithCrossLinks,
    reached: [
      '/notes/notes/2024/05/01/img/%E7%A4%BA%E6%84%8F%E5%9B%BE%201.png',
      '/notes/kernel/2023/11/02/gdb-cheatsheet.html',
      '/notes/kernel/2022/07/09/reading-task-struct.html',
      '/notes/assets/style.css',
    ],
  },
])('crawl: $name', ({ base, site, reached }) => {
  let origin: string;
  let server: Server;
  let out: string;
  let result: CrawlResult;
  beforeAll(async () => {
    const root = await site();
    out = path.join(await temp('inkstone-pages-out-'), 'public');
    ({ origin, server } = await servePages(out, base));
    await buildWithCli(root, out, base, origin);
    result = await crawl(origin, base);
  }, 120_000);
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches every internal href and src without a 404', () => {
    const failed = [...result.statuses].filter(([, status]) => status !== 200).map(([url, status]) => `${status} ${url}`);
    expect(failed).toEqual([]);
    expect(result.fetched).toBeGreaterThan(20);
  });

  it('reaches every page the build wrote', async () => {
    expect([...result.pages].sort()).toEqual([...(await builtPages(out, base))].sort());
    for (const url of reached) expect(result.statuses.get(origin + url)).toBe(200);
  });

  it('lands every #fragment on an id of its page', () => {
    expect(result.badFragments).toEqual([]);
  });

  it('serves every sitemap URL', async () => {
    const sitemap = new XMLParser({ isArray: (name) => name === 'url' }).parse(await readFile(path.join(out, 'sitemap.xml'), 'utf8')) as {
      urlset: { url: { loc: string }[] };
    };
    for (const { loc } of sitemap.urlset.url) {
      expect(loc.startsWith(origin + base)).toBe(true);
      expect(result.statuses.get(loc)).toBe(200);
    }
  });
});

describe('the crawl itself', () => {
  it('catches a site built without the base path it is served under', async () => {
    const out = path.join(await temp('inkstone-pages-wrong-'), 'public');
    const { origin, server } = await servePages(out, '/notes/');
    try {
      await run(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', REPO, '--out', out, '--base', '/', '--no-cache', '--workers', '1'], { cwd: REPO });
      await writeFile(
        path.join(out, 'index.html'),
        (await readFile(path.join(out, 'index.html'), 'utf8')).replace('href="/archive/"', 'href="/notes/archive/"'),
      );
      const result = await crawl(origin, '/notes/');
      const failed = [...result.statuses].filter(([, status]) => status === 404).map(([url]) => new URL(url).pathname);
      expect(failed).toContain('/assets/style.css');
      expect(failed).toContain('/archive/');
      expect(result.pages.has('/notes/archive/')).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('feeds and discoverability of the built sample blog', () => {
  const URL_ROOT = 'https://example.github.io/notes';
  let out: string;
  beforeAll(async () => {
    out = path.join(await temp('inkstone-discover-'), 'public');
    await buildWithCli(REPO, out, '/notes/', 'https://example.github.io');
  }, 120_000);

  const page = async (rel: string) => fromHtml(await readFile(path.join(out, rel), 'utf8'));
  const posts = [
    { file: 'basic/2020/01/01/some-drafts.html', title: 'Some drafts', date: '2020-01-01T16:00:00+08:00' },
    { file: 'shell/linux/2021/03/14/shell-pipes.html', title: 'Shell 管道与重定向：从 fd 说起', date: '2021-03-14T22:30:00+08:00' },
    { file: 'kernel/2022/07/09/reading-task-struct.html', title: 'Reading task_struct in C', date: '2022-07-09T08:15:00+08:00' },
    { file: 'kernel/2023/11/02/gdb-cheatsheet.html', title: 'GDB 速查：调试内核模块', date: '2023-11-02T00:00:00+08:00' },
  ];
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

  describe('feed.xml', () => {
    type AtomLink = { '@_href': string; '@_rel'?: string; '@_type'?: string };
    type Entry = {
      id: string;
      title: { '#text': string };
      updated: string;
      published: string;
      link: AtomLink[];
      content: { '#text': string; '@_type': string; '@_xml:base': string };
    };
    type Feed = { '@_xmlns': string; id: string; title: { '#text': string }; updated: string; link: AtomLink[]; author: { name: string }[]; entry: Entry[] };
    let xml: string;
    let feed: Feed;
    beforeAll(async () => {
      xml = await readFile(path.join(out, 'feed.xml'), 'utf8');
      const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        parseTagValue: false,
        textNodeName: '#text',
        isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name),
      });
      feed = (parser.parse(xml) as { feed: Feed }).feed;
    });

    it('is well-formed Atom with the required elements', () => {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed.title['#text']).toBe('内核笔记');
      expect(feed.author.length).toBeGreaterThan(0);
      expect(feed.updated).toMatch(RFC3339);
      expect(feed.entry.length).toBe(4);
      for (const entry of feed.entry) {
        expect(entry.id).toBeTruthy();
        expect(entry.title['#text']).toBeTruthy();
        expect(entry.updated).toMatch(RFC3339);
        expect(entry.content['@_type']).toBe('html');
      }
    });

    it('uses absolute URLs built from url + baseurl', () => {
      const byRel = (links: AtomLink[], rel: string) => links.find((l) => (l['@_rel'] ?? 'alternate') === rel)?.['@_href'];
      expect(byRel(feed.link, 'self')).toBe(`${URL_ROOT}/feed.xml`);
      expect(byRel(feed.link, 'alternate')).toBe(`${URL_ROOT}/`);
      expect(feed.entry.map((e) => byRel(e.link, 'alternate'))).toEqual([...posts].reverse().map((p) => `${URL_ROOT}/${p.file}`));
      expect(feed.entry.map((e) => e.content['@_xml:base'])).toEqual([...posts].reverse().map((p) => `${URL_ROOT}/${p.file}`));
    });

    it('dates entries in RFC 3339 with the offset each post was written in', () => {
      expect(feed.entry.map((e) => [e.title['#text'], e.published, e.updated])).toEqual([...posts].reverse().map((p) => [p.title, p.date, p.date]));
      expect(feed.updated).toBe(posts[3]!.date);
    });

    it('carries each post’s full HTML, escaped so it comes back intact', async () => {
      for (const entry of feed.entry) {
        // Entry ids are jekyll-feed's: the post's URL without `.html`.
        const post = posts.find((p) => `${URL_ROOT}/${p.file.replace(/\.html$/, '')}` === entry.id)!;
        const body = one(await page(post.file), '.post-content');
        const content = fromHtml(entry.content['#text'], { fragment: true });
        expect(hastToString(content).trim()).toBe(hastToString(body).trim());
        expect([...idsOf(content)]).toEqual([...idsOf(body as unknown as Root)]);
      }
    });
  });

  it('sitemap.xml follows sitemaps.org: absolute locs under the base, W3C dates, every page but the 404 and the search page', async () => {
    const xml = await readFile(path.join(out, 'sitemap.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'url' }).parse(xml) as {
      urlset: { '@_xmlns': string; url: { loc: string; lastmod?: string }[] };
    };
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = parsed.urlset.url.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.length).toBeLessThanOrEqual(50_000);
    // The search page is a form, not content: no part of the sitemap.
    const content = [...(await builtPages(out, '/notes/'))].filter((p) => p !== '/notes/search/');
    expect(locs.sort()).toEqual(content.map((p) => `https://example.github.io${p}`).sort());
    for (const { loc, lastmod } of parsed.urlset.url) {
      expect(new URL(loc).href).toBe(loc);
      if (lastmod !== undefined) expect(lastmod).toMatch(RFC3339);
    }
    expect(parsed.urlset.url.filter((u) => u.lastmod).length).toBe(posts.length);
  });

  it('robots.txt allows crawling and names the sitemap', async () => {
    const lines = (await readFile(path.join(out, 'robots.txt'), 'utf8')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
    const fields = lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]);
    expect(fields).toEqual([
      ['user-agent', '*'],
      ['allow', '/'],
      ['sitemap', `${URL_ROOT}/sitemap.xml`],
    ]);
  });

  it.each(posts)('$file has lang, canonical, feed link and Open Graph tags', async ({ file, title, date }) => {
    const tree = await page(file);
    expect(attr(one(tree, 'html'), 'lang')).toBe('zh-CN');
    expect(attr(one(tree, 'link[rel=canonical]'), 'href')).toBe(`${URL_ROOT}/${file}`);
    const feedLink = one(tree, 'link[rel=alternate][type="application/atom+xml"]');
    expect(attr(feedLink, 'href')).toBe('/notes/feed.xml');
    expect(attr(one(tree, 'meta[property="og:title"]'), 'content')).toBe(title);
    expect(attr(one(tree, 'meta[property="og:type"]'), 'content')).toBe('article');
    expect(attr(one(tree, 'meta[property="og:url"]'), 'content')).toBe(`${URL_ROOT}/${file}`);
    expect(attr(one(tree, 'meta[property="article:published_time"]'), 'content')).toBe(date);
    const description = attr(one(tree, 'meta[property="og:description"]'), 'content')!;
    expect(description.length).toBeGreaterThan(10);
    expect(attr(one(tree, 'meta[name=description]'), 'content')).toBe(description);
    // The description is the excerpt's text: the start of the post's first paragraph.
    const firstParagraph = hastToString(one(tree, '.post-content > p')).replace(/\s+/g, ' ').trim();
    expect(firstParagraph.startsWith(description.replace(/…$/, ''))).toBe(true);
  });

  it('the home page describes the site and the 404 page is kept out of search results', async () => {
    const home = await page('index.html');
    expect(attr(one(home, 'meta[property="og:title"]'), 'content')).toBe('内核笔记');
    expect(attr(one(home, 'meta[property="og:description"]'), 'content')).toBe('Linux 内核、Shell 与 C 的学习笔记');
    expect(attr(one(home, 'meta[property="og:type"]'), 'content')).toBe('website');
    expect(attr(one(home, 'link[rel=canonical]'), 'href')).toBe(`${URL_ROOT}/`);
    const notFound = await page('404.html');
    expect(all(notFound, 'meta[name=robots]').map((m) => attr(m, 'content'))).toEqual(['noindex']);
    expect(all(home, 'meta[name=robots]')).toEqual([]);
  });
});
