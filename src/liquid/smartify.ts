/**
 * Jekyll's `smartify`: kramdown's SmartyPants parser ported to TypeScript. Straight quotes become
 * curly ones by kramdown's rules (`it's` → `it’s`, `'80s` → `’80s`), `--` an en dash, `---` an em
 * dash, `...` an ellipsis, `<<`/`>>` guillemets; HTML tags and entities pass through, and the rest
 * is HTML-escaped (`&` → `&amp;`, a stray `<` → `&lt;`), as kramdown's HTML output is.
 */
import { decodeHTMLStrict } from 'entities';
import { toValue } from 'liquidjs';

/** kramdown's SQ_PUNCT and SQ_CLOSE character classes (ASCII, as Ruby's `\w` and `\s` are). */
const PUNCT = `[!"#$%'()*+,\\-./:;<=>?@[\\\\\\]^_\`{|}~]`;
const CLOSE = `[^ \\\\\\t\\r\\n[{(-]`;
/** Ruby's `\\s`: ASCII whitespace (JavaScript's `\\s` would also match U+3000 and NBSP). */
const SPACE = ' \\t\\r\\n\\f\\v';

type Quote = 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | 'ldquo' | 'lsquo' | 'rdquo' | 'rsquo';
/** A rule: a sticky regex and what its match becomes (a capture group's text, or a quote). */
type Rule = [RegExp, (number | Quote)[]];

/** kramdown's SQ_RULES, in order; the first that matches at the position wins. */
const RULES: Rule[] = [
  [new RegExp(`("|')(?=[_*]{1,2}[^${SPACE}])`, 'y'), ['lquote1']],
  [new RegExp(`("|')(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), ['rquote1']],
  [new RegExp(`([${SPACE}]?)"'(?=\\w)`, 'y'), [1, 'ldquo', 'lsquo']],
  [new RegExp(`([${SPACE}]?)'"(?=\\w)`, 'y'), [1, 'lsquo', 'ldquo']],
  [new RegExp(`([${SPACE}]?)'(?=\\d\\ds)`, 'y'), [1, 'rsquo']],
  [new RegExp(`([${SPACE}])('|")(?=\\w)`, 'y'), [1, 'lquote2']],
  [new RegExp(`(${CLOSE})('|")`, 'y'), [1, 'rquote2']],
  [new RegExp(`("|')(?=[${SPACE}]|s\\b|$)`, 'y'), ['rquote1']],
  [/([\s\S]?)'/y, [1, 'lsquo']],
  [/([\s\S]?)"/y, [1, 'ldquo']],
];

const QUOTE_CHARS: Record<string, string> = { ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’' };

/** The curly quote a substitution stands for: `ldquo`… as named, `lquote1`… by the straight quote in that capture group. */
function curly(kind: Quote, match: RegExpExecArray): string {
  if (kind.endsWith('quo')) return QUOTE_CHARS[kind]!;
  const straight = match[Number(kind.at(-1))];
  return QUOTE_CHARS[`${kind[0]}${straight === '"' ? 'd' : 's'}quo`]!;
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SYMBOLS: Record<string, string> = {
  '---': '—',
  '--': '–',
  '...': '…',
  '\\<<': '&lt;&lt;',
  '\\>>': '&gt;&gt;',
  '<< ': '«\u00a0',
  ' >>': '\u00a0»',
  '<<': '«',
  '>>': '»',
};

/** Where any span parser could start: a quote (with the character before it), `&`, a typographic symbol, `<`. */
const SPAN_START = /(?=[^\\]?["']|&|--|\.\.\.|(?:\\| )?(?:<<|>>)|<)/g;
const QUOTE_START = /[^\\]?["']/y;
const ENTITY = /&(?:([A-Za-z]\w*)|#(\d+)|#[xX]([0-9a-fA-F]+));/y;
const SYMBOL = /---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>/y;
const HTML = /<!--[\s\S]*?-->|<\/[A-Za-z][\w:-]*\s*>|<[A-Za-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;

/** An entity as kramdown writes it with `entity_output: as_char`: the character, except `< > " &`. */
function entity(match: RegExpExecArray): string {
  const [whole, name, decimal, hex] = match;
  const codePoint = name ? decodeHTMLStrict(`&${name};`).codePointAt(0) : Number.parseInt(decimal ?? hex!, decimal ? 10 : 16);
  if (name && decodeHTMLStrict(whole) === whole) return `&amp;${name};`;
  if (codePoint === undefined || codePoint > 0x10ffff) return escapeText(whole);
  const named: Record<number, string> = { 60: '&lt;', 62: '&gt;', 34: '&quot;', 38: '&amp;' };
  return named[codePoint] ?? (name ? decodeHTMLStrict(whole) : String.fromCodePoint(codePoint));
}

/** Runs the first matching quote rule at `at`; returns the output and where scanning goes on. */
function quote(text: string, at: number): [string, number] {
  for (const [rule, substitutions] of RULES) {
    rule.lastIndex = at;
    const match = rule.exec(text);
    if (!match) continue;
    let out = '';
    for (const s of substitutions) {
      if (typeof s === 'number') out += escapeText(match[s] ?? '');
      else out += curly(s, match);
    }
    return [out, at + match[0].length];
  }
  return [escapeText(text[at]!), at + 1];
}

/** Tries the span parsers in kramdown's order at `at`; undefined when none applies. */
function span(text: string, at: number): [string, number] | undefined {
  QUOTE_START.lastIndex = at;
  if (QUOTE_START.test(text)) return quote(text, at);
  for (const [pattern, render] of [
    [ENTITY, entity],
    [SYMBOL, (m: RegExpExecArray) => SYMBOLS[m[0]]!],
    [HTML, (m: RegExpExecArray) => m[0]],
  ] as const) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match) return [render(match), at + match[0].length];
  }
  return undefined;
}

/** Jekyll's `smartify` filter. */
export function smartify(input: unknown): string {
  const value = toValue(input);
  const text = value === undefined || value === null ? '' : String(value);
  let out = '';
  let at = 0;
  while (at < text.length) {
    SPAN_START.lastIndex = at;
    const next = SPAN_START.exec(text);
    if (!next) break;
    out += escapeText(text.slice(at, next.index));
    at = next.index;
    const done = span(text, at);
    if (done) [out, at] = [out + done[0], done[1]];
    else [out, at] = [out + escapeText(text[at]!), at + 1];
  }
  return out + escapeText(text.slice(at));
}
