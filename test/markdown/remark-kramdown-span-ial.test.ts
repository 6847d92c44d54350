import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkKramdownSpanIal from '../../src/markdown/remark-kramdown-span-ial.js';

/** Markdown → HTML with only this plugin added to CommonMark + GFM. */
async function html(markdown: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkKramdownSpanIal).use(remarkRehype).use(rehypeStringify).process(markdown);
  return String(file);
}

// Each expected output is kramdown 2.4's (GFM input) for the same Markdown.
describe('remark-kramdown-span-ial: after a span element', () => {
  it.each([
    ['[link](http://x){:target="_blank"} after', '<p><a href="http://x" target="_blank">link</a> after</p>'],
    ['*em*{: .e} and **strong**{:#s}', '<p><em class="e">em</em> and <strong id="s">strong</strong></p>'],
    ['`code`{:.k}', '<p><code class="k">code</code></p>'],
    ['![alt](/i.png){: width="50%" .wide}', '<p><img src="/i.png" alt="alt" width="50%" class="wide"></p>'],
    ['~~old~~{: .gone}', '<p><del class="gone">old</del></p>'],
    ['[ref][r]{: rel="nofollow"}\n\n[r]: /u', '<p><a href="/u" rel="nofollow">ref</a></p>'],
    ['*a*{: .x}{: .y}', '<p><em class="x y">a</em></p>'],
  ])('%j', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it.each([
    // After text, after a space, escaped, or not closed.
    ['text{: .x}', '<p>text{: .x}</p>'],
    ['*em* {: .x}', '<p><em>em</em> {: .x}</p>'],
    ['*em*\\{: .x}', '<p><em>em</em>{: .x}</p>'],
    ['*em*{: .x', '<p><em>em</em>{: .x</p>'],
    ['`{: .x}`', '<p><code>{: .x}</code></p>'],
  ])('%j stays text', async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });
});

describe('remark-kramdown-span-ial: at the start of a list item', () => {
  it('sets the li’s attributes', async () => {
    expect(await html('- {:.done} first\n- second')).toBe('<ul>\n<li class="done">first</li>\n<li>second</li>\n</ul>');
    expect(await html('1. {: #one .a} first')).toBe('<ol>\n<li id="one" class="a">first</li>\n</ol>');
  });

  it('leaves an IAL later in the item, or an escaped one, as text', async () => {
    expect(await html('- first {:.x}')).toBe('<ul>\n<li>first {:.x}</li>\n</ul>');
    expect(await html('- \\{:.x} first')).toBe('<ul>\n<li>{:.x} first</li>\n</ul>');
  });
});
