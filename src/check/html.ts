/**
 * A small, fast scanner for the parts of HTML the link checker needs: every URL-bearing attribute
 * (with its exact position, so it can be rewritten in place) and every `id`. It reads HTML as
 * browsers tokenize it for these purposes — quoted, single-quoted and unquoted attributes, character
 * references, comments skipped, `<script>`/`<style>`/`<textarea>`/`<title>` contents treated as text —
 * without building a tree, so checking a 4000-page site costs milliseconds. Its results are tested
 * against a real parser (hast-util-from-html) on the built sample site.
 */

/** A URL found in an attribute. */
export interface HtmlRef {
  /** Lowercase tag name (`a`, `img`, ...). */
  tag: string;
  /** Lowercase attribute name (`href`, `src`, `srcset`, ...). */
  attribute: string;
  /** The URL, character references decoded. For `srcset`, one candidate URL. */
  url: string;
  /** Offsets of the raw attribute text (between the quotes) in the scanned HTML. */
  start: number;
  end: number;
  /** Offset of the tag's `<`. */
  tagStart: number;
  /** Class names on the element, for telling heading self-links apart. */
  classes: string[];
}

/** What a scan found. */
export interface ScannedHtml {
  refs: HtmlRef[];
  /** Every `id` (and `<a name>`), decoded, in document order. */
  ids: string[];
}

/** Which attributes of which elements hold URLs a reader's browser will fetch or follow. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
};

/** Elements whose contents are text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

// A comment, a closing tag, or an opening tag with its attribute text. Each alternative inside the
// attribute group starts with a different character, so matching stays linear.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\/([a-zA-Z][^\s/>]*)[^>]*>|<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/dg;

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes character references (`&#x26;`, `&#38;`, `&amp;` ...) in text or an attribute value. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6});?|#(\d{1,7});?|([a-zA-Z]+);)/g, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Encodes a value for a double-quoted attribute, the way rehype-stringify does. */
export function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
}

/** The URLs of a `srcset` value, with their offsets inside the value. */
function srcsetUrls(value: string): { url: string; offset: number }[] {
  const found: { url: string; offset: number }[] = [];
  const candidate = /\s*([^\s,][^\s]*?)(?:\s+[^,]*)?(?:,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = candidate.exec(value)) !== null && m[0] !== '') {
    const url = m[1]!.replace(/,$/, '');
    found.push({ url, offset: m.index + m[0].indexOf(m[1]!) });
  }
  return found;
}

/** Scans HTML for URL attributes and ids. */
export function scanHtml(html: string): ScannedHtml {
  const refs: HtmlRef[] = [];
  const ids: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html)) !== null) {
    const tag = m[2]?.toLowerCase();
    if (!tag) continue;
    const attrText = m[3] ?? '';
    const attrOffset = m.index + 1 + m[2]!.length;
    const urlAttributes = URL_ATTRIBUTES[tag];
    const seen = new Set<string>();
    let classes: string[] = [];
    const pending: { name: string; raw: string; start: number }[] = [];
    ATTRIBUTE.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTRIBUTE.exec(attrText)) !== null) {
      const name = a[1]!.toLowerCase();
      if (seen.has(name)) continue; // the first of duplicate attributes wins
      seen.add(name);
      const group = a[2] !== undefined ? 2 : a[3] !== undefined ? 3 : a[4] !== undefined ? 4 : 0;
      const raw = group ? a[group]! : '';
      const start = group ? attrOffset + a.indices![group]![0] : attrOffset + a.index;
      if (name === 'id' && raw) ids.push(decodeEntities(raw));
      else if (name === 'name' && tag === 'a' && raw) ids.push(decodeEntities(raw));
      else if (name === 'class') classes = decodeEntities(raw).split(/\s+/).filter(Boolean);
      if (urlAttributes?.includes(name) && group) pending.push({ name, raw, start });
    }
    for (const { name, raw, start } of pending) {
      if (name === 'srcset') {
        for (const { url, offset } of srcsetUrls(raw)) {
          refs.push({ tag, attribute: name, url: decodeEntities(url), start: start + offset, end: start + offset + url.length, tagStart: m.index, classes });
        }
      } else {
        refs.push({ tag, attribute: name, url: decodeEntities(raw).trim(), start, end: start + raw.length, tagStart: m.index, classes });
      }
    }
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}[\\s/>]`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      const end = close.exec(html);
      TOKEN.lastIndex = end ? end.index : html.length;
    }
  }
  return { refs, ids };
}

/** A span of HTML, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Spans of the given elements' contents (`<code>...</code>`, `<pre>...</pre>`, `<a>...</a>`), where
 * text must not be turned into links. Unclosed elements run to the end.
 */
export function elementSpans(html: string, tags: readonly string[]): Span[] {
  const wanted = new Set(tags);
  const spans: Span[] = [];
  const open = new Map<string, { depth: number; start: number }>();
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(html)) !== null) {
    const closing = m[1]?.toLowerCase();
    const opening = m[2]?.toLowerCase();
    if (opening && wanted.has(opening)) {
      const state = open.get(opening) ?? { depth: 0, start: m.index };
      if (state.depth === 0) state.start = m.index;
      state.depth++;
      open.set(opening, state);
    } else if (closing && wanted.has(closing)) {
      const state = open.get(closing);
      if (state && state.depth > 0 && --state.depth === 0) spans.push({ start: state.start, end: m.index + m[0].length });
    }
    if (opening && RAW_TEXT.has(opening)) {
      const close = new RegExp(`</${opening}[\\s/>]`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      const end = close.exec(html);
      TOKEN.lastIndex = end ? end.index : html.length;
    }
  }
  for (const state of open.values()) if (state.depth > 0) spans.push({ start: state.start, end: html.length });
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether `[start, end)` overlaps any span. */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

/** Replaces `[start, end)` ranges of `text` (non-overlapping, any order). */
export function spliceAll(text: string, edits: readonly { start: number; end: number; value: string }[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    out += text.slice(at, edit.start) + edit.value;
    at = edit.end;
  }
  return out + text.slice(at);
}
