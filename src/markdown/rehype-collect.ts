/**
 * rehype plugin: one walk collecting what the rest of the build needs to know about a rendered
 * document — its headings (with ids, for tables of contents and link checks), every `id` (for
 * `#fragment` checks) and its first top-level paragraph (the default excerpt) — into `file.data`.
 * Runs after the heading ids are set.
 */
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Heading } from './file-data.js';

const isSelfLink = (node: Element['children'][number]) =>
  node.type === 'element' && node.tagName === 'a' && Array.isArray(node.properties.className) && node.properties.className.includes('anchor');

/** A heading's text, without its `#` self-link. */
export function headingText(node: Element): string {
  return hastToString({ ...node, children: node.children.filter((c) => !isSelfLink(c)) }).trim();
}

/** The plugin (no options). */
export default function rehypeCollect() {
  return (tree: Root, file: VFile) => {
    const headings: Heading[] = [];
    const ids: string[] = [];
    let firstParagraph: Element | undefined;
    visit(tree, 'element', (node: Element, _index, parent) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id) {
        ids.push(id);
        const depth = headingRank(node);
        if (depth) headings.push({ depth, id, text: headingText(node) });
      }
      if (!firstParagraph && node.tagName === 'p' && parent?.type === 'root') firstParagraph = node;
    });
    file.data.headings = headings;
    file.data.ids = ids;
    file.data.firstParagraph = firstParagraph;
  };
}
