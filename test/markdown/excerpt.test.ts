import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { absolutizeUrls, plainTextOf } from '../../src/markdown/excerpt.js';

const fragment = (html: string): Root => fromHtml(html, { fragment: true });

describe('absolutizeUrls', () => {
  it.each([
    ['<a href="#内核">x</a>', '<a href="/notes/2020/01/01/a.html#%E5%86%85%E6%A0%B8">x</a>'],
    ['<img src="./img/a.png">', '<img src="/notes/2020/01/01/img/a.png">'],
    ['<img src="img/a.png?v=2">', '<img src="/notes/2020/01/01/img/a.png?v=2">'],
    ['<a href="/notes/x/">x</a>', '<a href="/notes/x/">x</a>'],
    ['<a href="https://example.com/">x</a>', '<a href="https://example.com/">x</a>'],
    ['<a href="./missing.md#f">x</a>', '<a href="./missing.md#f">x</a>'],
  ])('%s → %s', (html, expected) => {
    const tree = fragment(html);
    absolutizeUrls(tree, '/notes/2020/01/01/a.html');
    expect(toHtml(tree)).toBe(expected);
  });
});

describe('plainTextOf', () => {
  it.each([
    ['<p>Hello <em>world</em></p>', 'Hello world'],
    ['<p>a &lt; b &amp;&amp; c</p>', 'a < b && c'],
    ['<p>one</p>\n<p>two\n  three</p>', 'one two three'],
    ['<p><img alt="not text" src="a.png">内核</p>', '内核'],
  ])('%s → %s', (html, expected) => {
    expect(plainTextOf(fragment(html))).toBe(expected);
  });
});
