/**
 * A post's table of contents, from the headings and ids the Markdown pipeline collected: the
 * headings of the chosen levels, nested under the nearest earlier heading of a higher rank (as
 * kramdown nests `{:toc}`), at most three deep so templates can render it with plain loops.
 */
import type { Heading } from '../markdown/file-data.js';
import { escapeXml } from './xml.js';

/** One entry of the table of contents. */
export interface TocEntry {
  id: string;
  text: string;
  depth: number;
  children: TocEntry[];
}

/** How deep the tree nests; deeper headings join the third level. */
export const TOC_MAX_NESTING = 3;

/** The ids of headings that are not sections (remark-rehype's footnotes heading). */
const NOT_SECTIONS = new Set(['footnote-label']);

/** `toc_levels` as kramdown writes it (`2..3`, `1,2,3`), a list, or a number; undefined when it is none of those. */
export function parseLevels(value: unknown): number[] | undefined {
  const valid = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 6;
  if (typeof value === 'number') return valid(value) ? [value] : undefined;
  if (Array.isArray(value)) return value.length && value.every(valid) ? [...new Set(value as number[])].sort() : undefined;
  if (typeof value !== 'string') return undefined;
  const range = /^\s*([1-6])\s*\.\.\s*([1-6])\s*$/.exec(value);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    return from <= to ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : undefined;
  }
  return /^\s*[1-6](?:\s*,\s*[1-6])*\s*$/.test(value) ? parseLevels(value.split(',').map(Number)) : undefined;
}

/** The table of contents of `headings`: empty when fewer than `minHeadings` of them are at `levels`. */
export function buildToc(headings: readonly Heading[], levels: readonly number[], minHeadings: number): TocEntry[] {
  const listed = headings.filter((h) => levels.includes(h.depth) && h.id && !NOT_SECTIONS.has(h.id));
  if (listed.length < Math.max(1, minHeadings)) return [];
  const root: TocEntry[] = [];
  const stack: TocEntry[] = [];
  for (const heading of listed) {
    const entry: TocEntry = { id: heading.id, text: heading.text, depth: heading.depth, children: [] };
    while (stack.length && stack.at(-1)!.depth >= entry.depth) stack.pop();
    if (stack.length >= TOC_MAX_NESTING) stack.length = TOC_MAX_NESTING - 1;
    (stack.at(-1)?.children ?? root).push(entry);
    stack.push(entry);
  }
  return root;
}

/**
 * The table of contents as nested `<ul>` lists of links to the headings (`page.toc_html`): the
 * default theme shows it twice on every post (inline and in the sidebar), so it is built once here
 * rather than by three nested Liquid loops per copy. Empty for an empty table.
 */
export function tocHtml(entries: readonly TocEntry[]): string {
  if (entries.length === 0) return '';
  const items = entries.map((e) => `<li><a href="#${escapeXml(e.id)}">${escapeXml(e.text)}</a>${tocHtml(e.children)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}
