import { describe, expect, it } from 'vitest';
import { buildPost } from '../../src/content/post.js';
import { archiveByYear, categoryTerms, groupTerms, tagTerms } from '../../src/render/lists.js';
import type { Post } from '../../src/site/model.js';

/** A post from a file name and front matter (JSON values are valid YAML). */
function makePost(name: string, front: Record<string, unknown> = {}): Post {
  const fm = Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const text = `---\n${fm.join('\n')}\n---\nBody of ${name}.\n`;
  const { post, diagnostics } = buildPost(
    { path: `posts/${name}`, relPath: name, text, mtimeMs: 0 },
    { permalink: 'date', timezone: undefined, excerptSeparator: undefined },
  );
  if (!post) throw new Error(`${name}: ${JSON.stringify(diagnostics)}`);
  return post;
}

const titles = (posts: readonly Post[]) => posts.map((p) => p.title);

describe('groupTerms', () => {
  // Newest first, as the build hands them over.
  const posts = [
    makePost('2023-11-02-d.md', { title: 'D', categories: ['内核', 'linux'], tags: ['gdb'] }),
    makePost('2022-07-09-c.md', { title: 'C', categories: ['内核'], tags: ['C', 'gdb'] }),
    makePost('2021-03-14-b.md', { title: 'B', categories: ['shell'], tags: ['C++'] }),
    makePost('2020-01-01-a.md', { title: 'A', categories: ['内核', 'shell'], tags: ['C'] }),
  ];

  it('groups posts under each category, newest first inside a term', () => {
    const terms = categoryTerms(posts);
    expect(terms.map((t) => [t.name, titles(t.posts)])).toEqual([
      ['内核', ['D', 'C', 'A']],
      ['linux', ['D']],
      ['shell', ['B', 'A']],
    ]);
  });

  it('keeps CJK in slugs and URLs', () => {
    const kernel = categoryTerms(posts).find((t) => t.name === '内核')!;
    expect(kernel).toMatchObject({ slug: '内核', url: '/categories/内核/' });
  });

  it('gives names that slug alike distinct slugs (C, then C++)', () => {
    const terms = tagTerms(posts);
    expect(terms.map((t) => [t.name, t.slug, t.url, titles(t.posts)])).toEqual([
      ['C', 'c', '/tags/c/', ['C', 'A']],
      ['C++', 'c-1', '/tags/c-1/', ['B']],
      ['gdb', 'gdb', '/tags/gdb/', ['D', 'C']],
    ]);
  });

  it.each([
    [['Linux Kernel'], ['linux-kernel']],
    [
      ['内核', '内 核'],
      ['内核', '内-核'],
    ],
    [
      ['Docker', 'docker'],
      ['docker-1', 'docker'],
    ],
    [
      ['C#', 'C', 'C++'],
      ['c-1', 'c', 'c-2'],
    ],
    [
      ['函数（参数）', '【确信】'],
      ['函数参数', '确信'],
    ],
    [
      ['+++', '!!!'],
      ['term-1', 'term'],
    ],
    [
      ['+++', '!!!', '???'],
      ['term-2', 'term', 'term-1'],
    ],
    [
      ['term', '???'],
      ['term-1', 'term'],
    ],
  ])('slugs %j as %j', (names, slugs) => {
    const post = makePost('2020-01-01-x.md', { tags: names });
    const terms = groupTerms([post], (p) => p.tags, 'tags');
    const byName = new Map(terms.map((t) => [t.name, t.slug]));
    expect(names.map((n) => byName.get(n))).toEqual(slugs);
    expect(new Set(terms.map((t) => t.url)).size).toBe(names.length);
  });

  it('orders terms by name (zh-Hans collation: CJK by pinyin, then Latin), whatever order posts arrive in', () => {
    const a = makePost('2020-01-02-a.md', { tags: ['调度', 'zsh', 'Bash', '内存'] });
    const b = makePost('2020-01-01-b.md', { tags: ['awk', '进程'] });
    const forward = groupTerms([a, b], (p) => p.tags, 'tags').map((t) => [t.name, t.slug]);
    const backward = groupTerms([b, a], (p) => p.tags, 'tags').map((t) => [t.name, t.slug]);
    expect(forward.map(([name]) => name)).toEqual(['调度', '进程', '内存', 'awk', 'Bash', 'zsh']);
    expect(backward).toEqual(forward);
  });

  it('uses the base folder in URLs and returns nothing for no terms', () => {
    const post = makePost('2020-01-01-x.md', { categories: ['a'] });
    expect(groupTerms([post], (p) => p.categories, 'topics')[0]!.url).toBe('/topics/a/');
    expect(groupTerms([post], (p) => p.tags, 'tags')).toEqual([]);
    expect(categoryTerms([])).toEqual([]);
  });
});

describe('archiveByYear', () => {
  it('groups newest-first posts by year, newest year first', () => {
    const posts = [
      makePost('2023-11-02-d.md', { title: 'D' }),
      makePost('2023-01-05-c.md', { title: 'C' }),
      makePost('2021-03-14-b.md', { title: 'B' }),
      makePost('2020-01-01-a.md', { title: 'A' }),
    ];
    expect(archiveByYear(posts).map((y) => [y.year, titles(y.posts)])).toEqual([
      [2023, ['D', 'C']],
      [2021, ['B']],
      [2020, ['A']],
    ]);
  });

  it('uses the year the post was written in, not the UTC year', () => {
    // 00:30 on New Year's Day in +08:00 is still the previous year in UTC.
    const post = makePost('2021-01-01-new-year.md', { date: '2021-01-01 00:30:00 +0800' });
    expect(new Date(post.date.epochMs).getUTCFullYear()).toBe(2020);
    expect(archiveByYear([post]).map((y) => y.year)).toEqual([2021]);
  });

  it('is empty for no posts', () => {
    expect(archiveByYear([])).toEqual([]);
  });
});
