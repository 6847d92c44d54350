import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { LinkContext } from '../../src/markdown/file-data.js';
import rehypeNormalizeLinks, { normalizeUrl, postLinkCandidates } from '../../src/markdown/rehype-normalize-links.js';

/** Markdown through remark-rehype, rehype-raw (as the pipeline's raw-HTML chain) and the plugin, with `context`; the HTML and what was recorded. */
async function run(markdown: string, context?: LinkContext, bodyLine = 1) {
  const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeNormalizeLinks).use(rehypeStringify);
  const file = new VFile({ value: markdown, data: { bodyLine, ...(context ? { linkContext: context } : {}) } });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  return { html: processor.stringify(tree), links: file.data.links };
}

const CONTEXT: LinkContext = {
  baseurl: '/notes',
  source: 'posts/linux/2021-03-14-pipes.md',
  postsFolder: 'posts',
  pageUrl: '/2021/03/14/pipes.html',
  posts: { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' },
};

describe('postLinkCandidates', () => {
  it.each([
    ['../2020-01-01-some-drafts.md', ['posts/2020-01-01-some-drafts.md']],
    ['./a/b.md', ['posts/linux/a/b.md']],
    ['/posts/x.md', ['posts/x.md', 'posts/posts/x.md']],
    ['/x.md', ['x.md', 'posts/x.md']],
  ])('%s → %j', (decoded, expected) => {
    expect(postLinkCandidates(decoded, CONTEXT)).toEqual(expected);
  });
});

describe('rehype-normalize-links', () => {
  it('rewrites post links and records what was written, with file lines', async () => {
    const { html, links } = await run('x\n\n[see](../2020-01-01-some-drafts.md#内核) ![i](/a.png)\n', CONTEXT, 10);
    expect(html).toBe('<p>x</p>\n<p><a href="/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8">see</a> <img src="/notes/a.png" alt="i"></p>');
    expect(links).toEqual([
      {
        kind: 'link',
        url: '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8',
        written: '../2020-01-01-some-drafts.md#%E5%86%85%E6%A0%B8',
        line: 12,
      },
      { kind: 'image', url: '/notes/a.png', written: '/a.png', line: 12 },
    ]);
  });

  it('leaves a link to a post file that is not in the build as written, naming the file', async () => {
    const { html, links } = await run('[x](./nope.md)\n', CONTEXT);
    expect(html).toBe('<p><a href="./nope.md">x</a></p>');
    expect(links).toEqual([{ kind: 'link', url: './nope.md', written: './nope.md', missingPost: 'posts/linux/nope.md', line: 1 }]);
  });

  it('rewrites URLs in raw HTML too, but records only links and images', async () => {
    const { html, links } = await run('<video src="/v.mp4" poster="/p.jpg"></video>\n', CONTEXT);
    expect(html).toBe('<p><video src="/notes/v.mp4" poster="/notes/p.jpg"></video></p>');
    expect(links).toEqual([]);
  });

  it('only records links without a context', async () => {
    const { html, links } = await run('[x](/a/)\n');
    expect(html).toBe('<p><a href="/a/">x</a></p>');
    expect(links).toEqual([{ kind: 'link', url: '/a/', line: 1 }]);
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
