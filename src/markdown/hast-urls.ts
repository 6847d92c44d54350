/** Visiting and rewriting every URL-bearing attribute of a hast tree (`href`, `src`, `srcset`, …). */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { URL_ATTRIBUTES } from '../urls.js';

/** hast property names of the URL attributes (`srcset` is `srcSet` in hast). */
const PROPERTY: Readonly<Record<string, string>> = { href: 'href', src: 'src', srcset: 'srcSet', poster: 'poster', data: 'data' };

/** Called for each URL; returns a replacement, or undefined to keep it. */
export type UrlVisitor = (url: string, element: Element, attribute: string) => string | undefined;

/** `a.png 2x` → [`a.png`, ` 2x`]: a srcset candidate's URL and descriptor. */
function splitCandidate(candidate: string): [string, string] {
  const trimmed = candidate.trim();
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed, ''] : [trimmed.slice(0, space), trimmed.slice(space)];
}

/** Calls `visitor` for every URL in the tree, in document order, and applies its replacements. */
export function visitUrls(tree: Root | Element, visitor: UrlVisitor): void {
  visit(tree, 'element', (element: Element) => {
    const attributes = URL_ATTRIBUTES[element.tagName];
    if (!attributes) return;
    for (const attribute of attributes) {
      const property = PROPERTY[attribute]!;
      const value = element.properties[property];
      if (typeof value === 'string') {
        const next = visitor(value.trim(), element, attribute);
        if (next !== undefined) element.properties[property] = next;
      } else if (Array.isArray(value) && attribute === 'srcset') {
        element.properties[property] = value.map((candidate) => {
          const [url, descriptor] = splitCandidate(String(candidate));
          const next = visitor(url, element, attribute);
          return next === undefined ? candidate : next + descriptor;
        });
      }
    }
  });
}
