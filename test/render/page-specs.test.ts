import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type SiteConfig } from '../../src/config/config.js';
import { loadTheme } from '../../src/load/load-theme.js';
import { plainTextOf } from '../../src/markdown/excerpt.js';
import { buildRenderContext, type RenderedPost, type RenderContext as SiteModel } from '../../src/render/context.js';
import type { PostDrop as PostSummary } from '../../src/render/drops.js';
import { detectLang } from '../../src/render/lang.js';
import { type LayoutPageSpec, type PageSpec, planPages, truncate } from '../../src/render/page-specs.js';
import { specHash } from '../../src/render/spec-hash.js';
import { createInProcessService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';
import type { Post, Theme } from '../../src/site/model.js';
import { renderPage } from '../../src/stages/render-pages.js';

/** An HTML fragment's text as a meta description: hast-util-to-string, folded, cut. */
const plainText = (html: string, max?: number) => truncate(plainTextOf(fromHtml(html, { fragment: true })), max);

import { all, attr, one, parseDocument, parseFragment, text } from '../helpers/html.js';
import { makePost } from '../helpers/site.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const THEME_DIR = path.join(REPO, 'layouts');
const NOW = '2024-06-01T12:00:00+00:00';

function makeConfig(data: Record<string, unknown> = {}): SiteConfig {
  const { config, errors } = resolveConfig({ title: '笔记', url: 'https://user.github.io', baseurl: '/notes', ...data }, { root: REPO });
  expect(errors).toEqual([]);
  return config;
}

/** The render context of a site made of these rendered posts and nothing else. */
function buildModel(config: SiteConfig, posts: RenderedPost[], now: string): SiteModel {
  const site = {
    config,
    posts: posts.map((p) => p.post),
    pages: [],
    theme,
    staticFiles: [],
    postFiles: [],
    data: {},
    inputs: { folders: new Map(), files: [], trees: [], read: theme.reads },
  };
  return buildRenderContext(site, posts, [], now);
}

let service: RenderService;
let theme: Theme;
beforeAll(async () => {
  service = await createInProcessService();
  const loaded = await loadTheme(REPO, [THEME_DIR], { url: 'https://user.github.io', baseurl: '/notes' });
  expect(loaded.errors).toEqual([]);
  theme = loaded.theme;
});

async function renderPosts(posts: Post[]): Promise<RenderedPost[]> {
  return Promise.all(
    posts.map(async (post) => ({
      post,
      rendered: await service.render({ body: post.body, bodyLine: post.bodyLine, excerpt: post.excerpt, excerptSeparator: post.excerptSeparator }),
    })),
  );
}

/** Newest first, as the build hands them over. */
function samplePosts(): Post[] {
  return [
    makePost(
      '2023-11-02-gdb.md',
      { title: 'GDB 速查', date: '2023-11-02 21:15:00 +0800', categories: ['调试'], tags: ['gdb', 'C'] },
      '## 断点\n\n`break main` 设置断点。\n',
    ),
    makePost('2023-03-01-sched.md', { title: '调度器', categories: ['内核'], tags: ['C++'] }, '调度器笔记。\n'),
    makePost('2022-07-09-task.md', { title: 'Reading task_struct', categories: ['内核'], tags: ['C'] }, '`task_struct` 是进程描述符。\n'),
    makePost(
      '2020-01-01-some-drafts.md',
      { title: 'Some drafts', date: '2020-01-01 16:00:00 +0800', category: 'basic' },
      '## 内核抢占\n\n内核抢占：在进程执行内核代码的时候。\n',
    ),
  ];
}

const layoutSpecs = (specs: PageSpec[]) => specs.filter((s): s is LayoutPageSpec => s.kind !== 'raw');
const specAt = (specs: PageSpec[], p: string) => {
  const spec = specs.find((s) => s.path === p);
  if (!spec) throw new Error(`no page ${p} (have ${specs.map((s) => s.path).join(', ')})`);
  return spec;
};
const titlesOf = (list: unknown) => (list as PostSummary[]).map((s) => s.title);

describe('buildModel and planPages', () => {
  let posts: Post[];
  let model: SiteModel;
  let specs: PageSpec[];
  beforeAll(async () => {
    posts = samplePosts();
    model = buildModel(makeConfig(), await renderPosts(posts), NOW);
    specs = planPages(model, NOW);
  });

  it('plans every page of the site', () => {
    expect(specs.map((s) => [s.kind, s.path])).toEqual([
      ['post', '调试/2023/11/02/gdb.html'],
      ['post', '内核/2023/03/01/sched.html'],
      ['post', '内核/2022/07/09/task.html'],
      ['post', 'basic/2020/01/01/some-drafts.html'],
      ['list', 'index.html'],
      ['list', 'categories/index.html'],
      ['list', 'categories/调试/index.html'],
      ['list', 'categories/内核/index.html'],
      ['list', 'categories/basic/index.html'],
      ['list', 'tags/index.html'],
      ['list', 'tags/c/index.html'],
      ['list', 'tags/c-1/index.html'],
      ['list', 'tags/gdb/index.html'],
      ['list', 'archive/index.html'],
      ['list', '404.html'],
      ['raw', 'feed.xml'],
      ['raw', 'sitemap.xml'],
      ['raw', 'robots.txt'],
    ]);
  });

  it('lists posts newest first on the index', () => {
    const index = specAt(specs, 'index.html') as LayoutPageSpec;
    expect(index).toMatchObject({ url: '/', layout: 'home', content: '' });
    expect(titlesOf(index.page.posts)).toEqual(['GDB 速查', '调度器', 'Reading task_struct', 'Some drafts']);
    const first = (index.page.posts as PostSummary[])[0]!;
    expect(first).toMatchObject({
      url: '/调试/2023/11/02/gdb.html',
      date: '2023-11-02T21:15:00+08:00',
      day: '2023-11-02',
      categories: ['调试'],
      tags: ['gdb', 'C'],
      category_links: [{ name: '调试', url: '/categories/调试/' }],
      tag_links: [
        { name: 'gdb', url: '/tags/gdb/' },
        { name: 'C', url: '/tags/c/' },
      ],
    });
    expect(text(parseFragment(first.excerpt))).toBe('break main 设置断点。');
  });

  it('makes category and tag pages with CJK slugs', () => {
    const kernel = specAt(specs, 'categories/内核/index.html') as LayoutPageSpec;
    expect(kernel).toMatchObject({
      url: '/categories/内核/',
      layout: 'category',
      page: { title: '内核', term: '内核', kind: 'category', url: '/categories/内核/' },
    });
    expect(titlesOf(kernel.page.posts)).toEqual(['调度器', 'Reading task_struct']);
    const cIndex = specAt(specs, 'categories/index.html') as LayoutPageSpec;
    expect(cIndex.layout).toBe('category-index');
    expect(cIndex.page.terms).toEqual([
      { name: '调试', url: '/categories/调试/', size: 1 },
      { name: '内核', url: '/categories/内核/', size: 2 },
      { name: 'basic', url: '/categories/basic/', size: 1 },
    ]);
    const tag = specAt(specs, 'tags/c-1/index.html') as LayoutPageSpec;
    expect(tag).toMatchObject({ layout: 'tag', page: { title: 'C++', kind: 'tag' } });
    expect(titlesOf((specAt(specs, 'tags/c/index.html') as LayoutPageSpec).page.posts)).toEqual(['GDB 速查', 'Reading task_struct']);
  });

  it('groups the archive by year, newest first', () => {
    const archive = specAt(specs, 'archive/index.html') as LayoutPageSpec;
    const years = archive.page.years as { year: number; posts: PostSummary[] }[];
    expect(years.map((y) => [y.year, titlesOf(y.posts)])).toEqual([
      [2023, ['GDB 速查', '调度器']],
      [2022, ['Reading task_struct']],
      [2020, ['Some drafts']],
    ]);
  });

  it('gives post pages their content, headings and neighbours', () => {
    const [newest, second, , oldest] = layoutSpecs(specs) as LayoutPageSpec[];
    expect(newest!.content).toBe(model.posts[0]!.rendered.html);
    expect(newest!.page).toMatchObject({
      title: 'GDB 速查',
      url: '/调试/2023/11/02/gdb.html',
      layout: 'post',
      categories: ['调试'],
      tags: ['gdb', 'C'],
      headings: [{ depth: 2, id: '断点', text: '断点' }],
      description: 'break main 设置断点。',
      previous: { title: '调度器', url: '/内核/2023/03/01/sched.html' },
      next: undefined,
    });
    expect(second!.page).toMatchObject({ previous: { title: 'Reading task_struct' }, next: { title: 'GDB 速查' } });
    expect(oldest!.page).toMatchObject({ previous: undefined, next: { title: 'Reading task_struct' } });
  });

  it('prefers a description from front matter', async () => {
    const post = makePost('2020-01-01-d.md', { title: 'd', description: 'Written by hand' }, 'First paragraph.\n');
    const m = buildModel(makeConfig(), await renderPosts([post]), NOW);
    expect((planPages(m, NOW)[0] as LayoutPageSpec).page.description).toBe('Written by hand');
  });

  it('plans a 404 page and a robots.txt naming the sitemap', () => {
    expect(specAt(specs, '404.html')).toMatchObject({ kind: 'list', url: '/404.html', layout: '404', page: { title: '页面不存在' } });
    expect(specAt(specs, 'robots.txt').content).toBe('User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/notes/sitemap.xml\n');
  });

  it('writes a feed of the posts, newest first', () => {
    const xml = specAt(specs, 'feed.xml').content;
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml) as {
      feed: { entry: { title: { '#text': string }; id: string }[] };
    };
    expect(feed.feed.entry.map((e) => e.title['#text'])).toEqual(['GDB 速查', '调度器', 'Reading task_struct', 'Some drafts']);
    // jekyll-feed's entry id: the post's id (its URL without .html), absolute.
    expect(feed.feed.entry[3]!.id).toBe('https://user.github.io/notes/basic/2020/01/01/some-drafts');
  });

  it('honours feed.posts_limit', async () => {
    const m = buildModel(makeConfig({ feed: { posts_limit: 2 } }), model.posts, NOW);
    const xml = specAt(planPages(m, NOW), 'feed.xml').content;
    const feed = new XMLParser({ isArray: (n) => n === 'entry' }).parse(xml) as { feed: { entry: unknown[] } };
    expect(feed.feed.entry).toHaveLength(2);
  });

  it('writes a sitemap of every HTML page but the 404, with lastmod for posts', () => {
    const xml = specAt(specs, 'sitemap.xml').content;
    expect(XMLValidator.validate(xml)).toBe(true);
    const set = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'url' }).parse(xml) as { urlset: { url: { loc: string; lastmod?: string }[] } };
    const locs = set.urlset.url.map((u) => u.loc);
    expect(locs).toHaveLength(layoutSpecs(specs).length - 1);
    expect(locs.every((loc) => loc.startsWith('https://user.github.io/notes/'))).toBe(true);
    expect(locs).not.toContain('https://user.github.io/notes/404.html');
    expect(locs).toContain('https://user.github.io/notes/categories/%E5%86%85%E6%A0%B8/');
    expect(set.urlset.url[0]).toEqual({ loc: 'https://user.github.io/notes/%E8%B0%83%E8%AF%95/2023/11/02/gdb.html', lastmod: '2023-11-02T21:15:00+08:00' });
    expect(set.urlset.url.find((u) => u.loc === 'https://user.github.io/notes/')).toEqual({ loc: 'https://user.github.io/notes/' });
  });

  it('exposes site data to templates', () => {
    expect(model.siteDrop).toMatchObject({ title: '笔记', url: 'https://user.github.io', baseurl: '/notes', lang: 'zh-CN', time: NOW, feed_url: '/feed.xml' });
    expect(titlesOf(model.siteDrop.posts)).toEqual(['GDB 速查', '调度器', 'Reading task_struct', 'Some drafts']);
    // Jekyll's shape: tag name → its posts, newest first.
    const tags = model.siteDrop.tags as Record<string, PostSummary[]>;
    expect(Object.fromEntries(Object.entries(tags).map(([name, posts]) => [name, titlesOf(posts)]))).toEqual({
      gdb: ['GDB 速查'],
      C: ['GDB 速查', 'Reading task_struct'],
      'C++': ['调度器'],
    });
  });

  it('plans a site with no posts', async () => {
    const m = buildModel(makeConfig(), [], NOW);
    const empty = planPages(m, NOW);
    expect(empty.map((s) => s.path)).toEqual([
      'index.html',
      'categories/index.html',
      'tags/index.html',
      'archive/index.html',
      '404.html',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
    ]);
    for (const spec of empty) expect(await renderPage(spec, theme, m)).toBeTruthy();
  });
});

