import { describe, expect, it } from 'vitest';
import { type CheckPage, checkLinks, displayHref, type LinkCheckOptions } from '../../src/check/links.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import type { RenderedPost } from '../../src/render/context.js';
import { renderedPosts } from '../helpers/posts.js';

const OPTIONS: LinkCheckOptions = { url: 'https://user.github.io', baseurl: '/notes', strict: false };
const LAYOUT = { file: 'layouts/default.html', source: '<a href="{{ "/" | relative_url }}">home</a> {{ content }}' };

/** A post page the way the default layout wraps it. */
function postPage(item: RenderedPost, extra = ''): CheckPage {
  return {
    path: item.post.outputPath,
    url: item.post.url,
    html: `<!doctype html><html><head><link rel="stylesheet" href="/notes/assets/style.css"></head><body><header id="top-bar"><a href="/notes/">home</a>${extra}</header><main>${item.rendered.html}</main></body></html>`,
    post: item,
    layouts: [LAYOUT],
  };
}

const INDEX: CheckPage = { path: 'index.html', url: '/', html: '<a href="/notes/">home</a><h1 id="latest">Latest</h1>', layouts: [LAYOUT] };

/** Renders, rewrites and checks posts (plus the index page and a stylesheet); returns formatted messages. */
async function check(files: Record<string, string>, options: Partial<LinkCheckOptions> = {}, others: string[] = ['assets/style.css']): Promise<string[]> {
  const posts = await renderedPosts(files, options.baseurl ?? OPTIONS.baseurl);
  const pages = [INDEX, ...posts.map((p) => postPage(p))];
  return checkLinks(pages, others, { ...OPTIONS, ...options }).map(formatDiagnostic);
}

const post = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}`;

describe('fragments', () => {
  it('accepts ids compared decoded: #%E5%86%85%E6%A0%B8 is #内核', async () => {
    const messages = await check({ '2020-01-01-a.md': post('A', '## 内核\n\n[a](#内核) [b](#%E5%86%85%E6%A0%B8) [c](#top) [d](#) [e](#top-bar)\n') });
    expect(messages).toEqual([]);
  });

  it('names the post, the line and the id it meant', async () => {
    const messages = await check({ '2020-01-01-x.md': post('X', '## foo\n\n## foo\n\ntext\n\n[go](#foo-2)\n') });
    expect(messages).toEqual(['posts/2020-01-01-x.md:10: warning: link to "#foo-2": no heading with id "foo-2" on this page (did you mean "#foo-1"?)']);
  });

  it('shows CJK fragments readable, not percent-encoded', async () => {
    const messages = await check({ '2020-01-01-x.md': post('X', '## 内核抢占机制\n\n[x](#内核抢占)\n') });
    expect(messages).toEqual([
      'posts/2020-01-01-x.md:6: warning: link to "#内核抢占": no heading with id "内核抢占" on this page (did you mean "#内核抢占机制"?)',
    ]);
  });

  it('checks fragments on other posts, reached through rewritten file links', async () => {
    const messages = await check({
      '2020-01-01-a.md': post('A', '## 内核抢占机制\n'),
      '2021-01-01-b.md': post('B', '[a](./2020-01-01-a.md#内核抢占) [ok](./2020-01-01-a.md#内核抢占机制) [p]({% post_url 2020-01-01-a %}#内核)\n'),
    });
    expect(messages).toEqual([
      'posts/2021-01-01-b.md:4: warning: link to "./2020-01-01-a.md#内核抢占": no heading with id "内核抢占" on /notes/2020/01/01/a.html (did you mean "./2020-01-01-a.md#内核抢占机制"?)',
      // {% post_url %} is Liquid: the link is checked as the URL it became, at the tag's line.
      'posts/2021-01-01-b.md:4: warning: link to "/notes/2020/01/01/a.html#内核": no heading with id "内核" on /notes/2020/01/01/a.html (did you mean "/notes/2020/01/01/a.html#内核抢占机制"?)',
    ]);
  });

  it('counts footnotes and raw HTML ids as targets', async () => {
    const messages = await check({ '2020-01-01-a.md': post('A', 'x[^1] [t](#anchor) [f](#user-content-fn-1)\n\n<span id="anchor"></span>\n\n[^1]: note\n') });
    expect(messages).toEqual([]);
  });
});

describe('pages and files', () => {
  it('reports missing pages as written, with the closest existing one', async () => {
    const messages = await check({
      '2020-01-01-a.md': post('A', 'a\n'),
      '2021-01-01-b.md': post('B', '[x](/2020/01/01/b.html) [y](/2020/01/01/ab.html) [z](/nowhere/) [ok](/2020/01/01/a.html) [home](/)\n'),
    });
    expect(messages).toEqual([
      'posts/2021-01-01-b.md:4: warning: link to "/2020/01/01/b.html": no page at /notes/2020/01/01/b.html (did you mean "/notes/2021/01/01/b.html"?)',
      'posts/2021-01-01-b.md:4: warning: link to "/2020/01/01/ab.html": no page at /notes/2020/01/01/ab.html (did you mean "/notes/2020/01/01/a.html"?)',
      'posts/2021-01-01-b.md:4: warning: link to "/nowhere/": no page at /notes/nowhere/',
    ]);
  });

  it('reports missing images beside the post by their source path', async () => {
    const messages = await check(
      { 'kernel/2020-01-01-a.md': post('A', '![a](./img/a.png) ![b](img/b%20c.png) ![s](/assets/style.css) ![m](/assets/missing.png)\n') },
      {},
      ['assets/style.css', '2020/01/01/img/a.png'],
    );
    expect(messages).toEqual([
      'posts/kernel/2020-01-01-a.md:4: warning: image "img/b c.png": no file posts/kernel/img/b c.png',
      'posts/kernel/2020-01-01-a.md:4: warning: image "/assets/missing.png": no file at /notes/assets/missing.png',
    ]);
  });

  it('reports raw HTML media sources, at their line', async () => {
    const messages = await check({ '2020-01-01-a.md': post('A', 'a\n\n<video src="clip.mp4" poster="/assets/style.css"></video>\n') });
    expect(messages).toEqual(['posts/2020-01-01-a.md:6: warning: file "clip.mp4": no file at /notes/2020/01/01/clip.mp4']);
  });

  it('reports links to posts that are not in the build, or suggests one with the same slug', async () => {
    const messages = await check({ '2020-01-01-a.md': post('A', '[x](./2019-01-01-gone.md) [y](./2019-01-01-a.md)\n') });
    expect(messages).toEqual([
      'posts/2020-01-01-a.md:4: warning: link to "./2019-01-01-gone.md": no post posts/2019-01-01-gone.md in this build (missing, unpublished, a draft, or dated in the future)',
      'posts/2020-01-01-a.md:4: warning: link to "./2019-01-01-a.md": no post posts/2019-01-01-a.md in this build (did you mean "./2020-01-01-a.md"?)',
    ]);
  });

  it('serves paths the way GitHub Pages does: /a → a.html, /a → a/index.html', () => {
    const pages: CheckPage[] = [
      {
        path: 'index.html',
        html: '<a href="/notes/about">a</a> <a href="/notes/tags">t</a> <a href="/notes/tags/">t</a> <a href="/notes">n</a> <a href="about.html#me">m</a>',
      },
      { path: 'about.html', html: '<p id="me">me</p>' },
      { path: 'tags/index.html', html: '' },
    ];
    expect(checkLinks(pages, [], OPTIONS)).toEqual([]);
  });

  it('checks absolute links to the site itself, and leaves other sites alone', () => {
    const pages: CheckPage[] = [
      {
        path: 'index.html',
        html: '<link rel="canonical" href="https://user.github.io/notes/"><a href="https://user.github.io/notes/gone.html">g</a><a href="https://other.example/x">x</a><a href="mailto:a@b.c">m</a>',
      },
    ];
    expect(checkLinks(pages, [], OPTIONS).map(formatDiagnostic)).toEqual([
      'index.html: warning: link to "https://user.github.io/notes/gone.html": no page at /notes/gone.html (on /notes/)',
    ]);
  });
});

describe('the base path', () => {
  it('reports links that escape it, with the fix', () => {
    const pages: CheckPage[] = [
      {
        path: 'index.html',
        html: '<a href="/tags/">t</a><a href="/notes/tags/">ok</a>',
        layouts: [{ file: 'layouts/home.html', source: '<a href="/tags/">t</a>' }],
      },
      { path: 'tags/index.html', html: '' },
    ];
    expect(checkLinks(pages, [], OPTIONS).map(formatDiagnostic)).toEqual([
      `layouts/home.html: warning: link to "/tags/": /tags/ is outside the site's base path /notes/ (did you mean "/notes/tags/"?) (on /notes/)`,
    ]);
  });
});

