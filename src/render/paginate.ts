/**
 * jekyll-paginate's paginator: with `paginate: N`, the index shows N posts and pages 2, 3, … go to
 * `paginate_path` (`/page:num/` by default), each with a `paginator` object of Jekyll's shape.
 */
import { outputPathForUrl } from '../content/permalink.js';

/** One index page: where it goes and its `paginator`. */
export interface Pager {
  url: string;
  outputPath: string;
  paginator: Record<string, unknown>;
}

/** The URL of index page `num` (1 is the index itself). */
export function pagerUrl(num: number, pathPattern: string, indexUrl = '/'): string {
  if (num <= 1) return indexUrl;
  const expanded = pathPattern.replace(':num', String(num));
  return `/${expanded}`.replace(/\/{2,}/g, '/');
}

/** The index pages for `posts` (newest first), `perPage` each; always at least one. */
export function paginate<T>(posts: readonly T[], perPage: number, pathPattern: string, indexUrl = '/'): Pager[] {
  const totalPages = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: totalPages }, (_, i) => {
    const page = i + 1;
    const url = pagerUrl(page, pathPattern, indexUrl);
    return {
      url,
      outputPath: outputPathForUrl(url),
      paginator: {
        page,
        per_page: perPage,
        posts: posts.slice(i * perPage, page * perPage),
        total_posts: posts.length,
        total_pages: totalPages,
        previous_page: page > 1 ? page - 1 : null,
        previous_page_path: page > 1 ? pagerUrl(page - 1, pathPattern, indexUrl) : null,
        next_page: page < totalPages ? page + 1 : null,
        next_page_path: page < totalPages ? pagerUrl(page + 1, pathPattern, indexUrl) : null,
      },
    };
  });
}
