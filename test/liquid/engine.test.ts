import type { Liquid } from 'liquidjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine, render } from './engine-fixture.js';

// Expected values are Jekyll 4.3.1's output for the same template (with baseurl /notes).

let engine: Liquid;
beforeAll(async () => {
  ({ engine } = await fixtureEngine());
});

describe('relative_url and absolute_url', () => {
  it.each([
    ['{{ "/a b/中文" | relative_url }}', '/notes/a%20b/%E4%B8%AD%E6%96%87'],
    ['{{ "/" | relative_url }}', '/notes/'],
    ['{{ "x" | relative_url }}', '/notes/x'],
    ['{{ "" | relative_url }}', '/notes'],
    ['{{ nil | relative_url }}', ''],
    ['{{ missing | relative_url }}', ''],
    ['{{ post | relative_url }}', '/notes/2021/03/22/third.html'],
    ['{{ "http://x.org/a b" | relative_url }}', 'http://x.org/a b'],
    ['{{ "/a b/" | absolute_url }}', 'https://example.github.io/notes/a%20b/'],
    ['{{ post.url | absolute_url }}', 'https://example.github.io/notes/2021/03/22/third.html'],
    ['{{ "" | absolute_url }}', 'https://example.github.io/notes'],
    ['{{ nil | absolute_url }}', ''],
  ])('%s → %j', async (template, expected) => {
    expect(await render(engine, template, { post: { url: '/2021/03/22/third.html' } })).toBe(expected);
  });

  it('writes no base path when there is none', async () => {
    const { engine: root } = await fixtureEngine({ urls: { url: 'https://example.github.io', baseurl: '' } });
    expect(await render(root, '{{ "/about/" | relative_url }}|{{ "" | relative_url }}|{{ "" | absolute_url }}')).toBe('/about/||https://example.github.io');
  });
});

describe('strip_index', () => {
  it.each([
    ['{{ "/a/index.html" | strip_index }}', '/a/'],
    ['{{ "/a/index.htm" | strip_index }}', '/a/'],
    ['{{ "/a/b.html" | strip_index }}', '/a/b.html'],
    ['{{ nil | strip_index }}', ''],
  ])('%s → %j', async (template, expected) => {
    expect(await render(engine, template)).toBe(expected);
  });
});

describe('date filters', () => {
  const scope = { d: '2020-01-01T16:00:00+08:00', late: '2021-03-22T23:59:00+08:00' };
  it.each([
    ['{{ d | date: "%Y年%m月%d日 %H:%M" }}', '2020年01月01日 16:00'],
    ['{{ d | date_to_xmlschema }}', '2020-01-01T16:00:00+08:00'],
    ['{{ d | date_to_rfc822 }}', 'Wed, 01 Jan 2020 16:00:00 +0800'],
    ['{{ d | date_to_string }}', '01 Jan 2020'],
    ['{{ d | date_to_string: "ordinal" }}', '1st Jan 2020'],
    ['{{ d | date_to_string: "ordinal", "US" }}', 'Jan 1st, 2020'],
    ['{{ d | date_to_long_string }}', '01 January 2020'],
    ['{{ d | date_to_long_string: "ordinal" }}', '1st January 2020'],
    ['{{ d | date_to_long_string: "ordinal", "US" }}', 'January 1st, 2020'],
    ['{{ "2020-03-02" | date_to_string: "ordinal" }}', '2nd Mar 2020'],
    ['{{ "2020-03-11" | date_to_string: "ordinal" }}', '11th Mar 2020'],
    ['{{ "2020-03-23" | date_to_string: "ordinal", "US" }}', 'Mar 23rd, 2020'],
    ['{{ "2019-11-24" | date: "%Y年%m月%d日" }}', '2019年11月24日'],
    ['{{ late | date: "%-d %e %j %a %A %b %B %y %I %l %p %P %z" }}', '22 22 081 Mon Monday Mar March 21 11 11 PM pm +0800'],
    ['{{ "" | date_to_xmlschema }}|{{ nil | date_to_string }}', '|'],
  ])('%s → %j', async (template, expected) => {
    expect(await render(engine, template, scope)).toBe(expected);
  });

  it('keeps the author’s wall-clock time whatever the offset', async () => {
    expect(await render(engine, '{{ d | date: "%Y-%m-%d %H:%M %z" }}', { d: '2020-05-20T23:50:00-07:00' })).toBe('2020-05-20 23:50 -0700');
  });

  it('shows Date values in the site’s time zone when one is given', async () => {
    const { engine: shanghai } = await fixtureEngine({ timezone: 'Asia/Shanghai' });
    expect(await render(shanghai, '{{ d | date: "%Y-%m-%d %H:%M" }}', { d: new Date('2020-05-20T23:50:00Z') })).toBe('2020-05-21 07:50');
  });
});

