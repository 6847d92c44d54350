import { describe, expect, it } from 'vitest';
import { defaultsFor, parseDefaults, withDefaults } from '../../src/content/defaults.js';

describe('front matter defaults', () => {
  const { defaults, errors } = parseDefaults(
    [
      { scope: { path: '' }, values: { author: '站长', comments: true } },
      { scope: { path: '', type: 'posts' }, values: { layout: 'post' } },
      { scope: { path: 'notes', type: 'pages' }, values: { layout: 'note', author: '韩梅梅' } },
      { scope: { path: 'notes/deep' }, values: { author: '深' } },
      { scope: { type: 'things' }, values: { layout: 'never' } },
      { scope: { path: '_posts/*.md' }, values: { image: { path: 'a.png' } } },
    ],
    '_config.yml',
  );

  it('parses every valid entry; other collections apply to nothing', () => {
    expect(errors).toEqual([]);
    expect(defaults).toHaveLength(5);
  });

  it.each<[string, 'posts' | 'pages' | 'drafts', Record<string, unknown>]>([
    ['_posts/2020-01-01-a.md', 'posts', { author: '站长', comments: true, layout: 'post', image: { path: 'a.png' } }],
    ['_posts/kernel/2020-01-01-a.md', 'posts', { author: '站长', comments: true, layout: 'post' }],
    ['_drafts/a.md', 'drafts', { author: '站长', comments: true, layout: 'post' }],
    ['about.md', 'pages', { author: '站长', comments: true }],
    ['notes/index.md', 'pages', { author: '韩梅梅', comments: true, layout: 'note' }],
    ['notes/deep/x.md', 'pages', { author: '深', comments: true, layout: 'note' }],
    ['notesx/a.md', 'pages', { author: '站长', comments: true }],
  ])('%s (%s)', (path, type, expected) => {
    expect(defaultsFor(defaults, path, type)).toEqual(expected);
  });

  it('lets front matter win, merging mappings', () => {
    expect(withDefaults({ author: '李雷', image: { alt: 'x' } }, { author: '站长', image: { path: 'a.png' } })).toEqual({
      author: '李雷',
      image: { path: 'a.png', alt: 'x' },
    });
  });

  it('reports malformed defaults on the config file', () => {
    expect(parseDefaults({ scope: {} }, '_config.yml').errors[0]).toMatchObject({
      file: '_config.yml',
      message: '"defaults" must be a list of { scope, values }',
    });
    expect(parseDefaults([{ scope: {} }], '_config.yml').errors[0]).toMatchObject({ message: '"defaults" entry 1 needs "values:" (a mapping)' });
  });
});
