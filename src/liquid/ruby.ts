/**
 * Ruby's view of template values, for filters that must behave as Jekyll's do: `to_s` (what `where`
 * and `group_by` compare), `inspect`, `<=>` (what `sort` orders by) and Jekyll's numeric reading of
 * property values (`"10"` sorts after `9`).
 */
import { Drop } from 'liquidjs';

/** `nil` in Ruby: undefined or null. */
export function isNil(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

/** A plain object (a Ruby Hash): not an array, a Drop, a Date or null. */
export function isHash(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Drop) && !(value instanceof Date);
}

/** Ruby's `inspect`: strings quoted and escaped, arrays as `[1, "a"]`, hashes as `{"k"=>1}`, nil as `nil`. */
export function rubyInspect(value: unknown, seen: Set<unknown> = new Set()): string {
  if (isNil(value)) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value).replace(/#(?=[{$@])/g, '\\#');
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((v) => rubyInspect(v, seen)).join(', ')}]`;
    if (isHash(value)) {
      return `{${Object.entries(value)
        .map(([k, v]) => `${rubyInspect(k, seen)}=>${rubyInspect(v, seen)}`)
        .join(', ')}}`;
    }
    return String(value);
  } finally {
    seen.delete(value);
  }
}

/** Ruby's `to_s`: nil is empty, arrays and hashes print as `inspect` does. */
export function rubyToS(value: unknown): string {
  if (isNil(value)) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || isHash(value)) return rubyInspect(value);
  return String(value);
}

const FLOAT_LIKE = /^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/;
const INTEGER_LIKE = /^\s*-?\d+\s*$/;

/** Jekyll's `parse_sort_input`: property values that look like numbers are compared as numbers. */
export function parseSortInput(value: unknown): unknown {
  const text = rubyToS(value);
  if (INTEGER_LIKE.test(text)) return Number.parseInt(text, 10);
  if (FLOAT_LIKE.test(text)) return Number.parseFloat(text);
  return value;
}

/** The string Jekyll's `where` compares a property value by (after `parse_sort_input`, so `" 10"` is `"10"`). */
export function whereString(value: unknown): string {
  const text = rubyToS(value);
  if (INTEGER_LIKE.test(text)) return String(Number.parseInt(text, 10));
  if (FLOAT_LIKE.test(text)) {
    const float = Number.parseFloat(text);
    return Number.isInteger(float) ? `${float}.0` : String(float);
  }
  return text;
}

/** Ruby's `<=>` for the values templates sort: numbers by value, strings by code unit, arrays element-wise; undefined when incomparable. */
export function rubyCompare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = rubyCompare(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return undefined;
}
