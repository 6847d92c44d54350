import { describe, expect, it } from 'vitest';
import { relatedPostsOf } from '../../src/render/related.js';
import { makePost } from '../helpers/site.js';

describe('relatedPostsOf', () => {
  // Newest first, as the build hands them over.
  const posts = [
    makePost('2024-01-04-d.md', { title: 'd', categories: ['kernel'], tags: ['sched'] }),
    makePost('2024-01-03-c.md', { title: 'c', categories: ['shell'], tags: ['bash'] }),
    makePost('2024-01-02-b.md', { title: 'b', categories: ['kernel'], tags: ['mm'] }),
    makePost('2024-01-01-a.md', { title: 'a', categories: ['kernel'], tags: ['sched', 'mm'] }),
    makePost('2023-12-31-z.md', { title: 'z' }),
  ];
  const titles = (list: { title: string }[]) => list.map((p) => p.title);

  it('ranks by shared tags (twice) and categories (once), newer first among equals', () => {
    const related = relatedPostsOf(posts, 3);
    expect(titles(related(posts[3]!))).toEqual(['d', 'b']);
    expect(titles(related(posts[0]!))).toEqual(['a', 'b']);
    expect(titles(relatedPostsOf(posts, 1)(posts[0]!))).toEqual(['a']);
  });

  it('lists nothing for a post that shares nothing, or with a limit of 0', () => {
    expect(relatedPostsOf(posts, 3)(posts[1]!)).toEqual([]);
    expect(relatedPostsOf(posts, 3)(posts[4]!)).toEqual([]);
    expect(relatedPostsOf(posts, 0)(posts[3]!)).toEqual([]);
  });
});