describe('renderPage with the default theme', () => {
  let model: SiteModel;
  let specs: PageSpec[];
  beforeAll(async () => {
    model = buildModel(makeConfig({ description: '内核 & 调试笔记', author: '张三' }), await renderPosts(samplePosts()), NOW);
    specs = planPages(model, NOW);
  });

  it('renders every HTML page as a well-formed document with base-relative links', async () => {
    for (const spec of layoutSpecs(specs)) {
      const doc = parseDocument(await renderPage(spec, theme, model));
      expect(attr(one(doc, 'html'), 'lang'), spec.path).toBe('zh-CN');
      expect(attr(one(doc, 'link[rel="canonical"]'), 'href'), spec.path).toMatch(/^https:\/\/user\.github\.io\/notes\//);
      for (const a of all(doc, 'a[href]')) {
        const href = attr(a, 'href')!;
        if (!href.startsWith('#') && !/^https?:/.test(href)) expect(href, `${spec.path}: ${href}`).toMatch(/^\/notes\//);
      }
    }
  });

  it('renders a post page with its body, metadata and term links', async () => {
    const doc = parseDocument(await renderPage(specAt(specs, '内核/2022/07/09/task.html'), theme, model));
    expect(text(one(doc, 'title'))).toBe('Reading task_struct · 笔记');
    expect(text(one(doc, 'h1.post-title'))).toBe('Reading task_struct');
    expect(attr(one(doc, 'time'), 'dateTime')).toBe('2022-07-09T00:00:00+00:00');
    expect(all(doc, 'a.term').map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['内核', '/notes/categories/%E5%86%85%E6%A0%B8/'],
      ['#C', '/notes/tags/c/'],
    ]);
    expect(text(one(doc, '.post-content p code'))).toBe('task_struct');
    expect(attr(one(doc, 'meta[name="description"]'), 'content')).toBe('task_struct 是进程描述符。');
    expect(attr(one(doc, 'link[rel="canonical"]'), 'href')).toBe('https://user.github.io/notes/%E5%86%85%E6%A0%B8/2022/07/09/task.html');
  });

  it('renders the index with every post, newest first', async () => {
    const doc = parseDocument(await renderPage(specAt(specs, 'index.html'), theme, model));
    expect(text(one(doc, 'title'))).toBe('笔记');
    expect(all(doc, 'ul.post-list > li > .post-item-title > a').map(text)).toEqual(['GDB 速查', '调度器', 'Reading task_struct', 'Some drafts']);
    expect(text(one(doc, '.site-description'))).toBe('内核 & 调试笔记');
  });

  it('renders the raw pages as they are', async () => {
    for (const p of ['feed.xml', 'sitemap.xml', 'robots.txt']) {
      const spec = specAt(specs, p);
      expect(await renderPage(spec, theme, model)).toBe(spec.content);
    }
  });

  it('escapes a title containing <script> on every page it appears', async () => {
    const title = '<script>alert(1)</script> & "q"';
    const post = makePost('2020-01-01-xss.md', { title, categories: ['<b>cat'], tags: ['<i>'] }, 'Body.\n');
    const m = buildModel(makeConfig(), await renderPosts([post]), NOW);
    const pages = planPages(m, NOW);
    for (const spec of layoutSpecs(pages).filter((s) => s.path !== '404.html' && s.path !== 'categories/index.html' && s.path !== 'tags/index.html')) {
      const doc = parseDocument(await renderPage(spec, theme, m));
      expect(all(doc, 'script:not([src$="/assets/inkstone.js"]), b, i'), spec.path).toEqual([]);
      expect(
        all(doc, 'a, h1, title').some((el) => text(el).includes(title)),
        spec.path,
      ).toBe(true);
    }
    const postDoc = parseDocument(await renderPage(pages[0]!, theme, m));
    expect(text(one(postDoc, 'h1.post-title'))).toBe(title);
    expect(text(one(postDoc, 'title'))).toBe(`${title} · 笔记`);
    expect(attr(one(postDoc, 'meta[property="og:title"]'), 'content')).toBe(title);
    const catDoc = parseDocument(await renderPage(specAt(pages, 'categories/index.html'), theme, m));
    expect(all(catDoc, 'ul.term-list a .term-name').map(text)).toEqual(['<b>cat']);
    expect(all(catDoc, 'b')).toEqual([]);
  });
});

describe('detectLang', () => {
  it.each([
    ['mostly Chinese', [['内核笔记', '内核抢占：在进程执行内核代码的时候，允许被另一个进程抢占。']], 'zh-CN'],
    ['mostly English', [['Shell pipes', 'A pipe connects the output of one process to the input of another.']], 'en'],
    [
      'Chinese prose with English code blocks',
      [['调度', '进程调度笔记。\n\n```c\n' + 'struct task_struct *next = pick_next_task(rq);\n'.repeat(50) + '```\n']],
      'zh-CN',
    ],
    ['English with a few CJK words', [['Notes', 'The Linux scheduler is called 调度器 in Chinese; this post explains how it picks tasks.']], 'en'],
    ['no posts', [], 'en'],
  ] as [string, [string, string][], string][])('%s → %s', (_name, texts, lang) => {
    const posts = texts.map(([title, body], i) => makePost(`2020-01-0${i + 1}-p.md`, { title }, body + '\n'));
    expect(detectLang(posts)).toBe(lang);
  });

  it('is overridden by the configured lang', async () => {
    const post = makePost('2020-01-01-x.md', { title: '内核' }, '全是中文。\n');
    const m = buildModel(makeConfig({ lang: 'en-GB' }), await renderPosts([post]), NOW);
    expect(m.lang).toBe('en-GB');
    expect(m.siteDrop.lang).toBe('en-GB');
  });
});

describe('plainText', () => {
  it.each([
    ['<p>Hello <em>world</em></p>', 'Hello world'],
    ['<p>a &lt; b &amp;&amp; c &gt; d</p>', 'a < b && c > d'],
    ['<p>&quot;q&quot; &#39;s&#39; &#x4E2D;&#25991;</p>', '"q" \'s\' 中文'],
    ['<p>&amp;lt;</p>', '&lt;'],
    ['<p>one</p>\n<p>two\n  three</p>', 'one two three'],
    ['<h2 id="x">Title<a class="anchor" href="#x">#</a></h2>', 'Title#'],
    ['', ''],
  ])('%j → %j', (html, expected) => {
    expect(plainText(html)).toBe(expected);
  });

  it('cuts at max characters with an ellipsis', () => {
    expect(plainText('<p>' + 'a'.repeat(300) + '</p>')).toBe('a'.repeat(199) + '…');
    expect(plainText('<p>内核抢占调度</p>', 4)).toBe('内核抢…');
    expect(plainText('<p>abcd</p>', 4)).toBe('abcd');
  });

  it('never cuts an emoji in half', () => {
    const cut = plainText('<p>' + 'a'.repeat(198) + '😀😀</p>');
    expect(cut).toBe('a'.repeat(198) + '…');
    expect(plainText('<p>' + 'a'.repeat(197) + '😀😀</p>')).toBe('a'.repeat(197) + '😀…');
  });
});

describe('specHash', () => {
  let posts: RenderedPost[];
  let model: SiteModel;
  let specs: PageSpec[];
  beforeAll(async () => {
    posts = await renderPosts(samplePosts());
    model = buildModel(makeConfig(), posts, NOW);
    specs = planPages(model, NOW);
  });

  const hashes = (s: PageSpec[], t: Theme, m: SiteModel) => new Map(s.map((spec) => [spec.path, specHash(spec, t, m)]));

  it('is the same for the same inputs, whatever the build time', () => {
    const later = '2030-01-01T00:00:00+00:00';
    const again = buildModel(makeConfig(), posts, later);
    const first = hashes(specs, theme, model);
    const second = hashes(planPages(again, later), theme, again);
    expect(second).toEqual(first);
    expect(new Set(first.values()).size).toBe(first.size);
  });

  it('changes for pages whose layout chain changed, and only those', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'inkstone-theme-'));
    await cp(THEME_DIR, dir, { recursive: true });
    const postLayout = path.join(dir, 'post.html');
    const source = await readFile(postLayout, 'utf8');
    expect(source).toContain('<article class="post">');
    await writeFile(postLayout, source.replace('<article class="post">', '<article class="post changed">'));
    const changed = (await loadTheme(REPO, [dir], { url: 'https://user.github.io', baseurl: '/notes' })).theme;
    const before = hashes(specs, theme, model);
    const after = hashes(specs, changed, model);
    for (const spec of specs) {
      if (spec.kind === 'post') expect(after.get(spec.path), spec.path).not.toBe(before.get(spec.path));
      else expect(after.get(spec.path), spec.path).toBe(before.get(spec.path));
    }
    // The shared default layout changes every HTML page.
    const defaultLayout = path.join(dir, 'default.html');
    const defaultSource = await readFile(defaultLayout, 'utf8');
    expect(defaultSource).toContain('<footer class="site-footer">');
    await writeFile(defaultLayout, defaultSource.replace('<footer class="site-footer">', '<footer class="site-footer changed">'));
    const changedDefault = (await loadTheme(REPO, [dir], { url: 'https://user.github.io', baseurl: '/notes' })).theme;
    const afterDefault = hashes(specs, changedDefault, model);
    for (const spec of specs) {
      if (spec.kind === 'raw') expect(afterDefault.get(spec.path), spec.path).toBe(before.get(spec.path));
      else expect(afterDefault.get(spec.path), spec.path).not.toBe(after.get(spec.path));
    }
  });

  it('changes for pages whose data changed', async () => {
    // Retitle the oldest post: its page, its neighbour (next/previous link), the feed, and every page whose layout
    // reads site-wide lists (an include counts: it might) change; other posts, the term indexes and the 404 do not.
    const retitled = makePost(
      '2020-01-01-some-drafts.md',
      { title: 'Some drafts, revised', date: '2020-01-01 16:00:00 +0800', category: 'basic' },
      '## 内核抢占\n\n内核抢占：在进程执行内核代码的时候。\n',
    );
    const changedPosts = [...posts.slice(0, 3), { post: retitled, rendered: posts[3]!.rendered }];
    const m = buildModel(makeConfig(), changedPosts, NOW);
    const before = hashes(specs, theme, model);
    const after = hashes(planPages(m, NOW), theme, m);
    const changed = [...before.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changed.sort()).toEqual(
      [
        'basic/2020/01/01/some-drafts.html',
        '内核/2022/07/09/task.html',
        'index.html',
        'categories/basic/index.html',
        'categories/内核/index.html',
        'categories/调试/index.html',
        'tags/c/index.html',
        'tags/c-1/index.html',
        'tags/gdb/index.html',
        'archive/index.html',
        'feed.xml',
      ].sort(),
    );
  });

  it('changes for a post page when its rendered body changes', async () => {
    const changedPosts = posts.map((p, i) => (i === 1 ? { post: p.post, rendered: { ...p.rendered, html: p.rendered.html + '<p>more</p>' } } : p));
    const m = buildModel(makeConfig(), changedPosts, NOW);
    const before = hashes(specs, theme, model);
    const after = hashes(planPages(m, NOW), theme, m);
    const changed = [...before.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changed.sort()).toEqual(['内核/2023/03/01/sched.html', 'feed.xml'].sort());
  });

  it('changes every HTML page when site settings change', () => {
    const m = buildModel(makeConfig({ title: 'Another title' }), posts, NOW);
    const before = hashes(specs, theme, model);
    const after = hashes(planPages(m, NOW), theme, m);
    for (const spec of layoutSpecs(specs)) expect(after.get(spec.path), spec.path).not.toBe(before.get(spec.path));
  });
});
