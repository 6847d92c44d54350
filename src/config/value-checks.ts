/**
 * The checks of `_config.yml` values beyond their types: each returns the whole message for a
 * value that cannot work (with a did-you-mean where one fits), or undefined when it is fine.
 */
import path from 'node:path';
import { isValidTimeZone } from '../content/dates.js';
import { PERMALINK_STYLES, unsafeUrlReason } from '../content/permalink.js';
import { didYouMean } from '../suggest.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `url` must be an absolute URL: `example.github.io` (no scheme) would become a path in every link. */
export function urlProblem(value: string): string | undefined {
  const url = value.trim();
  if (url === '' || SCHEME.test(url)) return undefined;
  if (url.startsWith('/') && !url.startsWith('//'))
    return `"url" should be the site's address, like https://user.github.io, not a path (a path goes in "baseurl")`;
  return `"url" should start with https:// or http:// (did you mean "https://${url.replace(/^\/+/, '')}"?)`;
}

/** `baseurl` must be a path: a URL there (`https://u.github.io/notes`) would be put in front of every link. */
export function baseurlProblem(value: string): string | undefined {
  const base = value.trim();
  if (SCHEME.test(base) || base.startsWith('//')) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(base.startsWith('//') ? `https:${base}` : base);
    } catch {
      parsed = undefined;
    }
    const where = parsed
      ? `: put "${parsed.origin}" in "url" and ${parsed.pathname === '/' ? 'leave "baseurl" empty' : `"${parsed.pathname.replace(/\/+$/, '')}" in "baseurl"`}`
      : '';
    return `"baseurl" should be a path such as /notes, not a URL${where}`;
  }
  if (/[?#\\]/.test(base)) return `"baseurl" should be a path such as /notes, without "?", "#" or "\\"`;
  return undefined;
}

/** `permalink`: a named style, or a pattern (it has a `/` or a `:`); a typo'd style would be every post's URL. */
export function permalinkProblem(value: string): string | undefined {
  if (!value.includes('/') && !value.includes(':')) {
    if (Object.hasOwn(PERMALINK_STYLES, value)) return undefined;
    const styles = Object.keys(PERMALINK_STYLES);
    const guess = didYouMean(value, styles);
    return `unknown permalink style "${value}"${guess || ` (use ${styles.join(', ')}, or a pattern such as /:year/:month/:title/)`}`;
  }
  const unsafe = unsafeUrlReason(`/${value}`.replace(/\/{2,}/g, '/'));
  return unsafe ? `refusing permalink ${unsafe}: it would write outside the output folder` : undefined;
}

/** Every zone name this Node.js knows, for suggestions. */
function zoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/** Names people write for a zone that has another IANA name. */
const ZONE_ALIASES: Readonly<Record<string, string>> = { 'asia/beijing': 'Asia/Shanghai', beijing: 'Asia/Shanghai', 'asia/peking': 'Asia/Shanghai' };

/** `timezone` must be an IANA zone name. */
export function timezoneProblem(value: string): string | undefined {
  if (isValidTimeZone(value)) return undefined;
  const alias = ZONE_ALIASES[value.trim().toLowerCase()];
  const guess = alias ? ` (did you mean "${alias}"?)` : didYouMean(value, zoneNames());
  return `unknown timezone "${value}"${guess || ' (use an IANA name such as Asia/Shanghai)'}`;
}

/** Whether `inner` is `outer` or below it. */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `destination` is replaced whole by every build: it must not be the site folder, hold it, or hold
 * the folders the site is read from.
 */
export function destinationProblem(value: string, root: string, sources: readonly string[]): string | undefined {
  const out = path.resolve(root, value);
  if (out === root) return `"destination" "${value}" is the site folder itself: building would replace the site (choose a folder of its own, e.g. public)`;
  if (within(root, out)) return `"destination" "${value}" holds the site folder: building would delete the site (choose a folder of its own, e.g. public)`;
  const source = sources.find((dir) => within(dir, out));
  if (source) return `"destination" "${value}" holds ${path.relative(root, source) || '.'}/, which the site is read from: building would delete it`;
  return undefined;
}
