/** Jekyll's permalink styles and placeholders, expanded from a post's data. */
import { type PostDate, pad } from './dates.js';

/** Jekyll's named permalink styles. */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** What a post contributes to its URL. */
export interface PermalinkData {
  date: PostDate;
  /** The slug from the file name (or front matter `slug`), as written: Chinese kept. */
  title: string;
  categories: readonly string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A named style's pattern, or the pattern itself. */
export function permalinkPattern(style: string): string {
  return PERMALINK_STYLES[style] ?? style;
}

function dayOfYear(d: PostDate): number {
  return (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(d.year, 0, 1)) / 86400000 + 1;
}

/** ISO 8601 week number and week-numbering year of a calendar day. */
export function isoWeek(year: number, month: number, day: number): { week: number; weekYear: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86400000 + 1) / 7);
  return { week, weekYear };
}

/** Lowercase, spaces to hyphens: the form a category takes in a URL. */
export function urlCategory(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Every placeholder Jekyll knows, computed for one post. */
export function placeholders(data: PermalinkData): Record<string, string> {
  const d = data.date;
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  const { week, weekYear } = isoWeek(d.year, d.month, d.day);
  const categories = data.categories.map(urlCategory).filter(Boolean).join('/');
  return {
    year: String(d.year),
    short_year: pad(d.year % 100),
    month: pad(d.month),
    i_month: String(d.month),
    short_month: MONTHS[d.month - 1]!.slice(0, 3),
    long_month: MONTHS[d.month - 1]!,
    day: pad(d.day),
    i_day: String(d.day),
    y_day: pad(dayOfYear(d), 3),
    hour: pad(d.hour),
    minute: pad(d.minute),
    second: pad(d.second),
    week: pad(week),
    w_year: String(weekYear),
    w_day: String(weekday || 7),
    short_day: DAYS[weekday]!.slice(0, 3),
    long_day: DAYS[weekday]!,
    title: data.title,
    slug: data.title,
    name: data.title,
    categories,
    slugified_categories: categories,
    output_ext: '.html',
  };
}

/**
 * Expands a permalink pattern (or named style) to a URL path starting with `/`.
 * Empty segments (`:categories` with no categories) collapse, as in Jekyll.
 */
export function expandPermalink(pattern: string, data: PermalinkData): string {
  const values = placeholders(data);
  const expanded = permalinkPattern(pattern).replace(/:([a-z_]+)/g, (whole, key: string) => values[key] ?? whole);
  const collapsed = ('/' + expanded).replace(/\/{2,}/g, '/');
  return collapsed;
}

/** Why a URL cannot be written inside the output folder, or undefined when it is safe. */
export function unsafeUrlReason(url: string): string | undefined {
  const segments = url.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return `"${url}" contains a ".." or "." segment`;
  if (/[\\\0-\x1f]/.test(url)) return `"${url}" contains a backslash or control character`;
  if (/[?#]/.test(url)) return `"${url}" contains "?" or "#"`;
  return undefined;
}

/**
 * The file a URL is written to, relative to the output folder:
 * `/a/b.html` → `a/b.html`, `/a/b/` → `a/b/index.html`, `/a/b` → `a/b.html` (as GitHub Pages serves it).
 */
export function outputPathForUrl(url: string): string {
  const rel = url.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return rel + 'index.html';
  const last = rel.slice(rel.lastIndexOf('/') + 1);
  return last.includes('.') ? rel : rel + '.html';
}
