/**
 * Excerpts, shown on other pages than the post's own (index, lists, feed summaries): relative links
 * and `#fragments` in them are made absolute, so they still point at the post's page and files.
 */
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { encodeHref, isExternal } from '../urls.js';
import { visitUrls } from './hast-urls.js';
import { MARKDOWN_FILE } from './rehype-normalize-links.js';

/** Makes every relative URL in `tree` absolute against `pageUrl` (a full URL path, base included); in place. */
export function absolutizeUrls(tree: Root | Element, pageUrl: string): void {
  const base = new URL(encodeHref(pageUrl), 'http://site.invalid');
  visitUrls(tree, (url) => {
    // Absolute already, a post link (normalized, or reported as missing), or Liquid left in an href.
    if (!url || isExternal(url) || url.startsWith('/') || url.startsWith('%7B') || MARKDOWN_FILE.test(url.replace(/[?#].*$/s, ''))) return undefined;
    try {
      const absolute = new URL(url, base);
      return absolute.pathname + absolute.search + absolute.hash;
    } catch {
      return undefined;
    }
  });
}

/** The text of a tree, whitespace folded: what a meta description or a search result shows. */
export function plainTextOf(tree: Root | Element): string {
  return hastToString(tree).replace(/\s+/g, ' ').trim();
}
