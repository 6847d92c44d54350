import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { rewriteLinkTags } from '../../src/check/rewrite.js';
import { indexPosts, resolvePostUrl } from '../../src/content/post-index.js';
import type { LinkRef as CheckedLink } from '../../src/markdown/pipeline.js';
import type { RenderedPost } from '../../src/render/context.js';
import { all, attr, parseFragment, text } from '../helpers/html.js';
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
