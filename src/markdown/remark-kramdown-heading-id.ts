/**
 * remark plugin: kramdown's header ids, `## Title {#custom-id}` (ATX or setext): the id is set on
 * the heading (rehype-slug keeps it) and the `{#…}` leaves the text. The id is an XML name, as in
 * kramdown's HEADER_ID (`{#1st}` stays text); an escaped `\{#id}` stays text, and so does one
 * followed by a closing `##` sequence (kramdown reads the id before it drops that sequence).
 * Beyond kramdown, `{#id .class key="value"}` also sets the attributes after the id (kramdown
 * leaves that form as text).
 */
import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isEmpty, parseAttributeList, setAttributes } from './remark-kramdown-attribute-list.js';

// REXML's NAME_START_CHAR and NAME_CHAR, which kramdown's HEADER_ID uses.
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const NAME = String.raw`[${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]`;
const HEADER_ID = new RegExp(String.raw`[\t ]\{#([${NAME_START}]${NAME}*)(?:[\t ]((?:\\\}|[^}])*))?\}$`, 'u');

/** Takes a trailing `{#id …}` off a heading's text into its attributes. */
function takeId(heading: Heading, source: string): void {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return;
  const match = HEADER_ID.exec(last.value);
  const end = last.position?.end.offset;
  if (!match || end === undefined) return;
  // As written in the source: not `\{#id}` (remark has already removed the backslash), no closing `#`s after it.
  if (source.slice(end - match[0].length, end) !== match[0]) return;
  if (/^[\t ]*#/.test(source.slice(end, heading.position?.end.offset))) return;
  const rest = parseAttributeList(match[2] ?? '');
  if (match[2]?.trim() && isEmpty(rest)) return;
  setAttributes(heading, { set: [['id', match[1]!], ...rest.set], refs: [] });
  last.value = last.value.slice(0, match.index).trimEnd();
  if (!last.value) heading.children.pop();
}

/** The plugin (no options). */
export default function remarkKramdownHeadingId() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (source.includes('{#')) visit(tree, 'heading', (node) => takeId(node, source));
  };
}