describe('string filters through the engine', () => {
  it.each([
    ['{{ "foo,bar;baz? a/b~c*d!e\'f(g)h 中文" | cgi_escape }}', 'foo%2Cbar%3Bbaz%3F+a%2Fb~c%2Ad%21e%27f%28g%29h+%E4%B8%AD%E6%96%87'],
    ['{{ "/a%20b/ 中" | uri_escape }}', '/a%20b/%20%E4%B8%AD'],
    ['{{ q | xml_escape }}', 'a &amp; b &lt; c'],
    ['{{ nil | xml_escape }}', ''],
    ['{{ "Page Cache 与回写" | slugify }}', 'page-cache-与回写'],
    ['{{ "Jekyll 是一个静态网站生成器，用 Ruby 编写。" | number_of_words: "cjk" }}', '17'],
    ['{{ "  a \n b " | normalize_whitespace }}', 'a b'],
    ['{{ people | jsonify }}', '["李雷","韩梅梅"]'],
    ['{{ people | array_to_sentence_string }}', '李雷 and 韩梅梅'],
    ['{{ "a,b,c" | split: "," | array_to_sentence_string: "和" }}', 'a, b, 和 c'],
    ['{{ q | smartify }}', 'a &amp; b &lt; c'],
    ['{{ "it\'s" | smartify }}', 'it’s'],
    ['{{ "3.7" | to_integer }}', '3'],
    ['{{ "a" | inspect }}', '&quot;a&quot;'],
  ])('%s → %j', async (template, expected) => {
    expect(await render(engine, template, { q: 'a & b < c', people: ['李雷', '韩梅梅'] })).toBe(expected);
  });

  it('markdownify goes through the site’s Markdown hook', async () => {
    expect(await render(engine, '{{ "**不会**执行" | markdownify }}')).toBe('<p><strong>不会</strong>执行</p>\n');
    expect(await render(engine, '[{{ nil | markdownify }}]')).toBe('[]');
  });
});

describe('Liquid basics as Jekyll has them', () => {
  it('leaves raw text alone and drops comments', async () => {
    expect(await render(engine, '{% raw %}{{ not liquid }} {% if %}{% endraw %}')).toBe('{{ not liquid }} {% if %}');
    expect(await render(engine, 'a{% comment %}{{ x }} 注释{% endcomment %}b')).toBe('ab');
  });

  it('renders undefined variables empty by default', async () => {
    expect(await render(engine, '[{{ nope }}|{{ page.nope.deeper }}]', { page: {} })).toBe('[|]');
  });

  it('makes undefined variables an error with strictVariables', async () => {
    const { engine: strict } = await fixtureEngine({ strictVariables: true });
    await expect(render(strict, '{{ nope }}')).rejects.toThrow(/undefined variable: nope/);
    expect(await render(strict, '{{ page.title }}', { page: { title: '标题' } })).toBe('标题');
  });

  it('skips unknown filters unless strictFilters', async () => {
    expect(await render(engine, '{{ "x" | sassify }}')).toBe('x');
    const { engine: strict } = await fixtureEngine({ strictFilters: true });
    expect(() => strict.parse('{{ "x" | nosuch }}')).toThrow(/undefined filter: nosuch/);
  });

  it('carries assign and capture through one render', async () => {
    expect(await render(engine, '{% assign n = 2 %}{% capture c %}n={{ n }}{% endcapture %}{{ c }}')).toBe('n=2');
  });
});
