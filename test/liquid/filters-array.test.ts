import type { Liquid } from 'liquidjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureEngine, render } from './engine-fixture.js';

// The posts of a small Jekyll site (newest first, as site.posts is); expected results are what
// Jekyll 4.3.1 printed for the same posts.
const third = { title: 'Third', date: '2021-03-22T23:59:00+08:00', categories: [], url: '/2021/03/22/third.html' };
const second = {
  title: 'Second',
  date: '2020-02-03T09:05:07+08:00',
  categories: ['kernel'],
  weight: 9,
  featured: 'yes',
  url: '/kernel/2020/02/03/second.html',
};
const hello = { title: '你好', date: '2020-01-01T16:00:00+08:00', categories: ['kernel', 'mm'], weight: '10', url: '/kernel/mm/2020/01/01/hello.html' };
const site = { posts: [third, second, hello], categories: { kernel: [second, hello], mm: [hello] } };
/** A hash of hashes, as `site.data.people` from a YAML mapping: where and group_by read its values. */
const people = { lilei: { title: '李雷', team: '内核' }, hanmeimei: { title: '韩梅梅', team: '内核' }, tom: { title: 'Tom', team: 'shell' } };

let engine: Liquid;
beforeAll(async () => {
  ({ engine } = await fixtureEngine());
});

const titles = (expression: string) => `{% assign r = ${expression} %}{{ r | map: "title" | join: "," }}`;

describe('where', () => {
  it.each([
    ['site.posts | where: "categories", "kernel"', 'Second,你好'],
    ['site.posts | where: "weight", 9', 'Second'],
    ['site.posts | where: "weight", "9"', 'Second'],
    ['site.posts | where: "weight", "10"', '你好'],
    ['site.posts | where: "weight", 10', '你好'],
    ['site.posts | where: "featured", nil', 'Third,你好'],
    ['site.posts | where: "categories", empty', 'Third'],
    ['site.posts | where: "title", "你好"', '你好'],
    ['site.posts | where: "nosuch", "x"', ''],
    ['people | where: "team", "内核"', '李雷,韩梅梅'],
  ])('%s → %j', async (expression, expected) => {
    expect(await render(engine, titles(expression), { site, people })).toBe(expected);
  });

  it('returns the input when there is no property or the value is a list', async () => {
    expect(await render(engine, titles('site.posts | where: nil, "x"'), { site })).toBe('Third,Second,你好');
    expect(await render(engine, titles('site.posts | where: "categories", site.posts'), { site })).toBe('Third,Second,你好');
  });
});

describe('where_exp and find_exp', () => {
  it.each([
    ['site.posts | where_exp: "item", "item.featured"', 'Second'],
    [`site.posts | where_exp: "item", "item.categories contains 'mm' or item.title == 'Third'"`, 'Third,你好'],
    ['site.posts | where_exp: "p", "p.weight == 9"', 'Second'],
    ['people | where_exp: "p", "p.team == \'内核\'"', '李雷,韩梅梅'],
  ])('%s → %j', async (expression, expected) => {
    expect(await render(engine, titles(expression), { site, people })).toBe(expected);
  });

  it('finds the first match or nothing', async () => {
    expect(await render(engine, '{% assign f = site.posts | find_exp: "x", "x.weight == 9" %}{{ f.title }}', { site })).toBe('Second');
    expect(await render(engine, '{% assign f = site.posts | find_exp: "x", "x.weight == 1" %}[{{ f.title }}]', { site })).toBe('[]');
  });
});

describe('find', () => {
  it('compares as where does', async () => {
    expect(await render(engine, '{% assign f = site.posts | find: "weight", 10 %}{{ f.title }}', { site })).toBe('你好');
    expect(await render(engine, '{% assign f = site.posts | find: "categories", "kernel" %}{{ f.title }}', { site })).toBe('Second');
  });
});

describe('group_by and group_by_exp', () => {
  const groups = '{% for g in groups %}[{{ g.name }}:{{ g.size }}:{{ g.items | map: "title" | join: "+" }}]{% endfor %}';
  it.each([
    ['site.posts | group_by: "categories"', '[[]:1:Third][["kernel"]:1:Second][["kernel", "mm"]:1:你好]'],
    ['site.posts | group_by: "weight"', '[:1:Third][9:1:Second][10:1:你好]'],
    [`site.posts | group_by_exp: "post", "post.date | date: '%Y'"`, '[2021:1:Third][2020:2:Second+你好]'],
    ['site.posts | group_by_exp: "post", "post.categories"', '[:1:Third][kernel:1:Second][kernelmm:1:你好]'],
  ])('%s → %s', async (expression, expected) => {
    expect(await render(engine, `{% assign groups = ${expression} %}${groups}`, { site })).toBe(expected);
  });

  it('groups equal lists together, as Ruby compares arrays by content', async () => {
    const posts = [{ tags: ['a', 'b'] }, { tags: ['a', 'b'] }, { tags: ['c'] }];
    expect(await render(engine, '{% assign g = posts | group_by_exp: "p", "p.tags" %}{{ g.size }} {{ g[0].size }}', { posts })).toBe('2 2');
  });
});

describe('sort', () => {
  it.each([
    ['site.posts | sort: "weight"', 'Third,Second,你好'],
    ['site.posts | sort: "weight", "last"', 'Second,你好,Third'],
    ['site.posts | sort: "title"', 'Second,Third,你好'],
    ['site.posts | sort: "date"', '你好,Second,Third'],
  ])('%s → %j', async (expression, expected) => {
    expect(await render(engine, titles(expression), { site })).toBe(expected);
  });

  it('sorts values by Ruby order, and a hash as [key, value] pairs', async () => {
    expect(await render(engine, '{{ "b,a,C,中" | split: "," | sort | join: "," }}')).toBe('C,a,b,中');
    expect(await render(engine, '{{ list | sort | join: "," }}', { list: [10, 9, 100] })).toBe('9,10,100');
    expect(await render(engine, '{% assign s = site.categories | sort %}{% for c in s %}{{ c[0] }}={{ c[1].size }};{% endfor %}', { site })).toBe(
      'kernel=2;mm=1;',
    );
  });

  it('refuses nil input and an unknown nils order', async () => {
    await expect(render(engine, '{{ nothing | sort }}')).rejects.toThrow('sort: cannot sort a nil value');
    await expect(render(engine, '{{ site.posts | sort: "title", "middle" }}', { site })).rejects.toThrow('sort: invalid nils order "middle"');
  });
});

describe('pop, shift, push, unshift, sample', () => {
  it.each([
    ['{{ "a,b,c,d" | split: "," | pop: 2 | join: "," }}', 'a,b'],
    ['{{ "a,b,c,d" | split: "," | pop | join: "," }}', 'a,b,c'],
    ['{{ "a,b,c,d" | split: "," | shift: 2 | join: "," }}', 'c,d'],
    ['{{ "a,b" | split: "," | push: "中" | join: "," }}', 'a,b,中'],
    ['{{ "a,b" | split: "," | unshift: "z" | join: "," }}', 'z,a,b'],
    ['{{ "a,b,c" | split: "," | sample: 2 | size }}', '2'],
    ['{{ "text" | pop }}', 'text'],
  ])('%s → %j', async (template, expected) => {
    expect(await render(engine, template)).toBe(expected);
  });

  it('samples one item of the list', async () => {
    expect(['a', 'b', 'c']).toContain(await render(engine, '{{ "a,b,c" | split: "," | sample }}'));
  });
});
