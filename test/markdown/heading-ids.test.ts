import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { headingIdPlugins } from '../../src/markdown/heading-ids.js';
import { all, attr, childElements, classes, one, parseFragment, text } from '../helpers/html.js';

/** Runs the heading plugins over an HTML fragment, as the pipeline does over a post. */
async function withIds(html: string): Promise<Root> {
  const tree = fromHtml(html, { fragment: true });
  return (await unified().use(headingIdPlugins).run(tree)) as Root;
}

describe('headingIdPlugins', () => {
  it.each([
    ['<h1>Hello World</h1>', 'hello-world'],
    ['<h2>内核抢占</h2>', '内核抢占'],
    ['<h3>ELF文件的加载</h3>', 'elf文件的加载'],
    ['<h4>dracut、initrd</h4>', 'dracutinitrd'],
    ['<h5>Unix Domain Socket介绍</h5>', 'unix-domain-socket介绍'],
    ['<h6><code>fork()</code> 与 <em>exec</em></h6>', 'fork-与-exec'],
    // Raw HTML heading text is not trimmed; github-slugger keeps every space as '-', as GitHub does.
    ['<h2> spaced  out </h2>', '-spaced--out-'],
  ])('%s gets id %j', async (html, id) => {
    const tree = await withIds(html);
    const heading = one(tree, 'h1, h2, h3, h4, h5, h6');
    expect(heading.properties.id).toBe(id);
  });

  it('leaves ids that are already there, and counts them for later duplicates', async () => {
    const tree = await withIds('<h2 id="mine">Title</h2><h2>Title</h2>');
    expect(all(tree, 'h2').map((h) => h.properties.id)).toEqual(['mine', 'title']);
  });

  it('does not touch elements that are not headings', async () => {
    const tree = await withIds('<p>Para</p><div>Div</div><header>Head</header>');
    expect(all(tree, '[id]')).toEqual([]);
    expect(all(tree, 'a')).toEqual([]);
  });

  it('appends one self-link after the heading text', async () => {
    const tree = await withIds('<h2>二、进程</h2>');
    const h2 = one(tree, 'h2');
    expect(h2.children[0]).toMatchObject({ type: 'text', value: '二、进程' });
    const [link] = childElements(h2);
    expect(link!.tagName).toBe('a');
    expect(classes(link!)).toEqual(['anchor']);
    expect(attr(link!, 'href')).toBe('#二进程');
    expect(attr(link!, 'ariaLabel')).toBe('Link to this section');
    expect(text(link!)).toBe('#');
    // Serialized and parsed again, the link survives as HTML.
    const reparsed = parseFragment(toHtml(tree));
    expect(attr(one(reparsed, 'h2 > a.anchor'), 'href')).toBe('#二进程');
  });

  it('numbers duplicates within one document and starts over in the next', async () => {
    const first = await withIds('<h2>内核</h2><h3>内核</h3><h2>内核</h2>');
    expect(all(first, 'h2, h3').map((h) => h.properties.id)).toEqual(['内核', '内核-1', '内核-2']);
    const second = await withIds('<h2>内核</h2>');
    expect(one(second, 'h2').properties.id).toBe('内核');
  });
});
