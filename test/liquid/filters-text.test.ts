import { describe, expect, it } from 'vitest';
import { inspect, jsonify, normalizeWhitespace, numberOfWords, slugify, toInteger, uriEscape, xmlEscape } from '../../src/liquid/filters-text.js';

// Expected values are what Jekyll 4.3.1 printed for the same input.

describe('xmlEscape', () => {
  it.each([
    [`foo "bar" <baz> & 'q'`, 'foo &quot;bar&quot; &lt;baz&gt; &amp; &apos;q&apos;'],
    ['内核 & 调度', '内核 &amp; 调度'],
    [undefined, ''],
    [null, ''],
    [42, '42'],
  ])('%j → %j', (input, expected) => {
    expect(xmlEscape(input)).toBe(expected);
  });
});

describe('uriEscape', () => {
  it.each([
    ['foo, bar \\baz? 中文 %20 [x] (y) #h', 'foo,%20bar%20%5Cbaz?%20%E4%B8%AD%E6%96%87%20%20%20[x]%20(y)%20#h'],
    ['http://a.org/a b/é?q=1&r=ü#f g', 'http://a.org/a%20b/%C3%A9?q=1&r=%C3%BC#f%20g'],
    ['100%', '100%25'],
    ['/a%20b/', '/a%20b/'],
    ['/%E5%86%85%E6%A0%B8/', '/%E5%86%85%E6%A0%B8/'],
    ['{x}|^', '%7Bx%7D%7C%5E'],
    ['ＡＢＣ', 'ABC'],
  ])('%j → %j', (input, expected) => {
    expect(uriEscape(input)).toBe(expected);
  });
});

describe('slugify', () => {
  it.each([
    ['Page Cache 与回写', undefined, 'page-cache-与回写'],
    ['Page Cache 与回写', 'latin', 'page-cache'],
    ['Page Cache 与回写', 'ascii', 'page-cache'],
    ["Hello World._~!$&'()+,;=@ x", 'pretty', "hello-world._~!$&'()+,;=@-x"],
    ['Hello  World', 'raw', 'hello-world'],
    ['Hello World', 'none', 'hello world'],
    ['Hello World', 'unknown-mode', 'hello world'],
    ['Ünïcödé Süß', 'latin', 'unicode-suss'],
    ['Ærøskøbing Łódź', 'latin', 'aeroskobing-lodz'],
    ['-a--b-', undefined, 'a-b'],
    ['内核抢占：preempt_count', undefined, '内核抢占-preempt-count'],
  ])('%j (%s) → %j', (input, mode, expected) => {
    expect(slugify(input, mode)).toBe(expected);
  });

  it('keeps the case when asked (liquidjs extension) and gives nil for nil', () => {
    expect(slugify('Hello World', 'default', true)).toBe('Hello-World');
    expect(slugify(undefined)).toBeUndefined();
  });
});

describe('normalizeWhitespace', () => {
  it.each([
    ['  a \n\t b   c  ', 'a b c'],
    ['第一行\n第二行', '第一行 第二行'],
    // Ruby's \s is ASCII: an ideographic space is kept.
    ['中文\u3000空格', '中文\u3000空格'],
    [undefined, ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });
});

describe('numberOfWords', () => {
  const mixed = 'Jekyll 是一个静态网站生成器，用 Ruby 编写。';
  it.each([
    [mixed, undefined, 4],
    [mixed, 'cjk', 17],
    [mixed, 'auto', 17],
    ['one two three', 'auto', 3],
    ['one two three', 'cjk', 3],
    ['カタカナ ひらがな 한국어', 'cjk', 11],
    ['  spaced   out  ', undefined, 2],
    ['', undefined, 0],
    [undefined, 'cjk', 0],
  ])('%j (%s) → %d', (input, mode, expected) => {
    expect(numberOfWords(input, mode)).toBe(expected);
  });

  it('gives the same answer on repeated auto calls', () => {
    expect([numberOfWords('中文', 'auto'), numberOfWords('中文', 'auto'), numberOfWords('a b', 'auto')]).toEqual([2, 2, 2]);
  });
});

describe('jsonify', () => {
  it.each([
    [undefined, 'null'],
    ['中文"/\\', '"中文\\"/\\\\"'],
    [[], '[]'],
    [1.5, '1.5'],
    [['李雷', '韩梅梅'], '["李雷","韩梅梅"]'],
    [{ title: '标题', tags: ['a'] }, '{"title":"标题","tags":["a"]}'],
  ])('%j → %s', (input, expected) => {
    expect(jsonify(input)).toBe(expected);
  });

  it('collapses next/previous of nested documents instead of recursing', () => {
    const a: Record<string, unknown> = { title: 'A', content: '<p>a</p>' };
    const b: Record<string, unknown> = { title: 'B', content: '<p>b</p>', previous: a };
    a.next = b;
    expect(JSON.parse(jsonify([a, b]))).toEqual([
      { title: 'A', content: '<p>a</p>', next: { title: 'B' } },
      { title: 'B', content: '<p>b</p>', previous: { title: 'A' } },
    ]);
    expect(JSON.parse(jsonify(a))).toEqual({ title: 'A', content: '<p>a</p>', next: { title: 'B', content: '<p>b</p>', previous: { title: 'A' } } });
  });

  it('writes a cycle it cannot collapse as null', () => {
    const loop: Record<string, unknown> = { name: 'x' };
    loop.self = loop;
    expect(jsonify(loop)).toBe('{"name":"x","self":null}');
  });
});

describe('inspect', () => {
  it.each([
    ['a"<', '&quot;a\\&quot;&lt;&quot;'],
    [['a', 1, null], '[&quot;a&quot;, 1, nil]'],
    [{ k: '中' }, '{&quot;k&quot;=&gt;&quot;中&quot;}'],
  ])('%j → %s', (input, expected) => {
    expect(inspect(input)).toBe(expected);
  });
});

describe('toInteger', () => {
  it.each([
    ['3.7', 3],
    [true, 1],
    [false, 0],
    ['12abc', 12],
    ['abc', 0],
    [undefined, 0],
    [-2.9, -2],
    ['1_000', 1000],
  ])('%j → %d', (input, expected) => {
    expect(toInteger(input)).toBe(expected);
  });
});
