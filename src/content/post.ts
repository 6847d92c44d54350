/** What a post is: a source file with front matter, turned into a Post (pure: no disk access). */
import { type Diagnostic, diagnosticFrom, error, warning } from '../diagnostics.js';
import type { FoundPost, LiquidMode, Post, SourceFile } from '../site/model.js';
import { fromInstant, jekyllDate, type PostDate, parseDate } from './dates.js';
import { defaultsFor, type FrontMatterDefault, withDefaults } from './defaults.js';
import { type FrontMatter, lineOfKey, parseFrontMatter } from './front-matter.js';
import { checkFrontMatter } from './front-matter-rules.js';
import { expandPermalink, outputPathForUrl, unsafeUrlReason } from './permalink.js';

/** Site settings that shape posts. */
export interface PostSettings {
  permalink: string;
  timezone: string | undefined;
  excerptSeparator: string | undefined;
  /** `defaults:` of `_config.yml` (none when left out). */
  defaults?: readonly FrontMatterDefault[];
  /** Whether Liquid runs inside code; undefined: Jekyll posts yes, inkstone posts no. */
  liquidInCode?: boolean | undefined;
}

/** A post's source file and what the folder it was found in says about it (an inkstone post unless told otherwise). */
export type PostSource = SourceFile & Partial<Pick<FoundPost, 'draft' | 'pathCategories' | 'native'>>;

const POST_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.(?:md|markdown|html)$/i;
const DRAFT_NAME = /^(.+)\.(?:md|markdown|html)$/i;

/** How Liquid applies to a document (see LiquidMode): off with `render_with_liquid: false`, kept out of code in inkstone's posts. */
export function liquidModeOf(data: Record<string, unknown>, native: boolean, liquidInCode: boolean | undefined): LiquidMode {
  if (data.render_with_liquid === false) return 'none';
  return (liquidInCode ?? !native) ? 'all' : 'prose';
}

/** Jekyll's list semantics: a string is split on spaces, a list is taken item by item. */
export function toList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(v).trim()])).filter(Boolean);
  return String(value).split(/\s+/).filter(Boolean);
}

/** Categories from `category` and `categories`, as Jekyll merges them (a single `category` is never split). */
export function categoriesOf(data: Record<string, unknown>): string[] {
  const single = typeof data.category === 'string' || typeof data.category === 'number' ? [String(data.category).trim()] : toList(data.category);
  return [...new Set([...toList(data.categories), ...single].filter(Boolean))];
}

/** Tags from `tags` and `tag`. */
export function tagsOf(data: Record<string, unknown>): string[] {
  return [...new Set([...toList(data.tags), ...toList(data.tag)])];
}

/** `some-drafts` → `Some Drafts`, Jekyll's title for a post without one. */
export function titleFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The outcome of reading one source file: a post (unless it has errors) and diagnostics. */
export interface PostResult {
  post?: Post;
  diagnostics: Diagnostic[];
}

