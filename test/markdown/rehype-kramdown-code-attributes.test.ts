import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/markdown/pipeline.js';
import rehypeKramdownCodeAttributes from '../../src/markdown/rehype-kramdown-code-attributes.js';
import { all, attr, classes, one, parseFragment, text } from '../helpers/html.js';

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await createMarkdownRenderer();
});
const render = async (body: string) => parseFragment((await renderer.render({ body, bodyLine: 1 })).html);

describe('rehype-kramdown-code-attributes (through the pipeline)', () => {
  it('puts the attributes on the pre shiki makes, after its own classes', async () => {
    const tree = await render('```c\nint x;\n```\n{: .code-sample #cid data-x="1"}');
    const pre = one(tree, 'pre');
    expect(classes(pre)).toEqual(['shiki', 'shiki-themes', 'github-light', 'github-dark', 'code-sample']);
    expect(attr(pre, 'id')).toBe('cid');
    expect(attr(pre, 'dataX')).toBe('1');
    expect(attr(one(pre, 'code'), 'className')).toBe('language-c');
    expect(all(tree, 'div:not(.code-block)')).toEqual([]);
  });

  it('puts them on a plain pre too: no language, an unknown one, indented code, an IAL before the fence', async () => {
    for (const markdown of ['```\nplain\n```\n{: .c}', '```nosuchlang\nx\n```\n{: .c}', '    indented\n{: .c}', '{: .c}\n```\nplain\n```']) {
      const tree = await render(markdown);
      expect(classes(one(tree, 'pre'))).toEqual(['c']);
      expect(all(tree, 'div:not(.code-block), [data-kramdown-code]')).toEqual([]);
    }
  });

  it('keeps an IAL line inside a fence as code', async () => {
    const tree = await render('```yaml\nkey: {: .not-an-ial}\n{: .still-code}\n```');
    expect(text(one(tree, 'pre'))).toBe('key: {: .not-an-ial}\n{: .still-code}');
    expect(classes(one(tree, 'pre'))).not.toContain('still-code');
  });
});

describe('rehype-kramdown-code-attributes (on hast)', () => {
  /** Runs the plugin over a tree whose file contains `{:` (the plugin's cheap test). */
  async function run(tree: Root): Promise<string> {
    return toHtml((await unified().use(rehypeKramdownCodeAttributes).run(tree, new VFile('{:'))) as Root);
  }
  const pre = (properties: Element['properties']): Element => ({ type: 'element', tagName: 'pre', properties, children: [] });
  const wrapper = (child: Element | Root): Element => ({
    type: 'element',
    tagName: 'div',
    properties: { dataKramdownCode: '', className: ['x'], id: 'i' },
    children: [child as Element],
  });

  it('merges into shiki’s `class` spelling inside its fragment root', async () => {
    const fragment: Root = { type: 'root', children: [pre({ class: 'shiki a', tabindex: '0' })] };
    expect(await run({ type: 'root', children: [wrapper(fragment)] })).toBe('<pre class="shiki a x" tabindex="0" id="i"></pre>');
  });

  it('leaves other divs and files without `{:` alone', async () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'div', properties: { className: ['x'] }, children: [] }] };
    expect(await run(tree)).toBe('<div class="x"></div>');
    const untouched: Root = { type: 'root', children: [wrapper(pre({}))] };
    await unified().use(rehypeKramdownCodeAttributes).run(untouched, new VFile('no marker here'));
    expect((untouched.children[0] as Element).tagName).toBe('div');
  });
});
