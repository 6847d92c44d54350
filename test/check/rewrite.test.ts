import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { rewriteLinkTags } from '../../src/check/rewrite.js';
import { indexPosts, resolvePostUrl } from '../../src/content/post-index.js';
import type { LinkRef as CheckedLink } from '../../src/markdown/pipeline.js';
import { normalizeUrl } from '../../src/markdown/rehype-normalize-links.js';
import type { RenderedPost } from '../../src/render/context.js';
import { all, attr, parseFragment, text } from '../helpers/html.js';
import { renderedPosts } from './fixtures.js';

const DRAFTS = `---
title: Some drafts
category: basic
---
## 内核抢占

body
`;
const PIPES = `---
title: Pipes
categories: [shell, linux]
---
text
`;

/** Renders `body` as `posts/2021-03-14-pipes.md` next to the drafts post, rewrites, and returns the pipes post. */
async function rewritten(body: string, baseurl = '/notes', extra: Record<string, string> = {}): Promise<RenderedPost> {
  const posts = await renderedPosts({ '2020-01-01-some-drafts.md': DRAFTS, '2021-03-14-pipes.md': PIPES.replace('text\n', body), ...extra }, baseurl);
  return posts.find((p) => p.post.relPath === '2021-03-14-pipes.md')!;
}

const hrefs = (html: string) => all(parseFragment(html), 'a, img').map((el: Element) => attr(el, el.tagName === 'a' ? 'href' : 'src'));

describe('relative links to post files', () => {
  it.each([
    ['[see](./2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](2020-01-01-some-drafts.md#内核抢占)', '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0'],
    [
      '[see](./2020-01-01-some-drafts.md#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0)',
      '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
    ],
    ['[see](/posts/2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](/2020-01-01-some-drafts.md)', '/notes/basic/2020/01/01/some-drafts.html'],
    ['[see](./2020-01-01-some-drafts.markdown)', './2020-01-01-some-drafts.markdown'],
    ['<a href="./2020-01-01-some-drafts.md#x">raw</a>', '/notes/basic/2020/01/01/some-drafts.html#x'],
  ])('%s → %s', async (markdown, expected) => {
    const { rendered } = await rewritten(`${markdown}\n`);
    expect(hrefs(rendered.html)).toEqual([expected]);
  });

  it('resolves ../ paths between folders', async () => {
    const [a, b] = await renderedPosts({
      'kernel/2020-01-01-a.md': '---\ntitle: A\n---\n[b](../shell/2021-01-01-b.md#top)\n',
      'shell/2021-01-01-b.md': '---\ntitle: B\n---\n[a](../kernel/2020-01-01-a.md)\n',
    });
    expect(hrefs(a!.rendered.html)).toEqual(['/2021/01/01/b.html#top']);
    expect(hrefs(b!.rendered.html)).toEqual(['/2020/01/01/a.html']);
  });

  it('keeps the link as written, with the reason, when no post matches', async () => {
    const { rendered } = await rewritten('[x](./2020-01-01-some-draft.md)\n');
    expect(hrefs(rendered.html)).toEqual(['./2020-01-01-some-draft.md']);
    const link = rendered.links[0] as CheckedLink;
    expect(link.problem).toBe('no post posts/2020-01-01-some-draft.md in this build (did you mean "./2020-01-01-some-drafts.md"?)');
    expect(link.line).toBe(5);
  });

  it('records what was written, and keeps source lines', async () => {
    const { rendered } = await rewritten('one\n\n[see](./2020-01-01-some-drafts.md#内核抢占)\n');
    expect(rendered.links).toEqual([
      {
        kind: 'link',
        url: '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
        written: './2020-01-01-some-drafts.md#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0',
        line: 7,
      },
    ]);
  });
});

