import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkKramdownIal from '../../src/markdown/remark-kramdown-ial.js';

/** Markdown → HTML with only this plugin added to CommonMark + GFM. */
async function html(markdown: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkKramdownIal).use(remarkRehype).use(rehypeStringify).process(markdown);
  return String(file);
}

// Each expected output is what kramdown 2.4 (GFM input, as Jekyll 4.3 runs it) gives, whitespace aside.
describe('remark-kramdown-ial: after a block', () => {
  it.each([
    ['Para line\n{: #p1 .a .b key="v a l" k2=\'x y\'}', '<p id="p1" class="a b" key="v a l" k2="x y">Para line</p>'],
    ['Para\n{:#tight}', '<p id="tight">Para</p>'],
    ['## Title\n{: #hid .x}', '<h2 id="hid" class="x">Title</h2>'],
    ['## 内核抢占\n{:.no_toc}', '<h2 class="no_toc">内核抢占</h2>'],
    ['> quote\n{: .q}', '<blockquote class="q">\n<p>quote</p>\n</blockquote>'],
    ['- a\n- b\n{: .l}', '<ul class="l">\n<li>a</li>\n<li>b</li>\n</ul>'],
    ['1. a\n2. b\n{: .l}\n\nafter', '<ol class="l">\n<li>a</li>\n<li>b</li>\n</ol>\n<p>after</p>'],
    ['| a |\n|---|\n| 1 |\n{: .t}', '<table class="t">\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>'],
    ['***\n{: .x}', '<hr class="x">'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it('ends the paragraph it follows: the next line starts a new one', async () => {
    expect(await html('A\n{: .x}\nB')).toBe('<p class="x">A</p>\n<p>B</p>');
  });

  it('gives the lines right after an IAL to the same block', async () => {
    expect(await html('Para1\n{: .a}\n{: .b #i}\nPara2')).toBe('<p class="a b" id="i">Para1</p>\n<p>Para2</p>');
  });

  it('keeps an IAL inside a blockquote for the block inside, a lazy one for the blockquote', async () => {
    expect(await html('> q1\n> {: .in}\n{: .out}')).toBe('<blockquote class="out">\n<p class="in">q1</p>\n</blockquote>');
  });

  it('wraps a code block in a marked div for rehype-kramdown-code-attributes', async () => {
    expect(await html('```\ncode\n```\n{: .c #cid}')).toBe('<div data-kramdown-code="" class="c" id="cid"><pre><code>code\n</code></pre></div>');
    expect(await html('    indented\n{: .c}')).toBe('<div data-kramdown-code="" class="c"><pre><code>indented\n</code></pre></div>');
  });

  it('marks a list given {:toc} for rehype-kramdown-toc', async () => {
    expect(await html('* TOC\n{:toc}')).toBe('<ul data-kramdown-toc="">\n<li>TOC</li>\n</ul>');
    expect(await html('1. TOC\n{: toc .cls}')).toBe('<ol class="cls" data-kramdown-toc="">\n<li>TOC</li>\n</ol>');
  });

  it('loses the attributes of a tight list item’s paragraph, as kramdown does', async () => {
    expect(await html('- a\n- b\n  {: .l}')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
  });
});

describe('remark-kramdown-ial: before a block, and blank lines', () => {
  it.each([
    ['{: #before}\nPara', '<p id="before">Para</p>'],
    ['{: .a}\n{: .b}\nPara2', '<p class="a b">Para2</p>'],
    ['{: .c #cid}\n```\nplain\n```', '<div data-kramdown-code="" class="c" id="cid"><pre><code>plain\n</code></pre></div>'],
    // After a blank line an IAL waits for the next block, blank lines or not.
    ['Para\n\n{: #x}\nNext', '<p>Para</p>\n<p id="x">Next</p>'],
    ['Para\n\n{: #x}\n\nNext', '<p>Para</p>\n<p id="x">Next</p>'],
    ['para\n\n{: .x}\n## H', '<p>para</p>\n<h2 class="x">H</h2>'],
    ['P\n{: .a}\n\n{: .b}\nX', '<p class="a">P</p>\n<p class="b">X</p>'],
    // kramdown's quirk: at the start of a container, a blank line after the IAL drops it.
    ['{: #before}\n\nPara', '<p>Para</p>'],
    ['{: .a}\n\n{: .b}\nX', '<p class="b">X</p>'],
    // Nothing to go to: dropped.
    ['Para\n\n{: #p2}', '<p>Para</p>'],
    ['## H\n\n{: .x}', '<h2>H</h2>'],
    ['> quote\n\n{: .q}', '<blockquote>\n<p>quote</p>\n</blockquote>'],
    ['- a\n- b\n\n{: .l}', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
});

describe('remark-kramdown-ial: what is not a block IAL', () => {
  it.each([
    // Not alone on its line, not closed, empty, or an attribute list definition (not supported).
    ['text {: .x} more', '<p>text {: .x} more</p>'],
    ['Para\n{: #id', '<p>Para\n{: #id</p>'],
    ['Para\n{:}', '<p>Para\n{:}</p>'],
    ['Para\n{:name: .x}', '<p>Para\n{:name: .x}</p>'],
    ['Para\n{: .x} tail', '<p>Para\n{: .x} tail</p>'],
    // Code stays code.
    ['```\n{: .in-code}\n```', '<pre><code>{: .in-code}\n</code></pre>'],
    ['    {: .indented}', '<pre><code>{: .indented}\n</code></pre>'],
    ['a `{: .x}`', '<p>a <code>{: .x}</code></p>'],
    // Indented four spaces after a paragraph: a continuation line, as in kramdown.
    ['Para\n    {: .x}', '<p>Para\n{: .x}</p>'],
  ])('%j stays text', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it('drops a well-formed IAL that sets nothing, as kramdown does (with a warning there)', async () => {
    expect(await html('Para\n{: !!!}')).toBe('<p>Para</p>');
    expect(await html('Para\n{: }')).toBe('<p>Para</p>');
  });

  it('renders a document without IALs as before', async () => {
    const markdown = '# T\n\nA {curly} para {x: 1}\n\n- {not: ial}\n\n```js\nconst o = {a: 1};\n```\n';
    const plain = String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).process(markdown));
    expect(await html(markdown)).toBe(plain);
  });
});
