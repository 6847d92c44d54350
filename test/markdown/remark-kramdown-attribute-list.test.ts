import type { Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { isEmpty, parseAttributeList, setAttributes } from '../../src/markdown/remark-kramdown-attribute-list.js';

// Expected values are what kramdown 2.4 made of the same lists (`{: …}` after a paragraph).
describe('parseAttributeList', () => {
  it.each([
    ['#id', [['id', 'id']], []],
    [
      '.a .b',
      [
        ['class', 'a'],
        ['class', 'b'],
      ],
      [],
    ],
    [
      '#p1 .a .b key="v a l" k2=\'x y\'',
      [
        ['id', 'p1'],
        ['class', 'a'],
        ['class', 'b'],
        ['key', 'v a l'],
        ['k2', 'x y'],
      ],
      [],
    ],
    [
      '#a.b.c #d',
      [
        ['id', 'a'],
        ['class', 'b'],
        ['class', 'c'],
        ['id', 'd'],
      ],
      [],
    ],
    [
      ' toc .cls #myid',
      [
        ['class', 'cls'],
        ['id', 'myid'],
      ],
      ['toc'],
    ],
    ['toc', [], ['toc']],
    [
      'data-step="1" target="_blank"',
      [
        ['data-step', '1'],
        ['target', '_blank'],
      ],
      [],
    ],
    // Escaped quotes and braces inside a value.
    ['k="a\\"b\\}c"', [['k', 'a"b}c']], []],
    ["k='it\\'s'", [['k', "it's"]], []],
    // kramdown skips what it does not recognise: an unquoted value, a word with punctuation.
    ['#d garbage! x=y', [['id', 'd']], []],
    // An id starts with an ASCII letter; a class is anything up to a space, '.' or '#'.
    ['#内核 .类', [['class', '类']], []],
    ['#1st', [], []],
    // class="…" replaces the classes before it in the same list (kramdown: class="x y z").
    [
      '.first class="x y" .z',
      [
        ['class', 'x y'],
        ['class', 'z'],
      ],
      [],
    ],
  ])('%j', (text, set, refs) => {
    expect(parseAttributeList(text)).toEqual({ set, refs });
  });

  it('finds nothing in blank or punctuation-only lists', () => {
    expect(isEmpty(parseAttributeList(' '))).toBe(true);
    expect(isEmpty(parseAttributeList(' !!!'))).toBe(true);
    expect(isEmpty(parseAttributeList('.x'))).toBe(false);
  });
});

describe('setAttributes', () => {
  it('adds classes to the ones already there and lets later values win', () => {
    const node: Paragraph = { type: 'paragraph', children: [], data: { hProperties: { className: ['first'], id: 'old' } } };
    setAttributes(node, parseAttributeList('.a #new key="1"'));
    setAttributes(node, parseAttributeList('.b key="2"'));
    expect(node.data?.hProperties).toEqual({ className: ['first', 'a', 'b'], id: 'new', key: '2' });
  });

  it('reads class="…" as classes', () => {
    const node: Paragraph = { type: 'paragraph', children: [] };
    setAttributes(node, parseAttributeList('class="x y"'));
    expect(node.data?.hProperties).toEqual({ className: ['x', 'y'] });
  });

  it('leaves a node without data alone when the list sets nothing', () => {
    const node: Paragraph = { type: 'paragraph', children: [] };
    setAttributes(node, parseAttributeList('toc'));
    expect(node.data).toBeUndefined();
  });
});