describe('links from layouts', () => {
  it('are reported once per layout and link, at the layout that holds them', () => {
    const chain = [
      { file: 'layouts/post.html', source: '<a href="{{ page.next.url | relative_url }}">next</a>{{ content }}' },
      { file: 'layouts/default.html', source: '<link href="{{ "/assets/site.css" | relative_url }}" rel="stylesheet">{{ content }}' },
    ];
    const pages: CheckPage[] = ['a', 'b', 'c'].map((name) => ({
      path: `${name}.html`,
      html: `<link href="/notes/assets/site.css" rel="stylesheet"><a href="/notes/${name}-next.html">next</a>`,
      layouts: chain,
    }));
    expect(checkLinks(pages, [], OPTIONS).map(formatDiagnostic)).toEqual([
      'layouts/default.html: warning: link "/notes/assets/site.css": no file at /notes/assets/site.css (on /notes/a.html and 2 more pages)',
      'layouts/post.html: warning: link to "/notes/a-next.html": no page at /notes/a-next.html (on /notes/a.html)',
      'layouts/post.html: warning: link to "/notes/b-next.html": no page at /notes/b-next.html (on /notes/b.html)',
      'layouts/post.html: warning: link to "/notes/c-next.html": no page at /notes/c-next.html (on /notes/c.html)',
    ]);
  });

  it('do not count a post body twice', async () => {
    const [item] = await renderedPosts({ '2020-01-01-a.md': post('A', '[x](#nope)\n') });
    const diagnostics = checkLinks([postPage(item!)], ['assets/style.css', 'index.html'], OPTIONS);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['posts/2020-01-01-a.md:4: warning: link to "#nope": no heading with id "nope" on this page']);
  });
});

describe('severity', () => {
  it('is a warning by default and an error when strict', async () => {
    const files = { '2020-01-01-a.md': post('A', '[x](#nope)\n') };
    expect((await check(files)).every((m) => m.includes(': warning: '))).toBe(true);
    expect(await check(files, { strict: true })).toEqual(['posts/2020-01-01-a.md:4: link to "#nope": no heading with id "nope" on this page']);
  });
});

describe('displayHref', () => {
  it('decodes percent-escapes for people', () => {
    expect(displayHref('#%E5%86%85%E6%A0%B8')).toBe('#内核');
    expect(displayHref('/a%20b/')).toBe('/a b/');
    expect(displayHref('/plain/')).toBe('/plain/');
  });
});
