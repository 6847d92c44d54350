/**
 * The value types front matter and `_config.yml` share, as valibot schemas, each named by what a
 * message says it should be (`"title" should be text, not a list`), and how a wrong value is described.
 */
import * as v from 'valibot';
import { parseDate } from './dates.js';

/** YAML 1.1's words for true and false (any case), which Jekyll's YAML reads as booleans and YAML 1.2's core schema reads as text. */
const FLAG_WORDS: Readonly<Record<string, boolean>> = { true: true, yes: true, y: true, on: true, false: false, no: false, n: false, off: false };

/** `yes`, `No`, `OFF`, … as the boolean YAML 1.1 reads; undefined for any other text. */
export function flagWord(value: string): boolean | undefined {
  return FLAG_WORDS[value.trim().toLowerCase()];
}

/** A title, a name, a path: a string, or a number written without quotes (`title: 2024`). */
export const text = v.union([v.string(), v.number()], 'text');

/** An item of a list of names: text, or a bare `true` that Jekyll shows as the text `true`. */
const item = v.nullable(v.union([v.string(), v.number(), v.boolean()]));

/** Jekyll's lists: one item as text (`tags: bash fd`) or a list of text (`tags: [bash, fd]`); empty items are dropped. */
export const textOrList = v.union([text, v.array(item)], 'text or a list of text');

/** A list of text (one text counts as a list of one). */
export const list = v.union([text, v.array(text)], 'a list of text');

/** true or false, with YAML 1.1's words for them (`published: no`). */
export const flag = v.union(
  [
    v.boolean(),
    v.pipe(
      v.string(),
      v.check((s) => flagWord(s) !== undefined),
      v.transform((s) => flagWord(s)!),
    ),
  ],
  'true or false',
);

/** A mapping (`key: value` lines below the key). */
export const mapping = v.record(v.string(), v.unknown(), 'a mapping');

/** A whole number, 1 or more. */
export const count = v.pipe(v.number('a whole number, 1 or more'), v.integer('a whole number, 1 or more'), v.minValue(1, 'a whole number, 1 or more'));

/** A whole number, 0 or more (`related_posts: 0` for none). */
export const wholeNumber = v.pipe(v.number('a whole number'), v.integer('a whole number'), v.minValue(0, 'a whole number'));

const LEVELS_MESSAGE = 'heading levels such as "2..3", "2,3" or [2, 3]';
const level = v.pipe(v.number(LEVELS_MESSAGE), v.integer(LEVELS_MESSAGE), v.minValue(1, LEVELS_MESSAGE), v.maxValue(6, LEVELS_MESSAGE));

/** `toc_levels`, as kramdown writes it (`2..3`, `1,2,3`), a list of levels, or one level. */
export const headingLevels = v.union(
  [
    level,
    v.pipe(v.string(), v.regex(/^\s*[1-6]\s*(?:\.\.\s*[1-6]|(?:,\s*[1-6]\s*)*)$/, LEVELS_MESSAGE)),
    v.pipe(v.array(level), v.minLength(1, LEVELS_MESSAGE)),
  ],
  LEVELS_MESSAGE,
);

/** `YYYY-MM-DD`, optionally with a time and an offset, as post dates are written. */
export const date = v.pipe(
  v.string('a date such as 2020-01-01'),
  v.check(
    (s) => parseDate(s, undefined) !== undefined,
    (issue) => `invalid date "${String(issue.input)}" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)`,
  ),
);

/** How a value of the wrong type is named in a message: `a list`, `a mapping`, `the number 3`, `"maybe"`, `empty`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) {
    const odd = value.find((item) => typeof item === 'object' && item !== null);
    return odd === undefined ? 'a list' : `a list holding ${describeValue(odd)}`;
  }
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}
