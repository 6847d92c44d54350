import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkKramdownExtensions from '../../src/markdown/remark-kramdown-extensions.js';

/** Markdown → HTML (raw HTML allowed) with this plugin, and the file's data. */
async function render(markdown: string): Promise<{ html: string; data: VFile['data'] }> {
  const file = new VFile(markdown);
  await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownExtensions)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeStringify)
    .process(file);
  return { html: String(file), data: file.data };
}
const html = async (markdown: string) => (await render(markdown)).html;

// kramdown writes comments as <!-- -->; inkstone drops them. Otherwise each output is kramdown's.
describe('remark-kramdown-extensions: comments', () => {
  it.each([
    ['Before\n\n{::comment}\nhidden *x*\n\nstill hidden\n# not a heading\n{:/comment}\n\nAfter', '<p>Before</p>\n<p>After</p>'],
    ['{::comment}\nx\n  {:/comment}\nafter', '<p>after</p>'],
    ['{::comment}\nx\n{:/}\nafter', '<p>after</p>'],
    ['  {::comment /}\nafter', '<p>after</p>'],
    ['{::comment/}\nafter', '<p>after</p>'],
    ['a {::comment/} b', '<p>a  b</p>'],
    ['> {::comment}\n> in a quote\n> {:/comment}\n> kept', '<blockquote>\n<p>kept</p>\n</blockquote>'],
    ['Inline {::comment}gone *x*{:/comment} kept', '<p>Inline  kept</p>'],
    ['Inline {::comment}gone\nacross lines{:/comment} kept', '<p>Inline  kept</p>'],
    // A block comment does not interrupt a paragraph: there it is a span comment.
    ['Para\n{::comment}\nhidden\n{:/comment}\nMore', '<p>Para\n\nMore</p>'],
    ['x {::comment}a\nb{:/comment}', '<p>x </p>'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
});

describe('remark-kramdown-extensions: nomarkdown and options', () => {
  it('passes a nomarkdown body through as raw HTML, as a block and inside a paragraph', async () => {
    expect(await html('{::nomarkdown}\n<div class="raw">*not md*</div>\n{:/nomarkdown}\n\nx {::nomarkdown}<b>b</b>{:/nomarkdown} y')).toBe(
      '<div class="raw">*not md*</div>\n<p>x <b>b</b> y</p>',
    );
    expect(await html('> {::nomarkdown}\n> <i>q</i>\n> {:/nomarkdown}')).toBe('<blockquote>\n<i>q</i>\n</blockquote>');
  });

  it('drops a nomarkdown body meant only for other converters', async () => {
    expect(await html('{::nomarkdown type="latex"}\n\\foo\n{:/nomarkdown}')).toBe('');
    expect(await html('{::nomarkdown type="latex html"}\n<i>both</i>\n{:/nomarkdown}')).toBe('<i>both</i>');
  });

  it('keeps options for later plugins and writes nothing', async () => {
    const block = await render('{::options toc_levels="2..3" auto_ids="false" /}\n\nText');
    expect(block.html).toBe('<p>Text</p>');
    expect(block.data.kramdownOptions).toEqual({ toc_levels: '2..3', auto_ids: 'false' });
    const inline = await render('Text {::options toc_levels="2" /}end');
    expect(inline.html).toBe('<p>Text end</p>');
    expect(inline.data.kramdownOptions).toEqual({ toc_levels: '2' });
    expect((await render('Text')).data.kramdownOptions).toBeUndefined();
  });
});

describe('remark-kramdown-extensions: what stays text', () => {
  it.each([
    // Unknown extension, no stop tag, a stray stop tag.
    ['{::foo}\nbar\n{:/foo}', '<p>{::foo}\nbar\n{:/foo}</p>'],
    ['{::comment}\nunclosed', '<p>{::comment}\nunclosed</p>'],
    ['text {::comment} unclosed', '<p>text {::comment} unclosed</p>'],
    ['{:/comment}', '<p>{:/comment}</p>'],
    ['{::comment/x}', '<p>{::comment/x}</p>'],
    ['{::comment}\nx\n{:/nomarkdown}', '<p>{::comment}\nx\n{:/nomarkdown}</p>'],
    // Code stays code.
    ['`{::comment}x{:/comment}`', '<p><code>{::comment}x{:/comment}</code></p>'],
    ['```\n{::comment}\nx\n{:/comment}\n```', '<pre><code>{::comment}\nx\n{:/comment}\n</code></pre>'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
});
