/**
 * The front matter keys inkstone reads, with their types (posts and pages alike; `defaults:` values
 * too), and the check that turns a document's front matter into typed data or `path:line` problems.
 * Keys not listed pass through untouched to `page.*`.
 */
import * as v from 'valibot';
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { checkKeys, type KeyRule } from './check-keys.js';
import { date, flag, headingLevels, text, textOrList } from './value-types.js';
import { yamlLines } from './yaml.js';

/** `layout`: a name, or `false` / empty for none. */
const layout = v.union([text, v.literal(false)], 'text');

/** Every front matter key inkstone reads, and its type. */
export const FRONT_MATTER_RULES: readonly KeyRule[] = [
  { key: 'title', schema: text },
  { key: 'date', schema: date },
  { key: 'layout', schema: layout },
  { key: 'categories', schema: textOrList },
  // Jekyll flattens a list here too; only a single text is never split on spaces.
  { key: 'category', schema: textOrList },
  { key: 'tags', schema: textOrList },
  { key: 'tag', schema: textOrList },
  { key: 'slug', schema: text },
  { key: 'permalink', schema: v.string('text') },
  { key: 'published', schema: flag, fallback: false, fallbackNote: 'it is not published (write true to publish it)' },
  { key: 'excerpt', schema: text },
  { key: 'excerpt_separator', schema: v.string('text') },
  { key: 'render_with_liquid', schema: flag, fallbackNote: 'Liquid runs as usual' },
  { key: 'redirect_from', schema: textOrList },
  { key: 'redirect_to', schema: textOrList },
  { key: 'last_modified_at', schema: date },
  { key: 'sitemap', schema: flag, fallbackNote: 'it stays in the sitemap' },
  // Read by the default theme and the search index.
  { key: 'toc', schema: flag, fallbackNote: "the site's toc setting applies" },
  { key: 'toc_levels', schema: headingLevels },
  { key: 'search', schema: flag, fallbackNote: 'it is indexed' },
];

/**
 * Checks a document's own front matter (`frontMatter`: the raw block, for lines) and returns it
 * typed: `published: no` as false. Errors mean the document cannot be built as written.
 */
export function checkFrontMatter(
  data: Record<string, unknown>,
  frontMatter: string,
  file: string,
): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const checked = checkKeys(data, FRONT_MATTER_RULES);
  if (checked.problems.length === 0) return { data: checked.data, diagnostics: [] };
  // The block's text after the opening `---`: its line N is the file's line N.
  const lineOf = yamlLines(frontMatter.slice(3));
  const diagnostics = checked.problems.map((p) => (p.severity === 'error' ? error : warning)(file, p.message, lineOf(p.path) ?? 1));
  return { data: checked.data, diagnostics };
}
