import { describe, expect, it } from 'vitest';
import type { Heading } from '../../src/markdown/file-data.js';
import { buildToc, parseLevels, tocHtml } from '../../src/render/toc.js';

const h = (depth: number, id: string, text = id): Heading => ({ depth, id, text });
const shape = (entries: ReturnType<typeof buildToc>): unknown[] => entries.map((e) => (e.children.length ? [e.id, shape(e.children)] : e.id));

describe('buildToc', () => {
  const headings = [h(2, '内核抢占'), h(3, '时机'), h(3, '问题'), h(2, 'elf文件的加载'), h(4, '深'), h(2, '调研'), h(3, '方法'), h(2, 'footnote-label')];

  it('nests headings of the chosen levels under the nearest higher one', () => {
    expect(shape(buildToc(headings, [2, 3], 4))).toEqual([['内核抢占', ['时机', '问题']], 'elf文件的加载', ['调研', ['方法']]]);
  });

  it('keeps levels it is given, and never lists the footnotes heading', () => {
    expect(shape(buildToc(headings, [2], 1))).toEqual(['内核抢占', 'elf文件的加载', '调研']);
    expect(shape(buildToc(headings, [2, 3, 4], 1))).toEqual([
      ['内核抢占', ['时机', '问题']],
      ['elf文件的加载', ['深']],
      ['调研', ['方法']],
    ]);
  });

  it('is empty for a post with fewer headings than the minimum', () => {
    expect(buildToc(headings, [2], 4)).toEqual([]);
    expect(buildToc([], [2, 3], 0)).toEqual([]);
  });

  it('starts at the first heading whatever its level, and nests at most three deep', () => {
    const deep = [h(3, 'a'), h(2, 'b'), h(3, 'c'), h(4, 'd'), h(5, 'e'), h(6, 'f')];
    expect(shape(buildToc(deep, [1, 2, 3, 4, 5, 6], 1))).toEqual(['a', ['b', [['c', ['d', 'e', 'f']]]]]);
  });
});

describe('parseLevels', () => {
  it.each([
    ['2..3', [2, 3]],
    ['1..6', [1, 2, 3, 4, 5, 6]],
    ['2, 4', [2, 4]],
    [
      [3, 2, 2],
      [2, 3],
    ],
    [2, [2]],
    ['3..2', undefined],
    ['2..7', undefined],
    ['h2', undefined],
    [[], undefined],
    [null, undefined],
  ])('%j → %j', (value, levels) => {
    expect(parseLevels(value)).toEqual(levels);
  });
});

describe('tocHtml', () => {
  it('nests lists as the tree nests, escaping ids and text', () => {
    const toc = buildToc([h(2, 'a&b', 'A & <B>'), h(3, 'c', 'C'), h(2, 'd"', 'D')], [2, 3], 1);
    expect(tocHtml(toc)).toBe(
      '<ul><li><a href="#a&amp;b">A &amp; &lt;B&gt;</a><ul><li><a href="#c">C</a></li></ul></li><li><a href="#d&quot;">D</a></li></ul>',
    );
  });

  it('is empty for an empty table', () => {
    expect(tocHtml([])).toBe('');
  });
});
