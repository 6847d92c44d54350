/**
 * A rendered post body as searchable text: its sections (the text before the first heading, then
 * one per heading that has an id), each as plain text with blocks on lines of their own. What a
 * reader does not see as text is left out: heading self-links (`#`), shell prompts, footnote
 * marks and back-links, screen-reader-only labels, kramdown's `{:toc}` list, buttons, scripts and
 * styles, and anything inside an element marked `data-search-ignore`. Code is kept: notes are
 * searched for commands too. A change to what is extracted needs a new INDEX_VERSION
 * (index-files.ts), or warm builds keep chunks extracted the old way.
 *
 * A small tag scanner rather than an HTML parser: the input is the pipeline's own output (or raw
 * HTML passed through it), and this runs over every post of a cold build.
 */
import { decodeHTML } from 'entities';

/** One section of a post: the heading's id (`''` before the first heading), its text and the section's text. */
export type Section = [id: string, heading: string, text: string];

/** Elements whose content is never text for a reader. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'button', 'svg', 'math', 'noscript', 'textarea', 'select']);
/** Elements that end a line of text (so text from two blocks never runs together into one word). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Classes of elements left out: heading self-links, shell prompts, visually hidden labels. */
const SKIPPED_CLASSES = new Set(['anchor', 'prompt', 'sr-only', 'visually-hidden']);

const ATTRIBUTE = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Attributes that mark an element as no text for a reader (checked as attributes, not as words in other values). */
const MARKS = ['data-search-ignore', 'data-footnote-ref', 'data-footnote-backref', 'hidden'];
const MAY_BE_MARKED = /data-search-ignore|data-footnote|hidden|markdown-toc/i;

function attributeOf(raw: string, name: string): string | undefined {
  for (const m of raw.matchAll(ATTRIBUTE)) if (m[1]!.toLowerCase() === name) return decodeHTML(m[2] ?? m[3] ?? m[4] ?? '');
  return undefined;
}

/** Whether an element's content is left out of the text (`raw`: the tag's attributes as written). */
function skipped(tag: string, raw: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most tags in a post (shiki's spans among them) have no attribute that could mark them.
  if (raw.length === 0) return false;
  if (MAY_BE_MARKED.test(raw)) {
    const attributes = new Map<string, string>();
    for (const m of raw.matchAll(ATTRIBUTE)) attributes.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
    if (MARKS.some((name) => attributes.has(name)) || attributes.get('aria-hidden') === 'true') return true;
    // kramdown's `{:toc}`: the headings again, as links; their sections have the text.
    if (attributes.get('id') === 'markdown-toc') return true;
  }
  if (!raw.includes('class')) return false;
  const classes = attributeOf(raw, 'class');
  return classes ? classes.split(/\s+/).some((c) => SKIPPED_CLASSES.has(c)) : false;
}

/** Han characters and CJK punctuation: a line break between two of them in the source is no space in the text. */
const CJK_GAP = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/**
 * Folds whitespace: spaces and tabs to one space, blank lines away, line ends trimmed, and no
 * space between two Chinese characters (a soft line break inside a Chinese paragraph), so
 * `抢占的时机` is found across the break.
 */
export function foldText(text: string): string {
  return text
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(CJK_GAP, '$1')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** A tag as scanned: its lowercase name, whether it closes, its attributes as written, and where it ends. */
interface Tag {
  name: string;
  closing: boolean;
  raw: string;
  selfClosing: boolean;
  end: number;
}

const isNameCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;

/** Reads the tag starting at `html[lt] === '<'`; undefined when it is no tag (a lone `<`). */
function readTag(html: string, lt: number): Tag | undefined {
  let j = lt + 1;
  const closing = html.charCodeAt(j) === 47;
  if (closing) j++;
  const nameStart = j;
  const first = html.charCodeAt(j);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return undefined;
  while (j < html.length && isNameCode(html.charCodeAt(j))) j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const rawStart = j;
  let quote = 0;
  for (; j < html.length; j++) {
    const c = html.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) break;
  }
  const raw = html.slice(rawStart, j).trim();
  return { name, closing, raw, selfClosing: raw.endsWith('/') || VOID_TAGS.has(name), end: j + 1 };
}

/** The sections of a post body. A post without headings is one section with id `''`. */
export function extractSections(html: string): Section[] {
  const sections: Section[] = [];
  let id = '';
  let heading = '';
  let text = '';
  /** Open heading with an id (its tag), while its text is being read. */
  let inHeading: string | undefined;
  let preDepth = 0;
  const flush = () => {
    const folded = foldText(text);
    if (id || folded || sections.length > 0) sections.push([id, foldText(heading).replace(/\n/g, ' '), folded]);
  };
  const addText = (piece: string) => {
    let value = piece.includes('&') ? decodeHTML(piece) : piece;
    if (preDepth === 0) value = value.replace(/\s+/g, ' ');
    if (inHeading) heading += value;
    else text += value;
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      addText(html.slice(i));
      break;
    }
    if (lt > i) addText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      addText('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name, closing, raw } = tag;
    if (!closing && !tag.selfClosing && skipped(name, raw)) {
      i = skipElement(html, name, i);
      continue;
    }
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (!closing && name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') {
      const headingId = raw ? attributeOf(raw, 'id') : undefined;
      if (headingId) {
        flush();
        id = headingId;
        heading = '';
        text = '';
        inHeading = name;
        continue;
      }
    }
    if (closing && name === inHeading) {
      inHeading = undefined;
      continue;
    }
    if (BLOCK_TAGS.has(name)) {
      if (inHeading) heading += ' ';
      else text += '\n';
    }
  }
  flush();
  return sections;
}

/** Where the element whose start tag ends at `from` ends (after its end tag, counting nested ones of the same name). */
function skipElement(html: string, name: string, from: number): number {
  let depth = 1;
  let i = from;
  while (depth > 0) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return html.length;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (tag.name === name && !tag.selfClosing) depth += tag.closing ? -1 : 1;
  }
  return i;
}
