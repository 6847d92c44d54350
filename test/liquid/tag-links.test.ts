import { describe, expect, it } from 'vitest';
import { fixtureEngine, render } from './engine-fixture.js';

describe('{% post_url %}', () => {
  it.each([
    ['{% post_url 2020-01-01-some-drafts %}', '/notes/basic/2020/01/01/some-drafts.html'],
    ['{% post_url kernel/2021-03-14-preempt-count %}', '/notes/kernel/sched/2021/03/14/preempt-count.html'],
    ['{% post_url /2020-01-01-some-drafts %}', '/notes/basic/2020/01/01/some-drafts.html'],
    ['{% post_url linux/2020-08-10-cgroup-v2 %}', '/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2.html'],
  ])('%s → %s (with the base path, as Jekyll 4)', async (template, expected) => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, template)).toBe(expected);
  });

  it('reports an unknown post with the hook’s message', async () => {
    const { engine } = await fixtureEngine();
    await expect(render(engine, '{% post_url 2020-01-0-x %}')).rejects.toThrow('post_url: no post named "2020-01-0-x"');
  });

  it('refuses a name without a date when parsing', async () => {
    const { engine } = await fixtureEngine();
    expect(() => engine.parse('{% post_url some-drafts %}')).toThrow(/post_url: "some-drafts" is not a post name/);
  });
});

describe('{% link %}', () => {
  it.each([
    ['{% link _posts/2020-01-01-some-drafts.md %}', '/notes/basic/2020/01/01/some-drafts.html'],
    ['{% link about.md %}', '/notes/about/'],
    ['{% link /about.md %}', '/notes/about/'],
    ['{% link {{ page.other }} %}', '/notes/about/'],
  ])('%s → %s', async (template, expected) => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, template, { page: { other: 'about.md' } })).toBe(expected);
  });

  it('reports an unknown document and an empty path', async () => {
    const { engine } = await fixtureEngine();
    await expect(render(engine, '{% link nope.md %}')).rejects.toThrow('link: no document "nope.md"');
    expect(() => engine.parse('{% link %}')).toThrow(/link: a source path is needed/);
  });
});
