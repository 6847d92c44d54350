import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { headingIdPlugins } from '../../src/markdown/heading-ids.js';
import rehypeCollect from '../../src/markdown/rehype-collect.js';

/** Runs the heading plugins over an HTML fragment, as the pipeline does over a post. */
async function withIds(html: string): Promise<Root> {
  const tree = fromHtml(html, { fragment: true });
  return (await unified().use(headingIdPlugins).run(tree)) as Root;
}

/** What the collector writes into file.data for `tree`. */
async function collect(tree: Root): Promise<VFile['data']> {
  const file = new VFile();
  await unified().use(rehypeCollect).run(tree, file);
  return file.data;
}

describe('rehype-collect: headings', () => {
  it('lists headings in document order with depth, id and text without the #', async () => {
    const tree = await withIds('<h1>Top</h1><p>x</p><section><h3>内核 <code>fork()</code></h3></section><h2>Top</h2>');
    expect((await collect(tree)).headings).toEqual([
      { depth: 1, id: 'top', text: 'Top' },
      { depth: 3, id: '内核-fork', text: '内核 fork()' },
      { depth: 2, id: 'top-1', text: 'Top' },
    ]);
  });

  it('keeps other links inside the heading text', async () => {
    const tree = await withIds('<h2>See <a href="/x">this</a></h2>');
    expect((await collect(tree)).headings).toEqual([{ depth: 2, id: 'see-this', text: 'See this' }]);
  });

  it('skips headings without an id (punctuation-only text)', async () => {
    const tree = await withIds('<h2>？！</h2><h2>Real</h2>');
    expect((await collect(tree)).headings).toEqual([{ depth: 2, id: 'real', text: 'Real' }]);
  });

  it('reads ids that were not made by the plugins', async () => {
    const tree = fromHtml('<h4 id="given">Given</h4><h5>No id</h5>', { fragment: true });
    expect((await collect(tree)).headings).toEqual([{ depth: 4, id: 'given', text: 'Given' }]);
  });
});

describe('rehype-collect: ids and the first paragraph', () => {
  it('collects every id in document order: headings, footnotes, raw HTML', async () => {
    const tree = await withIds('<h2>A</h2><p id="x">p</p><div><span id="y"></span></div><h3>B</h3>');
    expect((await collect(tree)).ids).toEqual(['a', 'x', 'y', 'b']);
  });

  it('takes the first top-level paragraph, not one inside a list or quote', async () => {
    const tree = fromHtml('<blockquote><p>quoted</p></blockquote><ul><li><p>item</p></li></ul><p>first</p><p>second</p>', { fragment: true });
    const { firstParagraph } = await collect(tree);
    expect(firstParagraph?.children).toEqual([expect.objectContaining({ type: 'text', value: 'first' })]);
  });

  it('has no first paragraph when there is none at the top level', async () => {
    expect((await collect(fromHtml('<h1>x</h1><ul><li>y</li></ul>', { fragment: true }))).firstParagraph).toBeUndefined();
  });
});
