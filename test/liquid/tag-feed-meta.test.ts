import { describe, expect, it } from 'vitest';
import { attr, one, parseFragment } from '../helpers/html.js';
import { fixtureEngine, render } from './engine-fixture.js';

describe('{% feed_meta %}', () => {
  it('links the Atom feed as jekyll-feed does, the title XML-escaped', async () => {
    const { engine } = await fixtureEngine();
    const out = await render(engine, '{% feed_meta %}', { site: { title: `Tom's "notes" & <more>` } });
    expect(out).toBe(
      '<link type="application/atom+xml" rel="alternate" href="https://example.github.io/notes/feed.xml" title="Tom&apos;s &quot;notes&quot; &amp; &lt;more&gt;" />',
    );
    const link = one(parseFragment(out), 'link');
    expect(attr(link, 'title')).toBe(`Tom's "notes" & <more>`);
  });

  it('uses feed.path and site.name, and writes no title without one', async () => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, '{% feed_meta %}', { site: { name: '内核笔记', feed: { path: 'atom.xml' } } })).toBe(
      '<link type="application/atom+xml" rel="alternate" href="https://example.github.io/notes/atom.xml" title="内核笔记" />',
    );
    expect(await render(engine, '{% feed_meta %}')).toBe(
      '<link type="application/atom+xml" rel="alternate" href="https://example.github.io/notes/feed.xml" />',
    );
  });
});