describe('{% post_url %}', () => {
  it('turns the Jekyll tag in link syntax into a link, fragment and all', async () => {
    const { rendered } = await rewritten('[**see** it]({% post_url 2020-01-01-some-drafts %}#内核抢占) and [again]({%post_url 2020-01-01-some-drafts%})\n');
    const links = all(parseFragment(rendered.html), 'a');
    expect(links.map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['see it', '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0'],
      ['again', '/notes/basic/2020/01/01/some-drafts.html'],
    ]);
    expect(rendered.links.map((l) => [l.line, (l as CheckedLink).written])).toEqual([
      [5, '{% post_url 2020-01-01-some-drafts %}#内核抢占'],
      [5, '{% post_url 2020-01-01-some-drafts %}'],
    ]);
  });

  it('rewrites the tag inside a raw HTML href', async () => {
    const { rendered } = await rewritten('<a href="{% post_url 2020-01-01-some-drafts %}#x">raw</a>\n');
    expect(hrefs(rendered.html)).toEqual(['/notes/basic/2020/01/01/some-drafts.html#x']);
  });

  it('leaves code alone', async () => {
    const markdown = '`[a]({% post_url 2020-01-01-some-drafts %})`\n\n```md\n[b]({% post_url 2020-01-01-some-drafts %})\n```\n';
    const { rendered } = await rewritten(markdown);
    expect(hrefs(rendered.html)).toEqual([]);
    expect(text(parseFragment(rendered.html))).toContain('[a]({% post_url 2020-01-01-some-drafts %})');
    expect(rendered.links).toEqual([]);
  });

  it('reports an unknown name with the closest one, at its line', async () => {
    const { rendered } = await rewritten('\n\n[x]({% post_url 2020-01-01-some-draft %})\n');
    expect(hrefs(rendered.html)).toEqual([]);
    expect(rendered.links).toEqual([
      {
        kind: 'link',
        url: '{% post_url 2020-01-01-some-draft %}',
        line: 7,
        written: '{% post_url 2020-01-01-some-draft %}',
        problem: 'no post named "2020-01-01-some-draft" (did you mean "2020-01-01-some-drafts"?)',
      },
    ]);
  });

  it('reports tags it cannot turn into links (reference definitions)', async () => {
    const { rendered } = await rewritten('[x][ref]\n\n[ref]: {% post_url 2020-01-01-some-drafts %}\n');
    expect((rendered.links as CheckedLink[]).map((l) => [l.line, l.problem])).toEqual([
      [
        7,
        'posts are not run through Liquid: {% post_url 2020-01-01-some-drafts %} only works as the target of an inline link or image, as in [text]({% post_url 2020-01-01-some-drafts %})',
      ],
    ]);
  });

  it('finds posts by path below posts/ or by file name', () => {
    const index = indexPosts([{ relPath: 'linux/2021-02-02-other.md', source: 'posts/linux/2021-02-02-other.md' } as never]);
    expect(resolvePostUrl('linux/2021-02-02-other', index).post?.relPath).toBe('linux/2021-02-02-other.md');
    expect(resolvePostUrl('/linux/2021-02-02-other', index).post?.relPath).toBe('linux/2021-02-02-other.md');
    expect(resolvePostUrl('2021-02-02-other', index).post?.relPath).toBe('linux/2021-02-02-other.md');
    expect(resolvePostUrl('2021-02-02-othr', index).problem).toBe('no post named "2021-02-02-othr" (did you mean "linux/2021-02-02-other"?)');
  });
});

describe('{{ site.baseurl }}', () => {
  it.each([
    ['![图]({{ site.baseurl }}/assets/a.png)', '<img src="/notes/assets/a.png" alt="图">', 'image'],
    ['[**tags**]({{ site.baseurl }}/tags/#内核)', '<a href="/notes/tags/#%E5%86%85%E6%A0%B8"><strong>tags</strong></a>', 'link'],
    ['[t]({{site.baseurl}}/tags/)', '<a href="/notes/tags/">t</a>', 'link'],
    ['![i]({{site.baseurl}}/a.png)', '<img src="/notes/a.png" alt="i">', 'image'],
  ])('%s', async (markdown, html, kind) => {
    const { rendered } = await rewritten(`${markdown}\n`);
    expect(rendered.html).toBe(`<p>${html}</p>`);
    expect(rendered.links.map((l) => [l.kind, l.line])).toEqual([[kind, 5]]);
  });

  it('is replaced by nothing on a user site', async () => {
    const { rendered } = await rewritten('![图]({{ site.baseurl }}/assets/a.png)\n', '');
    expect(hrefs(rendered.html)).toEqual(['/assets/a.png']);
  });

  it('is reported where it cannot become a link', async () => {
    const { rendered } = await rewritten('see {{ site.baseurl }}/x\n');
    expect((rendered.links as CheckedLink[]).map((l) => [l.line, l.problem])).toEqual([
      [5, 'posts are not run through Liquid: {{ site.baseurl }} only works as the target of an inline link or image, as in [text]({{ site.baseurl }}/path)'],
    ]);
  });
});

