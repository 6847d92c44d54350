/**
 * Checking the known keys of a mapping (front matter, `_config.yml`) against their types, with
 * valibot: every problem with the path of the key it is about, and the mapping with YAML 1.1's
 * `yes`/`no`/`on`/`off` read as booleans. Keys the rules do not name are left as they are.
 */
import * as v from 'valibot';
import { describeValue, flag } from './value-types.js';
import type { YamlPath } from './yaml.js';

/** One known key: where it is (`feed.posts_limit` for a nested one), and what it must be. */
export interface KeyRule {
  key: string;
  /** The type; the message of its outermost schema says what the value should be (`text`, `true or false`). */
  schema: v.GenericSchema;
  /**
   * For a `flag` key holding text that is no YAML word for true or false (`published: maybe`): the
   * value to use instead (a warning says so), or undefined to act as if the key were left out.
   */
  fallback?: boolean | undefined;
  /** What happens then, for the warning: `the post is not published`. */
  fallbackNote?: string;
}

/** A problem with one key: the path to it (for its line) and the message. */
export interface KeyProblem {
  path: YamlPath;
  message: string;
  severity: 'error' | 'warning';
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted key, or undefined when a mapping on the way is missing. */
export function valueAt(data: Record<string, unknown>, key: string): unknown {
  let node: unknown = data;
  for (const part of key.split('.')) {
    if (!isMapping(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** A copy of `data` with the dotted key set to `value` (or removed when undefined), mappings on the way copied. */
function withValue(data: Record<string, unknown>, parts: readonly string[], value: unknown): Record<string, unknown> {
  const [first, ...rest] = parts as [string, ...string[]];
  const copy = { ...data };
  if (rest.length > 0) {
    copy[first] = withValue(isMapping(data[first]) ? data[first] : {}, rest, value);
  } else if (value === undefined) {
    delete copy[first];
  } else {
    copy[first] = value;
  }
  return copy;
}

/** `"feed.posts_limit"`, or `"defaults" entry 2: "values"` for a problem inside a key's value. */
function labelOf(key: string, inner: readonly (string | number)[]): string {
  if (inner.length === 0) return `"${key}"`;
  const entry = typeof inner[0] === 'number' ? ` entry ${inner[0] + 1}` : '';
  const rest = (typeof inner[0] === 'number' ? inner.slice(1) : inner).join('.');
  return `"${key}"${entry}${rest ? `: "${rest}"` : ''}`;
}

/** The message for one valibot issue: a type's (`should be text, not a list`) or a check's own. */
function messageOf(key: string, issue: v.BaseIssue<unknown>): { inner: (string | number)[]; message: string } {
  const inner = (issue.path ?? []).map((item) => item.key as string | number);
  // A custom check's message is whole (`unknown timezone "Europe/Berlim" (did you mean …)`); a type's
  // or a built-in validation's says what the value should be.
  if (issue.type === 'check') return { inner, message: issue.message };
  if (issue.input === undefined && inner.length > 0) {
    return { inner: inner.slice(0, -1), message: `${labelOf(key, inner.slice(0, -1))} needs "${inner[inner.length - 1]}:"` };
  }
  return { inner, message: `${labelOf(key, inner)} should be ${issue.message}, not ${describeValue(issue.input)}` };
}

/**
 * Checks each rule's key in `data` (a key left out or empty is fine: its default applies). Returns
 * the data with checked values as their schemas output them (flags as booleans), keys with errors
 * left out, and every problem.
 */
export function checkKeys(data: Record<string, unknown>, rules: readonly KeyRule[]): { data: Record<string, unknown>; problems: KeyProblem[] } {
  let out = data;
  const problems: KeyProblem[] = [];
  for (const rule of rules) {
    const value = valueAt(data, rule.key);
    if (value === undefined || value === null) continue;
    const parts = rule.key.split('.');
    if (rule.schema === flag && typeof value === 'string') {
      const result = v.safeParse(flag, value);
      if (!result.success) {
        const note = rule.fallbackNote ? `; ${rule.fallbackNote}` : '';
        problems.push({ path: parts, message: `"${rule.key}" should be true or false, not ${describeValue(value)}${note}`, severity: 'warning' });
        out = withValue(out, parts, rule.fallback);
        continue;
      }
    }
    const result = v.safeParse(rule.schema, value);
    if (result.success) {
      if (result.output !== value) out = withValue(out, parts, result.output);
      continue;
    }
    for (const issue of result.issues) {
      const { inner, message } = messageOf(rule.key, issue);
      problems.push({ path: [...parts, ...inner], message, severity: 'error' });
    }
    // Left out, the key's default applies, so later checks see a value of the right type.
    out = withValue(out, parts, undefined);
  }
  return { data: out, problems };
}
