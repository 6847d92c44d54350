/** Test helpers: parse HTML with hast-util-from-html and query it with CSS selectors (hast-util-select). */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';

/** Parses an HTML fragment (a rendered post body); throws on any parse error so malformed output fails. */
export function parseFragment(html: string): Root {
  return fromHtml(html, {
    fragment: true,
    onerror(message) {
      throw new Error(`HTML parse error: ${message.reason} at ${message.line}:${message.column}`);
    },
  });
}

/** Parses a whole HTML document (a page rendered through layouts). */
export function parseDocument(html: string): Root {
  return fromHtml(html, {
    onerror(message) {
      throw new Error(`HTML parse error: ${message.reason} at ${message.line}:${message.column}`);
    },
  });
}

/** The first element matching `selector`; fails the test when there is none. */
export function one(tree: Root | Element, selector: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`no element matches ${JSON.stringify(selector)}`);
  return found;
}

/** Every element matching `selector`. */
export function all(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

/** Text content of a node. */
export function text(node: Root | Element): string {
  return hastToString(node);
}

/** A string attribute (by hast property name: `href`, `id`, `src`, `style`, `ariaLabel` ...). */
export function attr(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Class names of an element. */
export function classes(el: Element): string[] {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Element children of a node. */
export function childElements(el: Root | Element): Element[] {
  return (el.children as RootContent[]).filter((c): c is Element => c.type === 'element');
}

/** Tag names of an element's element children, in order. */
export function childTags(el: Root | Element): string[] {
  return childElements(el).map((c) => c.tagName);
}
