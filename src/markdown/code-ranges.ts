/**
 * Where the code is in a Markdown document — fenced and indented code blocks and code spans, as
 * CommonMark parses them — and a way to set it aside, so inkstone's own posts can run Liquid in
 * their prose without touching their code (a Helm chart's `{{ .Values.image }}` stays as written).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A range of the source, `[start, end)` in UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/** Markdown → mdast, loaded on first use (a warm build with nothing to render never loads micromark). */
let parse: Promise<(markdown: string) => Root> | undefined;

/** The ranges of every code block and code span of `markdown`, in order. */
export async function codeRanges(markdown: string): Promise<Range[]> {
  parse ??= import('mdast-util-from-markdown').then(
    ({ fromMarkdown }) =>
      (text: string) =>
        fromMarkdown(text),
  );
  const tree = (await parse)(markdown);
  const ranges: Range[] = [];
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      ranges.push({ start: node.position.start.offset, end: node.position.end.offset });
      return 'skip';
    }
    return undefined;
  });
  return ranges;
}

/** Placeholder markers: Unicode private-use characters, which Liquid passes through as text. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * `text` with `ranges` replaced by placeholders that keep the line count (so line numbers still
 * point into the source), and the function that puts the originals back into a transformed text
 * (every copy of a placeholder, wherever it ended up).
 */
export function setAside(text: string, ranges: readonly Range[]): { text: string; restore: (transformed: string) => string } {
  if (ranges.length === 0 || text.includes(OPEN)) return { text, restore: (t) => t };
  const originals: string[] = [];
  let out = '';
  let at = 0;
  for (const range of ranges) {
    const original = text.slice(range.start, range.end);
    out += text.slice(at, range.start) + `${OPEN}${originals.length}${CLOSE}` + '\n'.repeat(original.split('\n').length - 1);
    originals.push(original);
    at = range.end;
  }
  out += text.slice(at);
  const restore = (transformed: string) =>
    transformed.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}(\\n*)`, 'g'), (whole, n: string, newlines: string) => {
      const original = originals[Number(n)];
      if (original === undefined) return whole;
      const expected = original.split('\n').length - 1;
      return original + newlines.slice(expected);
    });
  return { text: out, restore };
}
