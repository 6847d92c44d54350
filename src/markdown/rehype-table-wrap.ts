/**
 * rehype plugin: wraps every table in `<div class="table-wrap">`, so the theme can make tables full
 * width and still let a wide one scroll sideways on a phone (a table cannot do both by itself).
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The plugin (no options). */
export default function rehypeTableWrap() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') return SKIP;
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      if (parent.type === 'element' && Array.isArray(parent.properties.className) && parent.properties.className.includes('table-wrap')) return SKIP;
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [node] };
      return SKIP;
    });
  };
}
