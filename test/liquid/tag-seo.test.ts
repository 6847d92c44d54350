import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/markdown/pipeline.js';
import { all, attr, one, parseDocument, text } from '../helpers/html.js';
import { FAKE_HOOKS, fixtureEngine, render } from './engine-fixture.js';

const markdown = await createMarkdownRenderer();
const hooks = { ...FAKE_HOOKS, markdownify: async (body: string) => (await markdown.render({ body, bodyLine: 1 })).html };

const site = {
  title: '内核与 Shell 笔记',
  description: '记录 Linux 内核、Shell 与 C 语言的学习笔记， 多为工作中遇到的问题和排查过程。',
  author: '李雷',
  lang: 'zh-CN',
  url: 'https://example.github.io',
};
const post = {
  title: 'preempt_count 与内核抢占',
  url: '/kernel/sched/2021/03/14/preempt-count.html',
  date: '2021-03-14T22:30:00+08:00',
  excerpt: '<h2 class="no_toc" id="目录">目录</h2>',
};

/** The meta and link elements of a rendered seo block, as [attribute, value] pairs in order. */
function metas(html: string): string[] {
  const head = one(parseDocument(`<!doctype html><html><head>${html}</head></html>`), 'head');
  return all(head, 'meta, link').map((el) => `${attr(el, 'name') ?? attr(el, 'property') ?? attr(el, 'rel')}=${attr(el, 'content') ?? attr(el, 'href')}`);
}

describe('{% seo %}', () => {
  it('writes what jekyll-seo-tag 2.8 wrote for a post of the fixture blog, line for line', async () => {
    const { engine } = await fixtureEngine({ hooks });
    const out = await render(engine, '{% seo %}', { page: post, site });
    expect(out).toBe(`<!-- Begin Jekyll SEO tag v2.8.0 -->
<title>preempt_count 与内核抢占 | 内核与 Shell 笔记</title>
<meta name="generator" content="inkstone" />
<meta property="og:title" content="preempt_count 与内核抢占" />
<meta name="author" content="李雷" />
<meta property="og:locale" content="zh_CN" />
<meta name="description" content="目录" />
<meta property="og:description" content="目录" />
<link rel="canonical" href="https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html" />
<meta property="og:url" content="https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html" />
<meta property="og:site_name" content="内核与 Shell 笔记" />
<meta property="og:type" content="article" />
<meta property="article:published_time" content="2021-03-14T22:30:00+08:00" />
<meta name="twitter:card" content="summary" />
<meta property="twitter:title" content="preempt_count 与内核抢占" />
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"BlogPosting","author":{"@type":"Person","name":"李雷"},"dateModified":"2021-03-14T22:30:00+08:00","datePublished":"2021-03-14T22:30:00+08:00","description":"目录","headline":"preempt_count 与内核抢占","mainEntityOfPage":{"@type":"WebPage","@id":"https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html"},"url":"https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html"}</script>
<!-- End Jekyll SEO tag -->
`);
  });

  it('titles the home page with the site title and description, as a WebSite', async () => {
    const { engine } = await fixtureEngine({ hooks });
    const html = await render(engine, '{% seo %}', { page: { url: '/' }, site });
    const head = one(parseDocument(`<!doctype html><html><head>${html}</head></html>`), 'head');
    expect(text(one(head, 'title'))).toBe(`${site.title} | ${site.description}`);
    expect(metas(html)).toContain('og:type=website');
    expect(metas(html)).toContain(`description=${site.description}`);
    const jsonLd = JSON.parse(text(one(head, 'script[type="application/ld+json"]')));
    expect(jsonLd).toMatchObject({ '@type': 'WebSite', name: site.title, url: 'https://example.github.io/notes/' });
  });

  it('leaves out the title with title=false, and shows the page’s Markdown description as text', async () => {
    const { engine } = await fixtureEngine({ hooks });
    const page = { url: '/about/', title: 'About *me*', description: 'I write `code` & more', image: '/img/me.png' };
    const html = await render(engine, '{% seo title=false %}', { page, site });
    expect(html).not.toContain('<title>');
    expect(metas(html)).toEqual(
      expect.arrayContaining([
        'og:title=About me',
        'description=I write code & more',
        'og:image=https://example.github.io/notes/img/me.png',
        'twitter:card=summary_large_image',
      ]),
    );
    expect(html).toContain('"description":"I write code &amp; more"');
    expect(html).toContain('"image":"https://example.github.io/notes/img/me.png"');
  });

  it('renders under strictVariables even though the template reads absent keys', async () => {
    const { engine } = await fixtureEngine({ hooks, strictVariables: true });
    expect(await render(engine, '{% seo %}', { page: post, site })).toContain('<title>preempt_count 与内核抢占 | 内核与 Shell 笔记</title>');
  });
});
