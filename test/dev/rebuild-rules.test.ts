/** The comparisons dev's rebuild policy decides by: literal cases. */
import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config/config.js';
import { sameListing, sameSettings, withPages } from '../../src/dev/rebuild-rules.js';
import { error, warning } from '../../src/diagnostics.js';
import type { PageSpec } from '../../src/render/page-specs.js';
import { makePost } from '../helpers/site.js';

describe('sameListing', () => {
  const post = makePost('2020-01-01-a.md', { title: 'A', tags: ['x'] });
  it.each([
    ['the body only', makePost('2020-01-01-a.md', { title: 'A', tags: ['x'] }, 'Other body.\n'), true],
    ['the title', makePost('2020-01-01-a.md', { title: 'B', tags: ['x'] }), false],
    ['a tag', makePost('2020-01-01-a.md', { title: 'A', tags: ['y'] }), false],
    ['the date (and so the URL)', makePost('2020-01-02-a.md', { title: 'A', tags: ['x'] }), false],
  ])('an edit of %s → %s', (_what, edited, same) => {
    expect(sameListing(post, edited)).toBe(same);
  });
});

describe('sameSettings', () => {
  const config = { title: 'T', outDir: '/site/public', data: { a: 1 } } as unknown as SiteConfig;
  it('is true for equal settings, false when a setting or a site.* key differs', () => {
    expect(sameSettings(config, { ...config, data: { a: 1 } })).toBe(true);
    expect(sameSettings(config, { ...config, title: 'U' })).toBe(false);
    expect(sameSettings(config, { ...config, data: { a: 2 } })).toBe(false);
  });
});

describe('withPages', () => {
  it('keeps the warnings, each with the pages its file produced (none for a file that produced none)', () => {
    const specs = [{ path: 'a.html', source: 'posts/a.md' }, { path: 'a/amp.html', source: 'posts/a.md' }, { path: 'index.html' }] as PageSpec[];
    const list = [warning('posts/a.md', 'w', 3), error('posts/b.md', 'e', 1), warning('_config.yml', 'c', 2)];
    expect(withPages(list, specs)).toEqual([
      { ...list[0], pages: ['a.html', 'a/amp.html'] },
      { ...list[2], pages: undefined },
    ]);
  });
});
