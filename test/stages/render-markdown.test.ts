import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import type { LinkRef as CheckedLink } from '../../src/markdown/pipeline.js';
import type { RenderedPost } from '../../src/render/context.js';
import { all, attr, parseFragment } from '../helpers/html.js';
import { renderedPosts } from '../helpers/posts.js';

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
