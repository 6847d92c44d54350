/**
 * What Liquid sees of the site, shaped the way Jekyll's drops are, so a Jekyll site's templates
 * work unchanged: `site.posts` (newest first), `site.pages`, `site.categories.<name>`,
 * `site.tags.<name>`, `site.data`, `site.time` and every `_config.yml` key; for a post `page.url`,
 * `page.id`, `page.date`, `page.categories`, `page.excerpt`, `page.content`, `page.path`, and its
 * front matter. Plain objects: they hash and serialize.
 */
import type { SiteConfig } from '../config/config.js';
import { toDayString, toIsoString } from '../content/dates.js';
import type { Page, Post, StaticFile } from '../site/model.js';
import { formatDate } from './date-format.js';
import type { UiStrings } from './i18n.js';

/** A name and the URL of its list page, for the default theme's links. */
export interface TermLink {
  name: string;
  url: string;
}

/** A post as templates see it, in lists and on its own page. */
export interface PostDrop extends Record<string, unknown> {
  title: string;
  url: string;
  /** ISO 8601 in the post's own offset. */
  date: string;
  /** `2020-01-01`, as written. */
  day: string;
  /** The date for readers, in the site's language or `date_format` (`2020年1月1日`). */
  date_text: string;
  /** Month and day for readers (`1月1日`), for lists grouped by year. */
  month_day: string;
  /** Jekyll's id: the URL without its extension (jekyll-feed's entry id). */
  id: string;
  slug: string;
  /** Source path relative to the site root (Jekyll's `page.path`). */
  path: string;
  categories: string[];
  tags: string[];
  category_links: TermLink[];
  tag_links: TermLink[];
  /** Rendered excerpt HTML ('' before the post is rendered). */
  excerpt: string;
  /** Rendered body HTML ('' before the post is rendered). */
  content: string;
  draft: boolean;
  layout: string;
  collection: 'posts';
}

/**
 * Jekyll's document id (jekyll-feed's entry id): the URL's folder joined with the slug —
 * `/2020/01/01/x.html` → `/2020/01/01/x`; with `permalink: /gdb/tips/` and slug `gdb-tips`, `/gdb/gdb-tips`.
 */
export function documentId(url: string, slug: string): string {
  const folder = url.replace(/\/$/, '').replace(/\/[^/]*$/, '');
  return `${folder}/${slug}`;
}

/**
 * Sets `content` on a drop as a property Liquid reads but JSON leaves out: page data is hashed to
 * tell which pages changed, and a post's body must not count for every list that names the post
 * (templates that show `post.content` are tracked separately, see render/spec-hash.ts).
 */
export function withContent<T extends object>(drop: T, html: string): T & { content: string } {
  return Object.defineProperty(drop, 'content', { value: html, enumerable: false, writable: true, configurable: true }) as T & { content: string };
}

/** How a drop shows dates to readers (render/date-format.ts patterns). */
export interface DateFormats {
  date: string;
  monthDay: string;
}

/** ISO-like formats, for drops made without a site language. */
const PLAIN_DATES: DateFormats = { date: '%Y-%m-%d', monthDay: '%m-%d' };

/**
 * A post's drop; `rendered` once its body is rendered. `links` finds each category's and tag's list
 * page, `dates` says how dates are shown to readers.
 */
export function postDrop(
  post: Post,
  rendered?: { html: string; excerptHtml: string },
  links?: (kind: 'category' | 'tag', name: string) => string,
  dates: DateFormats = PLAIN_DATES,
): PostDrop {
  const link = (kind: 'category' | 'tag') => (name: string) => ({ name, url: links?.(kind, name) ?? '' });
  const { content: _content, ...data } = post.data;
  const drop = {
    ...data,
    title: post.title,
    url: post.url,
    date: toIsoString(post.date),
    day: toDayString(post.date),
    date_text: formatDate(post.date, dates.date),
    month_day: formatDate(post.date, dates.monthDay),
    id: documentId(post.url, post.slug),
    slug: post.slug,
    path: post.source,
    categories: post.categories,
    tags: post.tags,
    category_links: post.categories.map(link('category')),
    tag_links: post.tags.map(link('tag')),
    excerpt: rendered?.excerptHtml ?? '',
    draft: post.draft,
    layout: post.layout,
    collection: 'posts' as const,
  };
  return withContent(drop, rendered?.html ?? '');
}

/** A page's drop; `html` once its body is rendered. */
export function pageDrop(page: Page, html = ''): Record<string, unknown> {
  const name = page.relPath.slice(page.relPath.lastIndexOf('/') + 1);
  const { content: _content, ...data } = page.data;
  return withContent({ ...data, title: page.title, url: page.url, path: page.source, name, dir: page.url.replace(/[^/]*$/, ''), layout: page.layout }, html);
}

/** A static file as Jekyll's `site.static_files` lists it. */
export function staticFileDrop(file: StaticFile): Record<string, unknown> {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return { path: `/${file.path}`, name, basename: dot > 0 ? name.slice(0, dot) : name, extname: dot > 0 ? name.slice(dot) : '' };
}

/** Posts by category or tag name, each list newest first (Jekyll's `site.categories`, `site.tags`). */
export function postsByTerm(posts: readonly PostDrop[], pick: (p: PostDrop) => readonly string[]): Record<string, PostDrop[]> {
  const byName: Record<string, PostDrop[]> = {};
  for (const post of posts) for (const name of pick(post)) (byName[name] ??= []).push(post);
  return byName;
}

/** What `site` holds besides the config keys. */
export interface SiteDropParts {
  posts: PostDrop[];
  pages: Record<string, unknown>[];
  staticFiles: readonly StaticFile[];
  data: Record<string, unknown>;
  lang: string;
  time: string;
  /** The theme's interface strings for `lang` (`site.i18n`). */
  i18n: UiStrings;
}

/** The `site` object of templates: every `_config.yml` key, then what the build knows. */
export function siteDrop(config: SiteConfig, parts: SiteDropParts): Record<string, unknown> {
  return {
    ...config.data,
    title: config.title,
    description: config.description,
    author: config.author,
    url: config.url,
    baseurl: config.baseurl,
    lang: parts.lang,
    i18n: parts.i18n,
    time: parts.time,
    posts: parts.posts,
    related_posts: parts.posts.slice(0, 10),
    pages: parts.pages,
    html_pages: parts.pages.filter((p) => typeof p.url === 'string' && (p.url.endsWith('/') || p.url.endsWith('.html'))),
    static_files: parts.staticFiles.map(staticFileDrop),
    categories: postsByTerm(parts.posts, (p) => p.categories),
    tags: postsByTerm(parts.posts, (p) => p.tags),
    data: parts.data,
    feed_url: '/feed.xml',
  };
}
