/** Which loaded posts a build publishes, and in what order. */
import { futureWarning, isFuture } from '../content/post.js';
import { type Diagnostic, error } from '../diagnostics.js';
import type { Post } from '../site/model.js';

/** Options for choosing which posts are built. */
export interface SelectOptions {
  future: boolean;
  unpublished: boolean;
  nowMs: number;
}

/** Keeps publishable posts, newest first; reports skipped future posts (and when the first of them is due) and duplicate URLs. */
export function selectPosts(candidates: readonly Post[], options: SelectOptions): { posts: Post[]; diagnostics: Diagnostic[]; nextFutureMs?: number } {
  const diagnostics: Diagnostic[] = [];
  const kept: Post[] = [];
  let nextFutureMs: number | undefined;
  for (const post of candidates) {
    if (!post.published && !options.unpublished) continue;
    if (!options.future && isFuture(post, options.nowMs)) {
      diagnostics.push(futureWarning(post));
      nextFutureMs = Math.min(nextFutureMs ?? Infinity, post.date.epochMs);
      continue;
    }
    kept.push(post);
  }
  const byUrl = new Map<string, Post>();
  for (const post of kept) {
    const key = post.outputPath.normalize('NFC').toLowerCase();
    const other = byUrl.get(key);
    if (other) diagnostics.push(error(post.source, `URL ${post.url} is also claimed by ${other.source}`, 1));
    else byUrl.set(key, post);
  }
  return { posts: sortNewestFirst(kept), diagnostics, ...(nextFutureMs !== undefined ? { nextFutureMs } : {}) };
}

/** Newest first; ties broken by source path so the order never depends on the disk. */
export function sortNewestFirst(posts: readonly Post[]): Post[] {
  return [...posts].sort((a, b) => b.date.epochMs - a.date.epochMs || (a.source < b.source ? 1 : a.source > b.source ? -1 : 0));
}
