/** What a post is: a source file with front matter, turned into a Post (pure: no disk access). */
import matter from 'gray-matter';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { fromInstant, parseDate, type PostDate } from './dates.js';
import { expandPermalink, outputPathForUrl, unsafeUrlReason } from './permalink.js';
import { parseYaml, YamlError } from './yaml.js';

/** A source file as read from disk. */
export interface SourceFile {
  /** Path relative to the site root, with `/` separators (`posts/2020-01-01-x.md`). */
  path: string;
  /** Path relative to the posts folder (`2020-01-01-x.md`, `_drafts/y.md`). */
  relPath: string;
  text: string;
  /** Modification time, used to date drafts. */
  mtimeMs: number;
}

/** A post, ready to render. */
export interface Post {
  /** Source path relative to the site root; the post's identity. */
  source: string;
  /** Path relative to the posts folder. */
  relPath: string;
  /** File-name slug without date and extension (`some-drafts`). */
  slug: string;
  title: string;
  date: PostDate;
  categories: string[];
  tags: string[];
  layout: string;
  /** URL path without baseurl, as Jekyll's `page.url`: `/basic/2020/01/01/some-drafts.html`. */
  url: string;
  /** File written, relative to the output folder. */
  outputPath: string;
  draft: boolean;
  published: boolean;
  /** Markdown body (front matter removed, line endings normalized). */
  body: string;
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number;
  /** Explicit excerpt from front matter, as Markdown. */
  excerpt: string | undefined;
  /** Separator that ends the excerpt; undefined means "first paragraph". */
  excerptSeparator: string | undefined;
  /** All front matter, for `page.*` in templates. */
  data: Record<string, unknown>;
  /** The raw front matter block (with its opening `---`), to point errors at a key's line. */
  frontMatter: string;
}

/** Site settings that shape posts. */
export interface PostSettings {
  permalink: string;
  timezone: string | undefined;
  excerptSeparator: string | undefined;
}

const POST_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.(?:md|markdown)$/i;
const DRAFT_NAME = /^(.+)\.(?:md|markdown)$/i;

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

/** The 1-based file line of `key:` in the front matter, or the opening line. */
export function lineOfKey(frontMatter: string, key: string): number {
  const lines = frontMatter.split('\n');
  const index = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return index < 0 ? 1 : index + 1;
}

interface Parsed {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  frontMatter: string;
}

/**
 * Splits and parses front matter. A thrown YamlError's line counts from the line after the opening
 * `---` (add 1 for the file line); undefined means the opening `---` itself.
 */
export function parseFrontMatter(text: string): Parsed {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(normalized) && normalized.trim() !== '---') {
    return { data: {}, body: normalized, bodyLine: 1, frontMatter: '' };
  }
  if (!/\n---[ \t]*(\n|$)/.test(normalized.slice(3))) {
    throw new YamlError('front matter has no closing "---" line', undefined);
  }
  const parsed = matter(normalized, {
    engines: {
      yaml: (source: string) => {
        // `source` starts with the rest of the opening "---" line, so its line N is file line N.
        let value: unknown;
        try {
          value = parseYaml(source);
        } catch (thrown) {
          if (thrown instanceof YamlError && thrown.line !== undefined) throw new YamlError(thrown.message, thrown.line - 1);
          throw thrown;
        }
        if (value === null || value === undefined) return {};
        if (typeof value !== 'object' || Array.isArray(value)) throw new YamlError('front matter must be a mapping (key: value)', 1);
        return value as object;
      },
    },
  });
  let body = parsed.content;
  // gray-matter leaves the rest of the closing line ("---  ") at the start of the body: drop it.
  if (normalized.slice(0, normalized.length - body.length).endsWith('---')) body = body.replace(/^[ \t]*(?:\n|$)/, '');
  const bodyLine = normalized.slice(0, normalized.length - body.length).split('\n').length;
  return { data: parsed.data as Record<string, unknown>, body, bodyLine, frontMatter: '---' + parsed.matter };
}

/** The outcome of reading one source file: a post, or the reason it is skipped, and diagnostics. */
export interface PostResult {
  post?: Post;
  skipped?: 'unpublished' | 'future';
  diagnostics: Diagnostic[];
}

/** Turns a source file into a Post, applying Jekyll's naming, date, category and permalink rules. */
export function buildPost(file: SourceFile, settings: PostSettings): PostResult {
  const diagnostics: Diagnostic[] = [];
  let parsed: Parsed;
  try {
    parsed = parseFrontMatter(file.text);
  } catch (thrown) {
    const e = thrown instanceof YamlError ? thrown : new YamlError(String(thrown), undefined);
    // YAML lines count from the line after the opening "---", which is file line 2.
    const line = e.line === undefined ? 1 : e.line + 1;
    return { diagnostics: [error(file.path, `invalid front matter: ${e.message}`, Math.max(1, line))] };
  }
  const { data, frontMatter } = parsed;
  const fail = (key: string, message: string) => diagnostics.push(error(file.path, message, lineOfKey(frontMatter, key)));

  const draft = file.relPath.split('/').slice(0, -1).includes('_drafts');
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
  const categories = categoriesOf(data);
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
  if (data.permalink !== undefined && typeof data.permalink !== 'string') fail('permalink', '"permalink" must be a string');

  if (!date || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const pattern = typeof data.permalink === 'string' ? data.permalink : settings.permalink;
  const url = expandPermalink(pattern, { date, title: slug, categories });
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
