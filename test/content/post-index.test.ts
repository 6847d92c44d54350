import { describe, expect, it } from 'vitest';
import { indexPosts, linkContextOf, linkedPosts, missingPostProblem, postsFolderOf } from '../../src/content/post-index.js';
import { makePost } from '../helpers/site.js';

const drafts = makePost('2020-01-01-some-drafts.md', { title: 'Some drafts', category: 'basic' });
const spaced = makePost('linux/2021-02-02-my notes.md', { title: 'Spaced' });
const underscored = makePost('2022-03-03-a_b.md', { title: 'Underscored' });
const index = indexPosts([drafts, spaced, underscored]);
const from = (body: string, rel = '2023-01-01-from.md') => makePost(rel, { title: 'From' }, body);

describe('linkedPosts', () => {
  it.each<[string, string, Record<string, string>]>([
    ['an inline link', '[x](./2020-01-01-some-drafts.md#内核)\n', { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' }],
    ['a bare name', 'see 2020-01-01-some-drafts.md\n', { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' }],
    ['a path with a space in <…>', '[x](<./linux/2021-02-02-my notes.md>)\n', { 'posts/linux/2021-02-02-my notes.md': '/2021/02/02/my notes.html' }],
    ['a percent-encoded path', '[x](./linux/2021-02-02-my%20notes.md)\n', { 'posts/linux/2021-02-02-my notes.md': '/2021/02/02/my notes.html' }],
    ['a backslash escape', '[x](./2022-03-03-a\\_b.md)\n', { 'posts/2022-03-03-a_b.md': '/2022/03/03/a_b.html' }],
    ['a reference definition', '[x]\n\n[x]: /posts/2020-01-01-some-drafts.md\n', { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' }],
    ['raw HTML', '<a href="2020-01-01-some-drafts.md">x</a>\n', { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' }],
    ['no post file', '[x](./nothing.md) and README.markdown\n', {}],
    ['no mention at all', 'plain text\n', {}],
  ])('%s', (_name, body, expected) => {
    expect(linkedPosts(from(body), index)).toEqual(expected);
  });

  it('resolves relative to the linking post folder', () => {
    expect(linkedPosts(from('[x](../2020-01-01-some-drafts.md)\n', 'linux/2023-01-01-from.md'), index)).toEqual({
      'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html',
    });
  });
});

describe('linkContextOf / postsFolderOf', () => {
  it('carries the base path, the post and only the posts it may link to', () => {
    expect(postsFolderOf(spaced)).toBe('posts');
    expect(linkContextOf(from('[x](./2020-01-01-some-drafts.md)\n'), index, '/notes')).toEqual({
      baseurl: '/notes',
      source: 'posts/2023-01-01-from.md',
      postsFolder: 'posts',
      pageUrl: '/2023/01/01/from.html',
      posts: { 'posts/2020-01-01-some-drafts.md': '/basic/2020/01/01/some-drafts.html' },
    });
  });
});

describe('missingPostProblem', () => {
  it('names the post that was probably meant, as a link from the post', () => {
    expect(missingPostProblem('posts/2020-01-01-some-draft.md', from(''), index)).toBe(
      'no post posts/2020-01-01-some-draft.md in this build (did you mean "./2020-01-01-some-drafts.md"?)',
    );
  });

  it('says why there may be none', () => {
    expect(missingPostProblem('posts/zzz.md', from(''), index)).toBe(
      'no post posts/zzz.md in this build (missing, unpublished, a draft, or dated in the future)',
    );
  });
});