describe('the base path', () => {
  it.each([
    [
      '/notes',
      '![x](/assets/x.png) [t](/tags/) [n](/notes/tags/) [e](https://example.com/a) [h](#内核) [r](img/a.png)',
      ['/notes/assets/x.png', '/notes/tags/', '/notes/tags/', 'https://example.com/a', '#%E5%86%85%E6%A0%B8', 'img/a.png'],
    ],
    ['', '![x](/assets/x.png) [t](/tags/)', ['/assets/x.png', '/tags/']],
  ])('base %j: %s', async (baseurl, markdown, expected) => {
    const { rendered } = await rewritten(`${markdown}\n`, baseurl);
    expect(hrefs(rendered.html)).toEqual(expected);
  });

  it('prefixes raw HTML media too', async () => {
    const { rendered } = await rewritten('<video src="/media/v.mp4" poster="p.jpg"></video>\n');
    expect(rendered.html).toMatch(/<video src="\/notes\/media\/v\.mp4" poster="p\.jpg">/);
  });
});

describe('excerpts', () => {
  it('makes relative links absolute, because list pages show them elsewhere', async () => {
    const { rendered } = await rewritten('See ![d](./img/d.png), [below](#内核) and [drafts](./2020-01-01-some-drafts.md).\n');
    expect(hrefs(rendered.excerptHtml)).toEqual([
      '/notes/shell/linux/2021/03/14/img/d.png',
      '/notes/shell/linux/2021/03/14/pipes.html#%E5%86%85%E6%A0%B8',
      '/notes/basic/2020/01/01/some-drafts.html',
    ]);
    expect(hrefs(rendered.html)).toEqual(['./img/d.png', '#%E5%86%85%E6%A0%B8', '/notes/basic/2020/01/01/some-drafts.html']);
  });
});

describe('rewriteLinkTags', () => {
  it('returns posts without Jekyll link tags as the same objects', async () => {
    const posts = await renderedPosts({ '2020-01-01-some-drafts.md': DRAFTS, '2021-03-14-pipes.md': PIPES });
    const result = rewriteLinkTags(
      posts,
      posts.map((p) => p.post),
      { baseurl: '/notes' },
    );
    expect(result[0]).toBe(posts[0]);
    expect(result[1]).toBe(posts[1]);
  });

  it('does not change its input', async () => {
    const posts = await renderedPosts({
      '2020-01-01-some-drafts.md': DRAFTS,
      '2021-03-14-pipes.md': PIPES.replace('text', '[a]({% post_url 2020-01-01-some-drafts %})'),
    });
    const before = JSON.stringify(posts);
    rewriteLinkTags(
      posts,
      posts.map((p) => p.post),
      { baseurl: '/notes' },
    );
    expect(JSON.stringify(posts)).toBe(before);
  });
});

describe('normalizeUrl', () => {
  const context = {
    baseurl: '',
    source: 'posts/2021-03-14-pipes.md',
    postsFolder: 'posts',
    pageUrl: '/2021/03/14/pipes.html',
    posts: { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' },
  };
  it.each([
    ['./2020-01-01-some-drafts.md?x=1#f', { url: '/basic/2020/01/01/some-drafts.html?x=1#f' }],
    ['./2020-01-01-other.md', { missingPost: 'posts/2020-01-01-other.md' }],
    ['https://example.com/x.md', {}],
    ['#only', {}],
    ['/assets/x.png', {}],
  ])('%s → %j', (url, expected) => {
    expect(normalizeUrl(url, context)).toEqual(expected);
  });

  it('gives root-relative URLs outside the base path the base path', () => {
    expect(normalizeUrl('/assets/x.png', { ...context, baseurl: '/notes' })).toEqual({ url: '/notes/assets/x.png' });
    expect(normalizeUrl('/notes/assets/x.png', { ...context, baseurl: '/notes' })).toEqual({});
  });
});
