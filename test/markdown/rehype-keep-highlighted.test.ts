import { describe, expect, it } from 'vitest';
import { highlightCode } from '../../src/markdown/highlight.js';
import { createMarkdownRenderer } from '../../src/markdown/pipeline.js';
import { all, one, parseFragment } from '../helpers/html.js';

describe('code highlighted before Markdown ({% highlight %} output) is not highlighted again', () => {
  it('keeps what the tag added: line numbers, marked lines, data-lang', async () => {
    const renderer = await createMarkdownRenderer();
    const highlighted = (await highlightCode('int x;\nint y;', 'c', { linenos: true, markLines: [2] })).replace('<code', '<code data-lang="c"');
    const { html } = await renderer.render({ body: `前\n\n<figure class="highlight">${highlighted}</figure>\n\n后\n`, bodyLine: 1 });
    const tree = parseFragment(html);
    const pre = one(tree, 'figure.highlight > pre');
    expect(pre.properties.className).toEqual(expect.arrayContaining(['shiki', 'linenos']));
    expect(one(pre, 'code').properties.dataLang).toBe('c');
    expect(all(pre, '.line').map((l) => l.properties.dataLine)).toEqual(['1', '2']);
    expect(all(pre, '.line.highlighted')).toHaveLength(1);
  });

  it('still highlights fenced code in the same post', async () => {
    const renderer = await createMarkdownRenderer();
    const { html } = await renderer.render({ body: '<pre class="shiki"><code>raw</code></pre>\n\n```c\nint x;\n```\n', bodyLine: 1 });
    expect(all(parseFragment(html), 'pre.shiki')).toHaveLength(2);
    expect(all(parseFragment(html), 'pre.shiki span[style]').length).toBeGreaterThan(0);
  });
});
