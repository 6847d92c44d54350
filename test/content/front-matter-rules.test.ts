import { describe, expect, it } from 'vitest';
import { checkFrontMatter } from '../../src/content/front-matter-rules.js';
import { buildPage } from '../../src/content/page.js';
import { buildPost, type PostSettings } from '../../src/content/post.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

const settings: PostSettings = { permalink: 'date', timezone: undefined, excerptSeparator: undefined };
const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\nBody.\n`;

/** A post at `posts/2020-01-01-x.md`: the post (if any) and the diagnostics as printed. */
function post(...lines: string[]) {
  const { post, diagnostics } = buildPost({ path: 'posts/2020-01-01-x.md', relPath: '2020-01-01-x.md', text: fm(...lines), mtimeMs: 0 }, settings);
  return { post, printed: diagnostics.map(formatDiagnostic) };
}

/** A page at `about.md`, as `post`. */
function page(...lines: string[]) {
  const { page, diagnostics } = buildPage({ path: 'about.md', relPath: 'about.md', text: fm(...lines), mtimeMs: 0 }, { permalink: 'date' });
  return { page, printed: diagnostics.map(formatDiagnostic) };
}

describe('front matter of the wrong type: the lines of the issue', () => {
  it('title: [a, b]', () => {
    expect(post('title: [a, b]')).toEqual({ post: undefined, printed: ['posts/2020-01-01-x.md:2: "title" should be text, not a list'] });
  });

  it('categories: {x: 1}', () => {
    expect(post('title: t', 'categories: {x: 1}').printed).toEqual(['posts/2020-01-01-x.md:3: "categories" should be text or a list of text, not a mapping']);
  });

  it('published: "no" keeps the post unpublished', () => {
    expect(post('published: "no"')).toMatchObject({ post: { published: false }, printed: [] });
  });

  it('layout: {a: 1} says what is wrong (not layout "[object Object]")', () => {
    expect(post('title: t', 'layout: {a: 1}').printed).toEqual(['posts/2020-01-01-x.md:3: "layout" should be text, not a mapping']);
  });
});

describe("the default theme's keys: toc, toc_levels, search", () => {
  it('reads YAML 1.1 words and kramdown levels', () => {
    expect(post('toc: no', 'search: off', 'toc_levels: "2..4"')).toMatchObject({
      post: { data: { toc: false, search: false, toc_levels: '2..4' } },
      printed: [],
    });
    expect(post('toc_levels: [1, 2]').printed).toEqual([]);
  });

  it('says what is wrong, at its line', () => {
    expect(post('title: t', 'toc_levels: 7').printed).toEqual([
      'posts/2020-01-01-x.md:3: "toc_levels" should be heading levels such as "2..3", "2,3" or [2, 3], not the number 7',
    ]);
    expect(post('title: t', 'toc: maybe').printed).toEqual([
      'posts/2020-01-01-x.md:3: warning: "toc" should be true or false, not "maybe"; the site\'s toc setting applies',
    ]);
  });
});

describe('published: no never publishes', () => {
  it.each(['no', 'No', 'NO', 'off', 'Off', 'n', 'N', 'false', 'FALSE', '"no"', "'off'"])('published: %s → not published', (value) => {
    expect(post(`published: ${value}`)).toMatchObject({ post: { published: false, data: { published: false } }, printed: [] });
  });

  it.each(['yes', 'Yes', 'on', 'ON', 'y', 'true'])('published: %s → published', (value) => {
    expect(post(`published: ${value}`)).toMatchObject({ post: { published: true }, printed: [] });
  });

  it('published: maybe → a warning, and the post is not published', () => {
    expect(post('title: t', 'published: maybe')).toMatchObject({
      post: { published: false },
      printed: ['posts/2020-01-01-x.md:3: warning: "published" should be true or false, not "maybe"; it is not published (write true to publish it)'],
    });
  });

  it('published: [a] → an error', () => {
    expect(post('published: [a]').printed).toEqual(['posts/2020-01-01-x.md:2: "published" should be true or false, not a list']);
  });

  it('reads the other flags the same way', () => {
    expect(post('render_with_liquid: no').post?.liquid).toBe('none');
    expect(post('sitemap: off').post?.data.sitemap).toBe(false);
    expect(post('render_with_liquid: perhaps').printed).toEqual([
      'posts/2020-01-01-x.md:2: warning: "render_with_liquid" should be true or false, not "perhaps"; Liquid runs as usual',
    ]);
  });
});

describe('each known key is checked', () => {
  it.each([
    ['title: true', '"title" should be text, not true'],
    ['tags: {a: 1}', '"tags" should be text or a list of text, not a mapping'],
    ['tags: [a, [b]]', '"tags" should be text or a list of text, not a list holding a list'],
    ['category: {a: 1}', '"category" should be text or a list of text, not a mapping'],
    ['date: 2020', '"date" should be a date such as 2020-01-01, not the number 2020'],
    ['date: someday', 'invalid date "someday" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)'],
    ['layout: [post]', '"layout" should be text, not a list'],
    ['permalink: [a]', '"permalink" should be text, not a list'],
    ['redirect_from: {a: 1}', '"redirect_from" should be text or a list of text, not a mapping'],
    ['redirect_to: {a: 1}', '"redirect_to" should be text or a list of text, not a mapping'],
    ['excerpt: [a]', '"excerpt" should be text, not a list'],
    ['render_with_liquid: 0', '"render_with_liquid" should be true or false, not the number 0'],
    ['last_modified_at: yesterday', 'invalid date "yesterday" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)'],
  ])('%s', (line, message) => {
    expect(post('title: ok', line).printed).toEqual([`posts/2020-01-01-x.md:3: ${message}`]);
  });

  it.each([
    ['title: 2024', { title: '2024' }],
    ['tags: [2020, linux, true]', { tags: ['2020', 'linux', 'true'] }],
    ['category: linux kernel', { categories: ['linux kernel'] }],
    ['layout: false', { layout: 'none' }],
    ['layout:', { layout: 'none' }],
    ['redirect_from: /old.html', { data: { redirect_from: '/old.html' } }],
    ['last_modified_at: 2021-01-01 10:00:00 +0800', { data: { last_modified_at: '2021-01-01 10:00:00 +0800' } }],
  ])('accepts %s', (line, expected) => {
    expect(post(line)).toMatchObject({ post: expected, printed: [] });
  });

  it('passes unknown keys through untouched', () => {
    expect(post('comments: yes', 'mathjax: [1, 2]').post?.data).toEqual({ comments: 'yes', mathjax: [1, 2] });
  });

  it('reports every problem of a post in one run', () => {
    expect(post('title: [a]', 'tags: {b: 1}', 'category: ..').printed.sort()).toEqual([
      'posts/2020-01-01-x.md:2: "title" should be text, not a list',
      'posts/2020-01-01-x.md:3: "tags" should be text or a list of text, not a mapping',
      'posts/2020-01-01-x.md:4: category or tag ".." may not contain "/", "\\" or be "." or ".."',
    ]);
  });

  it('finds the line of a quoted key, after a BOM and CRLF line ends', () => {
    const text = '\uFEFF---\r\ntitle: ok\r\n# note\r\n"layout": {a: 1}\r\n---\r\nBody.\r\n';
    const { diagnostics } = buildPost({ path: 'posts/2020-01-01-x.md', relPath: '2020-01-01-x.md', text, mtimeMs: 0 }, settings);
    expect(diagnostics.map(formatDiagnostic)).toEqual(['posts/2020-01-01-x.md:4: "layout" should be text, not a mapping']);
  });
});

describe('pages are checked the same way', () => {
  it('title: [a, b] in a page', () => {
    expect(page('title: [a, b]')).toEqual({ page: undefined, printed: ['about.md:2: "title" should be text, not a list'] });
  });

  it('published: no in a page', () => {
    expect(page('published: no').page?.data.published).toBe(false);
  });
});

describe('checkFrontMatter', () => {
  it('returns the data as it is when all is well', () => {
    const data = { title: 't', tags: ['a'], extra: { deep: 1 } };
    expect(checkFrontMatter(data, '---\ntitle: t\n', 'x.md')).toEqual({ data, diagnostics: [] });
  });
});
