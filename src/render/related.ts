/**
 * Related posts: the posts sharing the most tags and categories with a post (a shared tag counts
 * twice, a category once: tags say more about a post than its folder), newer first among equals.
 * Posts sharing nothing are never listed. Scores come from a term → posts index built once, so a
 * site costs the sum of its terms' sizes, not posts².
 */
import type { Post } from '../site/model.js';

/**
 * For the site's posts (newest first), a function giving up to `limit` posts related to a post. It
 * looks posts up by source path, so a caller planning a few pages (dev's fast path) gets the lists
 * a full plan gives.
 */
export function relatedPostsOf(posts: readonly Post[], limit: number): (post: Post) => Post[] {
  const orderOf = new Map(posts.map((p, order) => [p.source, order]));
  const byTerm = new Map<string, number[]>();
  const add = (key: string, order: number) => {
    const list = byTerm.get(key);
    if (list) list.push(order);
    else byTerm.set(key, [order]);
  };
  posts.forEach((post, order) => {
    for (const tag of new Set(post.tags)) add(`t:${tag}`, order);
    for (const category of new Set(post.categories)) add(`c:${category}`, order);
  });
  return (post) => {
    const index = orderOf.get(post.source);
    if (index === undefined || limit <= 0) return [];
    const scores = new Map<number, number>();
    const count = (key: string, weight: number) => {
      for (const order of byTerm.get(key) ?? []) if (order !== index) scores.set(order, (scores.get(order) ?? 0) + weight);
    };
    for (const tag of new Set(post.tags)) count(`t:${tag}`, 2);
    for (const category of new Set(post.categories)) count(`c:${category}`, 1);
    return [...scores]
      .sort(([a, sa], [b, sb]) => sb - sa || a - b)
      .slice(0, limit)
      .map(([order]) => posts[order]!);
  };
}
