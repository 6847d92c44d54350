/**
 * rehype plugins around shiki: code that arrives already highlighted (`{% highlight %}` output,
 * raw HTML `pre.shiki`) must not be highlighted again — that would drop what the tag added (line
 * numbers, marked lines, `data-lang`) and cost a second tokenization. `hideHighlighted` renames such
 * `pre` elements so shiki passes them by; `restoreHighlighted` gives them their name back.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The name a highlighted `pre` carries while shiki runs. */
const HIDDEN = 'inkstone-highlighted-pre';

const isHighlighted = (node: Element) => node.tagName === 'pre' && Array.isArray(node.properties.className) && node.properties.className.includes('shiki');

/** Runs before shiki: renames already highlighted `pre` elements. */
export function hideHighlighted() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (isHighlighted(node)) {
        node.tagName = HIDDEN;
        return 'skip';
      }
      return undefined;
    });
  };
}

/** Runs after shiki: renames them back. */
export function restoreHighlighted() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === HIDDEN) {
        node.tagName = 'pre';
        return 'skip';
      }
      return undefined;
    });
  };
}
