/**
 * A small, fast scanner for the parts of HTML the link checker needs: every URL-bearing attribute
 * (with its exact position) and every `id`. It reads HTML as
 * browsers tokenize it for these purposes — quoted, single-quoted and unquoted attributes, character
 * references, comments skipped, `<script>`/`<style>`/`<textarea>`/`<title>` contents treated as text —
 * without building a tree, so checking a 4000-page site costs milliseconds. Its results are tested
 * against a real parser (hast-util-from-html) on the built sample site.
 */

import { decodeHTMLAttribute } from 'entities';
import { URL_ATTRIBUTES } from '../urls.js';

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

/** Elements whose contents are text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

/** Decodes character references (`&#x26;`, `&#38;`, `&amp;`, every HTML5 name) in an attribute value or text. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLAttribute(text) : text;
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

// Character classes of the HTML tokenizer, by char code.
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const GT = 62;
const SLASH = 47;
const EQUALS = 61;

/** Called for each attribute of a tag: its lowercase name and the raw value's offsets (`start === end` when empty or absent). */
type OnAttribute = (name: string, start: number, end: number, hasValue: boolean) => void;

/** Where the name of the tag last read by readTag ends (the name is `html.slice(at + 1, tagNameEnd)`). */
let tagNameEnd = 0;

/**
 * Reads the tag whose `<` is at `at` (a letter follows), the way the HTML tokenizer does: the name
 * ends at a space, `/` or `>`; attributes are `name`, `name=value`, `name="value"` or `name='value'`.
 * Returns the offset after `>` (and sets tagNameEnd), or -1 when the input ends inside the tag.
 */
function readTag(html: string, at: number, onAttribute?: OnAttribute): number {
  const n = html.length;
  let j = at + 1;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (isSpace(c) || c === SLASH || c === GT) break;
    j++;
  }
  tagNameEnd = j;
  for (;;) {
    while (j < n && (isSpace(html.charCodeAt(j)) || html.charCodeAt(j) === SLASH)) j++;
    if (j >= n) return -1;
    if (html.charCodeAt(j) === GT) return j + 1;
    const nameStart = j;
    j++; // the first character belongs to the name, even "="
    while (j < n) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === SLASH || c === GT || c === EQUALS) break;
      j++;
    }
    // Only short names can be wanted: longer ones are not copied out of the HTML at all.
    const attribute = onAttribute && j - nameStart <= 6 ? html.slice(nameStart, j).toLowerCase() : '';
    let k = j;
    while (k < n && isSpace(html.charCodeAt(k))) k++;
    if (k < n && html.charCodeAt(k) === EQUALS) {
      k++;
      while (k < n && isSpace(html.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const quote = html.charCodeAt(k);
      if (quote === 34 || quote === 39) {
        const close = html.indexOf(quote === 34 ? '"' : "'", k + 1);
        if (close < 0) return -1;
        onAttribute?.(attribute, k + 1, close, true);
        j = close + 1;
      } else {
        let e = k;
        while (e < n && !isSpace(html.charCodeAt(e)) && html.charCodeAt(e) !== GT) e++;
        onAttribute?.(attribute, k, e, true);
        j = e;
      }
    } else {
      onAttribute?.(attribute, j, j, false);
    }
  }
}

/** Whether a tag name of this length and first letter could be a raw-text element (script, style, textarea, title, xmp). */
function mayBeRawText(length: number, first: number): boolean {
  const c = first | 0x20;
  return (c === 115 && (length === 6 || length === 5)) || (c === 116 && (length === 8 || length === 5)) || (c === 120 && length === 3);
}

/**
 * Walks the tags of `html`: comments, CDATA, doctypes and the text inside raw-text elements are
 * skipped. `onOpen` gets each opening tag (and may read its attributes through `onAttribute`). An
 * open tag's name is `html.slice(start + 1, nameEnd)`, left for `onOpen` to take only when it needs it.
 */
function walkTags(html: string, onOpen: (start: number, nameEnd: number, end: number) => void, onAttribute?: OnAttribute): void {
  const n = html.length;
  let i = 0;
  while ((i = html.indexOf('<', i)) >= 0 && i + 1 < n) {
    const c = html.charCodeAt(i + 1);
    if (c === 33) {
      // "!": a comment, CDATA, or a doctype / bogus comment up to ">".
      const [open, close] = html.startsWith('<!--', i) ? ['<!--', '-->'] : html.startsWith('<![CDATA[', i) ? ['<![CDATA[', ']]>'] : ['<!', '>'];
      const e = html.indexOf(close, i + open.length);
      i = e < 0 ? n : e + close.length;
      continue;
    }
    if (c === SLASH && i + 2 < n && isLetter(html.charCodeAt(i + 2))) {
      const e = html.indexOf('>', i + 2);
      if (e < 0) return;
      i = e + 1;
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const end = readTag(html, i, onAttribute);
    if (end < 0) return;
    const at = i;
    const nameEnd = tagNameEnd;
    onOpen(at, nameEnd, end);
    i = end;
    const rawName = mayBeRawText(nameEnd - at - 1, c) ? html.slice(at + 1, nameEnd).toLowerCase() : '';
    if (RAW_TEXT.has(rawName)) {
      const close = new RegExp(`</${rawName}[\\s/>]`, 'gi');
      close.lastIndex = i;
      const e = close.exec(html);
      i = e ? e.index : n;
    }
  }
}

/** Attributes the scan reads; every other attribute is skipped without being copied. */
const WANTED_ATTRIBUTES = new Set(['id', 'name', 'class', 'href', 'src', 'srcset', 'poster', 'data']);

/** Scans HTML for URL attributes and ids. */
export function scanHtml(html: string): ScannedHtml {
  const refs: HtmlRef[] = [];
  const ids: string[] = [];
  // The wanted attributes of the tag being read: name, raw value offsets. Reused from tag to tag.
  const names: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const onAttribute: OnAttribute = (name, start, end, hasValue) => {
    if (!WANTED_ATTRIBUTES.has(name) || names.includes(name)) return; // the first of duplicate attributes wins
    names.push(name);
    starts.push(hasValue ? start : -1);
    ends.push(end);
  };
  const onOpen = (tagStart: number, nameEnd: number) => {
    if (names.length === 0) return;
    const tag = html.slice(tagStart + 1, nameEnd).toLowerCase();
    const urlAttributes = URL_ATTRIBUTES[tag];
    const classAt = names.indexOf('class');
    const classes = classAt >= 0 && starts[classAt]! >= 0 ? decodeEntities(html.slice(starts[classAt], ends[classAt])).split(/\s+/).filter(Boolean) : [];
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const start = starts[k]!;
      const end = ends[k]!;
      if (start < 0) continue;
      const raw = html.slice(start, end);
      if ((name === 'id' || (name === 'name' && tag === 'a')) && raw) ids.push(decodeEntities(raw));
      if (!urlAttributes?.includes(name)) continue;
      if (name === 'srcset') {
        for (const { url, offset } of srcsetUrls(raw))
          refs.push({ tag, attribute: name, url: decodeEntities(url), start: start + offset, end: start + offset + url.length, tagStart, classes });
      } else {
        refs.push({ tag, attribute: name, url: decodeEntities(raw).trim(), start, end, tagStart, classes });
      }
    }
    names.length = 0;
    starts.length = 0;
    ends.length = 0;
  };
  walkTags(html, onOpen, onAttribute);
  return { refs, ids };
}
