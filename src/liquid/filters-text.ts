/**
 * Jekyll's string filters where liquidjs's own differ from Jekyll 4.3: `xml_escape`, `uri_escape`,
 * `slugify` (`latin` mode), `normalize_whitespace`, `number_of_words`, `jsonify`, `inspect`,
 * `to_integer`. Each follows the Ruby code in Jekyll's `filters.rb` and `utils.rb`.
 */
import { toValue } from 'liquidjs';
import { isHash, isNil, rubyInspect } from './ruby.js';

/** A filter's input as a string: Liquid literals (`nil`, `empty`) unwrapped, nil empty. */
const stringOf = (input: unknown): string => {
  const value = toValue(input);
  return isNil(value) ? '' : String(value);
};

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Jekyll's `xml_escape` (Ruby's `encode(xml: :attr)`): `& < > " '` as `&amp; &lt; &gt; &quot; &apos;`. */
export function xmlEscape(input: unknown): string {
  return stringOf(input).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/** Characters Addressable's `normalize_component` leaves as they are: RFC 3986 reserved and unreserved. */
const URI_KEEP = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;

/** Decodes `%XX` runs that are valid UTF-8; anything else stays as written. */
function decodeEscapes(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Jekyll's `uri_escape` (Addressable's `normalize_component`): existing escapes are normalized, not escaped twice (`%20` stays). */
export function uriEscape(input: unknown): string {
  const normalized = decodeEscapes(stringOf(input)).normalize('NFKC');
  let out = '';
  for (const char of normalized) {
    out += URI_KEEP.test(char) ? char : encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

const SLUGIFY: Record<string, RegExp> = {
  raw: /\s+/g,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/** Latin letters I18n's transliteration spells out rather than stripping an accent from. */
const LATIN_APPROXIMATIONS: Record<string, string> = {
  Æ: 'AE',
  æ: 'ae',
  Ð: 'D',
  ð: 'd',
  Ø: 'O',
  ø: 'o',
  Þ: 'TH',
  þ: 'th',
  ß: 'ss',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ĳ: 'IJ',
  ĳ: 'ij',
  ĸ: 'k',
  Ŀ: 'L',
  ŀ: 'l',
  Ł: 'L',
  ł: 'l',
  ŉ: "'n",
  Ŋ: 'NG',
  ŋ: 'ng',
  Œ: 'OE',
  œ: 'oe',
  Ŧ: 'T',
  ŧ: 't',
  ſ: 's',
};

/** I18n.transliterate: accents dropped, a few letters spelled out, anything else non-ASCII becomes `?`. */
function transliterate(text: string): string {
  let out = '';
  for (const char of text) {
    const spelled = LATIN_APPROXIMATIONS[char];
    if (spelled !== undefined) {
      out += spelled;
      continue;
    }
    const bare = char.normalize('NFD').replace(/\p{M}+/gu, '');
    out += /^[\x00-\x7f]+$/.test(bare) ? bare : '?';
  }
  return out;
}

/** Jekyll's `slugify` (Utils.slugify): modes `raw`, `default`, `pretty`, `ascii`, `latin`; any other mode (or `none`) only lowercases. */
export function slugify(input: unknown, mode: unknown = 'default', cased: unknown = false): string | undefined {
  if (isNil(toValue(input))) return undefined;
  let text = stringOf(input);
  const name = isNil(mode) ? 'default' : String(mode);
  const pattern = Object.hasOwn(SLUGIFY, name) ? SLUGIFY[name] : undefined;
  if (pattern) {
    if (name === 'latin') text = transliterate(text);
    text = text.replace(pattern, '-').replace(/^-|-$/g, '');
  }
  return cased === true ? text : text.toLowerCase();
}

/** Ruby's `\s`: ASCII whitespace only (an ideographic space U+3000 is not whitespace to Jekyll). */
const RUBY_SPACE = /[ \t\r\n\f\v]+/g;

/** Jekyll's `normalize_whitespace`: runs of ASCII whitespace become one space, and the ends are stripped. */
export function normalizeWhitespace(input: unknown): string {
  return stringOf(input).replace(RUBY_SPACE, ' ').trim();
}

const HAS_CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/u;
const CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/gu;
const NON_CJK_WORD = /[^\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul} \t\r\n\f\v]+/gu;

/** Jekyll's `number_of_words`: whitespace-separated words; `cjk` counts each Han/kana/Hangul character as a word, `auto` does so only when there are any. */
export function numberOfWords(input: unknown, mode?: unknown): number {
  const text = stringOf(input);
  const words = () => text.split(RUBY_SPACE).filter(Boolean).length;
  const cjk = () => (text.match(CJK)?.length ?? 0) + (text.match(NON_CJK_WORD)?.length ?? 0);
  if (mode === 'cjk') return cjk();
  if (mode === 'auto') return HAS_CJK.test(text) ? cjk() : words();
  return words();
}

/** Keys Jekyll drops from a document nested in another one's `next`/`previous` when it writes JSON. */
const NESTED_DOCUMENT_KEYS = new Set(['content', 'output', 'excerpt', 'next', 'previous']);

/** Jekyll's `jsonify`: nil is `null`, and `next`/`previous` of a nested document are collapsed (no content, no further links) so pages never recurse. */
export function jsonify(input: unknown): string {
  const ancestors: unknown[] = [];
  const plain = (value: unknown, depth: number, collapse: boolean): unknown => {
    if (isNil(value)) return null;
    if (typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
    if (value instanceof Date) return value.toISOString();
    if (ancestors.includes(value) && !collapse) return null;
    ancestors.push(value);
    try {
      if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1, false));
      const source = isHash(value) ? value : (JSON.parse(JSON.stringify(value) ?? 'null') as unknown);
      if (!isHash(source)) return source;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(source)) {
        if (v === undefined || typeof v === 'function') continue;
        if (collapse && NESTED_DOCUMENT_KEYS.has(key)) continue;
        out[key] = plain(v, depth + 1, depth >= 1 && (key === 'next' || key === 'previous'));
      }
      return out;
    } finally {
      ancestors.pop();
    }
  };
  return JSON.stringify(plain(toValue(input), 0, false));
}

/** Jekyll's `inspect`: Ruby's `inspect`, XML-escaped. */
export function inspect(input: unknown): string {
  return xmlEscape(rubyInspect(toValue(input)));
}

/** Jekyll's `to_integer` (Ruby's `to_i`): `true` is 1, `false` 0, `"3.7"` 3, anything unreadable 0. */
export function toInteger(raw: unknown): number {
  const input = toValue(raw);
  if (input === true) return 1;
  if (input === false) return 0;
  if (typeof input === 'number') return Number.isFinite(input) ? Math.trunc(input) : 0;
  const parsed = Number.parseInt(stringOf(input).trimStart().replace(/_/g, ''), 10);
  return Number.isNaN(parsed) ? 0 : parsed;
}
