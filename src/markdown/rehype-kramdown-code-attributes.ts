/**
 * rehype plugin: puts a code block's IAL attributes (`{: .class #id}` after a fence) on its `pre`,
 * the block's outermost element, as kramdown does for unhighlighted code (with rouge, Jekyll puts
 * them on the wrapping `div`; inkstone has none). remark-kramdown-ial.ts wraps such a block in a
 * marked `div` carrying the attributes, because shiki replaces the `pre` it highlights with a new
 * one; this runs after shiki, merges the attributes into that `pre` (classes added, the rest set)
 * and removes the wrapper.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CODE_PROPERTY } from './remark-kramdown-ial.js';

/** The `pre` of a code block: the wrapper's child, or the first child of shiki's fragment. */
function preOf(wrapper: Element): Element | undefined {
  for (const child of wrapper.children as Array<ElementContent | Root>) {
    if (child.type === 'element' && child.tagName === 'pre') return child;
    if (child.type === 'root') return child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
  }
  return undefined;
}

const classList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];

/** `pre`'s properties with the wrapper's classes added and its other attributes set (shiki spells `class`, not `className`). */
function merged(properties: Properties, className: unknown, attributes: Properties): Properties {
  const classes = [...classList(properties.className), ...classList(properties.class), ...classList(className)];
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'class' || key === 'className') out.className ??= classes;
    else out[key] = value;
  }
  if (classes.length) out.className ??= classes;
  return { ...out, ...attributes };
}

/** The plugin (no options). */
export default function rehypeKramdownCodeAttributes() {
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('{:')) return;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'div' || node.properties[CODE_PROPERTY] === undefined || !parent || index === undefined) return;
      const { [CODE_PROPERTY]: _mark, className, ...attributes } = node.properties;
      const pre = preOf(node);
      if (pre) pre.properties = merged(pre.properties, className, attributes);
      parent.children.splice(index, 1, ...(node.children as ElementContent[]));
      return index;
    });
  };
}
