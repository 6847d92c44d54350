/**
 * The whole pipeline on a kramdown-style post. test/fixtures/kramdown/jekyll-post/input.md is a
 * Jekyll post; kramdown.html beside it is what `jekyll build` (Jekyll 4.3.1, kramdown 2.4.0,
 * kramdown-parser-gfm 1.1.0, rouge) wrote for it. The comparison ignores what differs on purpose:
 * whitespace between blocks, heading self-links, highlighting markup inside code blocks and the
 * highlighter's own classes, and kramdown's `<!-- -->` for `{::comment}` (inkstone drops comments).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/markdown/pipeline.js';
import { all, attr, parseFragment, text } from '../helpers/html.js';

const FIXTURE = new URL('../fixtures/kramdown/jekyll-post/', import.meta.url);
const source = readFileSync(fileURLToPath(new URL('input.md', FIXTURE)), 'utf8');
const frontMatterLines = source.split('\n---\n')[0]!.split('\n').length + 1;
const body = source.slice(source.indexOf('\n---\n') + 5);
const kramdownHtml = readFileSync(fileURLToPath(new URL('kramdown.html', FIXTURE)), 'utf8');

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await createMarkdownRenderer();
});

const HIGHLIGHTER_CLASSES = /^(shiki|shiki-themes|github-light|github-dark|highlight|highlighter-rouge|language-.*)$/;

/** A comparable outline of a fragment: tags with their attributes, text with whitespace folded. */
function outline(tree: Root): unknown[] {
  // Adjacent texts are joined (kramdown's comments split them), then whitespace is folded.
  const joinTexts = (items: unknown[]): unknown[] =>
    items
      .reduce<unknown[]>((out, item) => {
        if (typeof item === 'string' && typeof out.at(-1) === 'string') out[out.length - 1] += item;
        else out.push(item);
        return out;
      }, [])
      .map((item) => (typeof item === 'string' ? item.replace(/\s+/g, ' ').trim() : item))
      .filter((item) => item !== '');
  const walk = (nodes: ElementContent[] | Root['children']): unknown[] =>
    joinTexts(
      nodes.flatMap((node): unknown[] => {
        if (node.type === 'text') return [node.value];
        if (node.type !== 'element') return [];
        if (node.tagName === 'a' && attr(node, 'className') === 'anchor') return [];
        // The theme's wrappers around code blocks and tables are not kramdown's markup.
        if (node.tagName === 'div' && /^(code-block|table-wrap)\b/.test(attr(node, 'className') ?? '')) return walk(node.children);
        const attributes = Object.entries(node.properties)
          .map(([key, value]): [string, string] => [key, Array.isArray(value) ? value.join(' ') : String(value)])
          .map(([key, value]): [string, string] =>
            key === 'className'
              ? [
                  key,
                  value
                    .split(' ')
                    .filter((c) => !HIGHLIGHTER_CLASSES.test(c))
                    .join(' '),
                ]
              : [key, value],
          )
          .filter(([key, value]) => !(key === 'className' && !value) && key !== 'style' && key !== 'tabIndex')
          .sort(([a], [b]) => a.localeCompare(b));
        // A code block: rouge nests div > div > pre, shiki writes one pre; compare the outer element's attributes and the code.
        const pre = node.tagName === 'pre' ? node : all(node, 'pre')[0];
        if (pre && (node.tagName === 'pre' || node.tagName === 'div')) return [{ code: text(pre).trimEnd(), attributes }];
        return [{ [node.tagName]: attributes, children: walk(node.children) }];
      }),
    );
  return walk(tree.children);
}

describe('kramdown syntax through the whole pipeline', () => {
  it('renders the Jekyll post as kramdown did, but for what differs on purpose', async () => {
    const ours = parseFragment((await renderer.render({ body, bodyLine: frontMatterLines })).html);
    expect(outline(ours)).toEqual(outline(parseFragment(kramdownHtml)));
  });

  it('collects the headings and ids, explicit ones included, and the TOC links to them', async () => {
    const rendered = await renderer.render({ body, bodyLine: frontMatterLines });
    expect(rendered.headings).toEqual([
      { depth: 2, id: '内核抢占', text: '内核抢占' },
      { depth: 3, id: 'preempt-points', text: '抢占点' },
      { depth: 4, id: '细节', text: '细节' },
      { depth: 2, id: 'setup', text: 'Setup' },
      { depth: 3, id: 'step-one-and-two', text: 'Step one and two' },
    ]);
    expect(rendered.ids).toEqual(expect.arrayContaining(['markdown-toc', 'markdown-toc-preempt-points', 'intro', 'preempt-points', 'summary']));
    const tree = parseFragment(rendered.html);
    const targets = all(tree, '#markdown-toc a').map((a) => attr(a, 'href')!.slice(1));
    expect(targets).toEqual(['内核抢占', 'preempt-points', 'setup', 'step-one-and-two']);
    for (const id of targets) expect(rendered.ids).toContain(id);
    expect(new Set(rendered.ids).size).toBe(rendered.ids.length);
    // Nothing of the syntax is left as text, and no marker reaches the output.
    expect(text(tree)).not.toMatch(/\{:|\{#|draft note/);
    expect(all(tree, '[data-kramdown-toc], [data-kramdown-code]')).toEqual([]);
  });

  it('works the same on a post with raw HTML (the rehype-raw chain)', async () => {
    const rendered = await renderer.render({ body: `<div class="box">raw</div>\n\n${body}`, bodyLine: 1 });
    const tree = parseFragment(rendered.html);
    expect(all(tree, '#markdown-toc a').map((a) => attr(a, 'href'))).toEqual(['#内核抢占', '#preempt-points', '#setup', '#step-one-and-two']);
    expect(attr(all(tree, 'p.lead')[0] as Element, 'id')).toBe('intro');
    expect(all(tree, 'pre.code-sample, pre.console').length).toBe(2);
    expect(all(tree, '[data-kramdown-toc], [data-kramdown-code]')).toEqual([]);
  });

  it('gives an excerpt and links as before when the post starts with a TOC', async () => {
    const rendered = await renderer.render({ body, bodyLine: frontMatterLines });
    expect(rendered.excerptText).toBe('抢占的前提条件是：配置了TIF_NEED_RESCHED，而且抢占计数器为 0。');
    expect(rendered.links.map((link) => link.url)).toEqual(['https://example.com', '/two']);
  });
});
