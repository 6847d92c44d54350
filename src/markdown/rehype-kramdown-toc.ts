/**
 * rehype plugin: replaces the first list marked `{:toc}` (by remark-kramdown-ial.ts) with kramdown's
 * table of contents — a nested `<ul id="markdown-toc">` (or `<ol>`, as the marked list was) of
 * `<a href="#id" id="markdown-toc-id">` links to the document's headings, nested by level as
 * kramdown's `generate_toc_tree` nests them. It runs after the heading ids are set, so explicit
 * ids and rehype-slug's ids are the ones linked. Headings with the class `no_toc`, levels outside
 * `toc_levels` (`{::options toc_levels="2..3" /}`, or the plugin's option; default 1–6) and the
 * footnotes' own heading are left out. Entries keep the heading's inline markup, without its `#`
 * self-link, its footnote references, links (unwrapped, as kramdown does) or ids. Later `{:toc}`
 * lists stay ordinary lists; with no heading to list, the list is removed (kramdown writes nothing).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { TOC_PROPERTY } from './remark-kramdown-ial.js';

/** Options: the heading levels listed when the document does not say (kramdown's `toc_levels`). */
export interface TocOptions {
  levels?: readonly number[];
}

const ALL_LEVELS: readonly number[] = [1, 2, 3, 4, 5, 6];

/** kramdown's `toc_levels` value (`2..3` or `1,2,3`); undefined when it is not one. */
export function parseTocLevels(text: string): number[] | undefined {
  const range = /^([1-6])\.\.([1-6])$/.exec(text);
  if (range) return ALL_LEVELS.filter((level) => level >= Number(range[1]) && level <= Number(range[2]));
  if (/^[1-6](?:,[1-6])*$/.test(text)) return [...new Set(text.split(',').map(Number))];
  return undefined;
}

const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);
const isSelfLink = (node: ElementContent) => node.type === 'element' && node.tagName === 'a' && hasClass(node, 'anchor');
const isFootnoteRef = (node: ElementContent) =>
  node.type === 'element' && node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);

/** A heading's content as a TOC entry: kramdown's `fix_for_toc_entry`, plus no self-link and no ids. */
function entryContent(heading: Element): ElementContent[] {
  const fix = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((node) => {
      if (node.type !== 'element') return [node];
      if (isSelfLink(node) || isFootnoteRef(node)) return [];
      if (node.tagName === 'a') return fix(node.children);
      const { id: _id, ...properties } = node.properties;
      return [{ ...node, properties, children: fix(node.children) }];
    });
  return fix(structuredClone(heading.children));
}

interface Entry {
  level: number;
  item: Element;
  sublist: Element;
}

/** kramdown's `generate_toc_tree`: each entry goes under the nearest earlier entry of a lower level. */
function tocTree(headings: Element[], list: Element, prefix: string): Element {
  const nl = (): ElementContent => ({ type: 'text', value: '\n' });
  const close = (entry: Entry) => {
    if (entry.sublist.children.length) entry.item.children.push(nl(), { ...entry.sublist, children: [...entry.sublist.children, nl()] }, nl());
  };
  const stack: Entry[] = [];
  for (const heading of headings) {
    const id = String(heading.properties.id);
    const link: Element = { type: 'element', tagName: 'a', properties: { href: `#${id}`, id: `${prefix}-${id}` }, children: entryContent(heading) };
    const entry: Entry = {
      level: headingRank(heading)!,
      item: { type: 'element', tagName: 'li', properties: {}, children: [link] },
      sublist: { type: 'element', tagName: list.tagName, properties: {}, children: [] },
    };
    while (stack.length && stack.at(-1)!.level >= entry.level) close(stack.pop()!);
    (stack.at(-1)?.sublist ?? list).children.push(nl(), entry.item);
    stack.push(entry);
  }
  while (stack.length) close(stack.pop()!);
  list.children.push(nl());
  return list;
}

/** The plugin. */
export default function rehypeKramdownToc(options: TocOptions = {}) {
  return (tree: Root, file: VFile) => {
    if (!String(file.value).includes('{:')) return;
    let marked: { node: Element; parent: Root | Element } | undefined;
    const headings: Element[] = [];
    const optionLevels = file.data.kramdownOptions?.toc_levels;
    const levels = (optionLevels ? parseTocLevels(optionLevels) : undefined) ?? options.levels ?? ALL_LEVELS;
    visit(tree, 'element', (node, _index, parent) => {
      if (node.properties[TOC_PROPERTY] !== undefined) {
        delete node.properties[TOC_PROPERTY];
        if (!marked && parent) marked = { node, parent };
        return 'skip';
      }
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) return 'skip';
      const rank = headingRank(node);
      if (rank && levels.includes(rank) && typeof node.properties.id === 'string' && node.properties.id && !hasClass(node, 'no_toc')) headings.push(node);
    });
    if (!marked) return;
    const { node, parent } = marked;
    const at = parent.children.indexOf(node as RootContent & ElementContent);
    if (!headings.length) {
      parent.children.splice(at, 1);
      return;
    }
    const id = typeof node.properties.id === 'string' ? node.properties.id : 'markdown-toc';
    const list: Element = { type: 'element', tagName: node.tagName, properties: { ...node.properties, id }, children: [] };
    parent.children[at] = tocTree(headings, list, id);
  };
}
