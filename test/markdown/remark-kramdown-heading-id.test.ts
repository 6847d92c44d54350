import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkKramdownHeadingId from '../../src/markdown/remark-kramdown-heading-id.js';
import remarkKramdownIal from '../../src/markdown/remark-kramdown-ial.js';

/** Markdown → HTML with this plugin (and, for `slug`, rehype-slug's ids, as the pipeline sets them). */
async function html(markdown: string, { slug = false, ial = false } = {}): Promise<string> {
  let processor = unified().use(remarkParse).use(remarkKramdownHeadingId);
  if (ial) processor = processor.use(remarkKramdownIal);
  const hast = processor.use(remarkRehype);
  const file = await (slug ? hast.use(rehypeSlug) : hast).use(rehypeStringify).process(markdown);
  return String(file);
}

describe('remark-kramdown-heading-id', () => {
  // kramdown 2.4 (GFM input) gives the same for each.
  it.each([
    ['## Title {#custom-id}', '<h2 id="custom-id">Title</h2>'],
    ['## 内核 {#内核抢占}', '<h2 id="内核抢占">内核</h2>'],
    ['# Top {#top:part-1.x}', '<h1 id="top:part-1.x">Top</h1>'],
    ['Setext {#sx}\n===', '<h1 id="sx">Setext</h1>'],
    ['## *em* {#e}', '<h2 id="e"><em>em</em></h2>'],
    ['## `fork()` 与 exec {#fork}', '<h2 id="fork"><code>fork()</code> 与 exec</h2>'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it.each([
    // Not an XML name, no space before, escaped, or followed by a closing sequence: kramdown keeps the text.
    ['## Title {#1bad}', '<h2>Title {#1bad}</h2>'],
    ['## Title{#glued}', '<h2>Title{#glued}</h2>'],
    ['## {#only}', '<h2>{#only}</h2>'],
    ['## Title \\{#esc}', '<h2>Title {#esc}</h2>'],
    ['## Title {#x} ##', '<h2>Title {#x}</h2>'],
    ['## Title {#x} more', '<h2>Title {#x} more</h2>'],
    ['Para {#not-a-heading}', '<p>Para {#not-a-heading}</p>'],
  ])('%j keeps its text', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it('also takes classes and attributes after the id (beyond kramdown, which keeps that text)', async () => {
    expect(await html('## Title {#id .cls}')).toBe('<h2 id="id" class="cls">Title</h2>');
    expect(await html('## T {#i .a key="a b"}')).toBe('<h2 id="i" class="a" key="a b">T</h2>');
    expect(await html('## T {#i garbage!}')).toBe('<h2>T {#i garbage!}</h2>');
  });

  it('wins over the generated id, and an IAL after the heading wins over it', async () => {
    expect(await html('## Same\n\n## Same {#mine}\n\n## Same', { slug: true })).toBe(
      '<h2 id="same">Same</h2>\n<h2 id="mine">Same</h2>\n<h2 id="same-1">Same</h2>',
    );
    expect(await html('## Title {#a}\n{: #b .c}', { ial: true })).toBe('<h2 id="b" class="c">Title</h2>');
  });
});