/** Turns a source file into a Post, applying Jekyll's naming, date, category and permalink rules. */
export function buildPost(file: PostSource, settings: PostSettings): PostResult {
  const diagnostics: Diagnostic[] = [];
  let parsed: FrontMatter;
  try {
    parsed = parseFrontMatter(file.text);
  } catch (thrown) {
    return { diagnostics: [diagnosticFrom(thrown, { file: file.path, line: 1 }, 'invalid front matter: ')] };
  }
  const { frontMatter } = parsed;
  // Keys of the wrong type are reported and left out, so the checks below still find what else is wrong.
  const checked = checkFrontMatter(parsed.data, frontMatter, file.path);
  diagnostics.push(...checked.diagnostics);
  const draft = file.draft ?? file.relPath.split('/').slice(0, -1).includes('_drafts');
  const data = withDefaults(checked.data, defaultsFor(settings.defaults ?? [], file.path, draft ? 'drafts' : 'posts'));
  const native = file.native ?? true;
  const fail = (key: string, message: string) => diagnostics.push(error(file.path, message, lineOfKey(frontMatter, key)));

  const baseName = file.relPath.slice(file.relPath.lastIndexOf('/') + 1);
  const named = draft ? undefined : POST_NAME.exec(baseName);
  let slug = named ? named[4]! : (DRAFT_NAME.exec(baseName)?.[1] ?? baseName);
  if (typeof data.slug === 'string' && data.slug.trim()) slug = data.slug.trim();

  let date: PostDate | undefined;
  if (data.date !== undefined && data.date !== null) {
    date = typeof data.date === 'string' ? parseDate(data.date, settings.timezone) : undefined;
    if (!date) fail('date', `invalid date "${String(data.date)}" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)`);
  } else if (named) {
    const fields = { year: Number(named[1]), month: Number(named[2]), day: Number(named[3]), hour: 0, minute: 0, second: 0 };
    date = parseDate(`${named[1]}-${named[2]}-${named[3]}`, settings.timezone) ?? undefined;
    if (!date) diagnostics.push(error(file.path, `file name has an impossible date ${fields.year}-${fields.month}-${fields.day}`, 1));
  } else if (draft) {
    date = fromInstant(file.mtimeMs, settings.timezone);
  } else {
    diagnostics.push(error(file.path, 'post has no date: name it YYYY-MM-DD-title.md or set "date:" in the front matter', 1));
  }

  const title = data.title === undefined || data.title === null ? titleFromSlug(slug) : String(data.title);
  const layout = data.layout === undefined ? 'post' : data.layout === null || data.layout === false ? 'none' : String(data.layout);
  const categories = [...new Set([...(file.pathCategories ?? []), ...categoriesOf(data)])];
  const tags = tagsOf(data);
  for (const name of [...categories, ...tags]) {
    if (name === '..' || name === '.' || /[/\\\0-\x1f]/.test(name)) {
      fail(categories.includes(name) ? 'categor(y|ies)' : 'tags?', `category or tag "${name}" may not contain "/", "\\" or be "." or ".."`);
    }
  }
  let excerptSeparator = settings.excerptSeparator;
  if (typeof data.excerpt_separator === 'string') excerptSeparator = data.excerpt_separator;
  const excerpt = typeof data.excerpt === 'string' ? data.excerpt : undefined;
  const published = data.published !== false;

  if (!date || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const pattern = typeof data.permalink === 'string' ? data.permalink : settings.permalink;
  const url = expandPermalink(pattern, { date, title: slug, categories });
  const shifted = !native && typeof data.date === 'string' ? jekyllDate(data.date, settings.timezone) : undefined;
  const jekyllUrl = shifted ? expandPermalink(pattern, { date: shifted, title: slug, categories }) : undefined;
  const unsafe = unsafeUrlReason(url);
  if (unsafe) {
    fail(typeof data.permalink === 'string' ? 'permalink' : 'categor(y|ies)', `refusing URL ${unsafe}: it would write outside the output folder`);
    return { diagnostics };
  }
  const post: Post = {
    source: file.path,
    relPath: file.relPath,
    slug,
    title,
    date,
    categories,
    tags,
    layout,
    url,
    outputPath: outputPathForUrl(url),
    draft,
    published,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    frontMatter,
    excerpt,
    excerptSeparator,
    data,
    liquid: liquidModeOf(data, native, settings.liquidInCode),
    found: { draft, pathCategories: file.pathCategories ?? [], native },
    ...(jekyllUrl && jekyllUrl !== url ? { jekyllUrl } : {}),
  };
  return { post, diagnostics };
}

/** Whether a post is dated after `nowMs`. */
export function isFuture(post: Post, nowMs: number): boolean {
  return post.date.epochMs > nowMs;
}

/** Warning for a post skipped because of its date. */
export function futureWarning(post: Post): Diagnostic {
  return warning(post.source, `skipped: dated in the future (${post.date.year}-${post.date.month}-${post.date.day}); build with --future to include it`, 1);
}
