/**
 * The site as pages: every output file described as a PageSpec (layout + data) before any
 * template runs. Specs are plain data, so a rebuild can hash them and render only the pages whose
 * inputs changed.
 */
import { SITE_DEFAULTS } from '../config/defaults.js';
import { type PostDate, parseDate, toIsoString } from '../content/dates.js';
import type { Post } from '../site/model.js';
import { absoluteUrl } from '../urls.js';
import type { RenderContext, RenderedPage } from './context.js';
import { documentId, type PostDrop, pageDrop, withContent } from './drops.js';
import { type FeedEntry, renderFeed } from './feed.js';
import { archiveByYear, type Term } from './lists.js';
import { paginate } from './paginate.js';
import { readableText, readingStats } from './reading-time.js';
import { redirectHtml, redirectsOf, redirectToOf } from './redirects.js';
import { relatedPostsOf } from './related.js';
import { renderRobots, renderSitemap } from './sitemap.js';
import { postTocSettings } from './theme-settings.js';
import { buildToc, tocHtml } from './toc.js';

/** A page rendered through a layout. */
export interface LayoutPageSpec {
  /** `post` and `page` come from the site's documents, `list` from inkstone's own list pages. */
  kind: 'post' | 'page' | 'list';
  /** Output path relative to the output folder. */
  path: string;
  /** URL path without baseurl. */
  url: string;
  layout: string;
  /** Body HTML passed as `{{ content }}`. */
  content: string;
  page: Record<string, unknown>;
  /** jekyll-paginate's `paginator`, on index pages. */
  paginator?: Record<string, unknown>;
  /** The document this page renders, for error messages. */
  source?: string;
}

/** A file written as is (feed, sitemap, robots.txt, compiled CSS). */
export interface RawPageSpec {
  kind: 'raw';
  path: string;
  content: string;
  source?: string;
}

/** Any output the site produces. */
export type PageSpec = LayoutPageSpec | RawPageSpec;

/** Text cut at `max` characters (with `…`), for meta descriptions. */
export function truncate(text: string, max = 200): string {
  if (text.length <= max) return text;
  // Never cut between the two halves of a surrogate pair (emoji, rare CJK): a lone half is not text.
  const cut = text.slice(0, max - 1);
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut) + '…';
}

/** What a post page lists of another post (kept small: it is part of the page's hash). */
function postLink(drop: PostDrop): Record<string, unknown> {
  return { title: drop.title, url: drop.url, date: drop.date, day: drop.day, date_text: drop.date_text };
}

/** A post's page: its drop plus what only its own page shows (headings, TOC, reading time, neighbours, related posts). */
function postPage(context: RenderContext, index: number, related: (post: Post) => Post[]): LayoutPageSpec {
  const { post, rendered } = context.posts[index]!;
  const drop = context.summaries.get(post.source)!;
  const newer = context.posts[index - 1]?.post;
  const older = context.posts[index + 1]?.post;
  const neighbour = (p: Post | undefined) => (p ? context.summaries.get(p.source) : undefined);
  const toc = postTocSettings(context.settings, post.data);
  // A post with kramdown's own `{:toc}` has its table of contents in the text already.
  const ownToc = rendered.html.includes('id="markdown-toc"');
  const stats = readingStats(readableText(rendered.html));
  const entries = toc.show && !ownToc ? buildToc(rendered.headings, toc.levels, context.settings.tocMinHeadings) : [];
  return {
    kind: 'post',
    path: post.outputPath,
    url: post.url,
    layout: post.layout,
    content: rendered.html,
    source: post.source,
    page: withContent(
      {
        ...drop,
        description: typeof post.data.description === 'string' ? post.data.description : truncate(rendered.excerptText),
        headings: rendered.headings,
        toc: entries,
        toc_html: tocHtml(entries),
        word_count: stats.words,
        reading_minutes: stats.minutes,
        previous: neighbour(older),
        next: neighbour(newer),
        related: related(post).map((p) => postLink(context.summaries.get(p.source)!)),
      },
      rendered.html,
    ),
  };
}

/** A site page (or one copy of a paginated index) as a spec: Sass output is written as is. */
function sitePage(item: RenderedPage): PageSpec {
  const { page, html, rendered, pagination } = item;
  const path = pagination?.outputPath ?? page.outputPath;
  const url = pagination?.url ?? page.url;
  if (page.format === 'sass') return { kind: 'raw', path, content: html, source: page.source };
  const description = typeof page.data.description === 'string' ? page.data.description : rendered ? truncate(rendered.excerptText) : undefined;
  return {
    kind: 'page',
    path,
    url,
    layout: page.layout,
    content: html,
    source: page.source,
    page: withContent({ ...pageDrop(page), url, ...(description ? { description } : {}), ...(rendered ? { headings: rendered.headings } : {}) }, html),
    ...(pagination ? { paginator: pagination.paginator } : {}),
  };
}

function listPage(path: string, url: string, layout: string, page: Record<string, unknown>, paginator?: Record<string, unknown>): LayoutPageSpec {
  return { kind: 'list', path, url, layout, content: '', page: { ...page, url }, ...(paginator ? { paginator } : {}) };
}

/** inkstone's own list pages: the index (paginated with `paginate:`), categories, tags, archive, 404. */
function listPages(context: RenderContext): LayoutPageSpec[] {
  const { config } = context.site;
  const drops = (posts: readonly Post[]) => posts.map((p) => context.summaries.get(p.source)!);
  const all = drops(context.posts.map((p) => p.post));
  const specs: LayoutPageSpec[] = [];
  if (config.paginate) {
    for (const pager of paginate(all, config.paginate, config.paginatePath)) {
      specs.push(listPage(pager.outputPath, pager.url, 'home', { title: config.title, posts: pager.paginator.posts }, pager.paginator));
    }
  } else {
    specs.push(listPage('index.html', '/', 'home', { title: config.title, posts: all }));
  }
  const termPages = (terms: Term[], base: string, label: string, layout: string) => {
    specs.push(
      listPage(`${base}/index.html`, `/${base}/`, `${layout}-index`, {
        title: label,
        terms: terms.map((t) => ({ name: t.name, url: t.url, size: t.posts.length })),
      }),
    );
    for (const term of terms) {
      specs.push(listPage(`${base}/${term.slug}/index.html`, term.url, layout, { title: term.name, term: term.name, kind: layout, posts: drops(term.posts) }));
    }
  };
  const strings = context.i18n;
  termPages(context.categories, 'categories', strings.categories, 'category');
  termPages(context.tags, 'tags', strings.tags, 'tag');
  specs.push(
    listPage('archive/index.html', '/archive/', 'archive', {
      title: strings.archive,
      years: archiveByYear(context.posts.map((p) => p.post)).map((y) => ({ year: y.year, posts: drops(y.posts) })),
    }),
  );
  specs.push(listPage('404.html', '/404.html', '404', { title: strings.not_found_title }));
  return specs;
}

/**
 * Every page of the site, as data: posts, the site's own pages, inkstone's list pages (except
 * where a site page takes their place: its own `index.md` or `404.html`), feed, sitemap, robots.txt.
 */
export function planPages(context: RenderContext, nowIso: string): PageSpec[] {
  const { config } = context.site;
  const urls = { url: config.url, baseurl: config.baseurl };
  const specs: PageSpec[] = [];
  // From the whole site, not context.posts: dev's fast path plans a few posts with the same lists.
  const related = relatedPostsOf(context.site.posts, context.settings.relatedPosts);
  for (const [i, { post }] of context.posts.entries()) {
    const to = redirectToOf(post.data, urls);
    specs.push(to ? { kind: 'raw', path: post.outputPath, content: redirectHtml(to), source: post.source } : postPage(context, i, related));
  }
  for (const item of context.pages) {
    const to = redirectToOf(item.page.data, urls);
    specs.push(to ? { kind: 'raw', path: item.page.outputPath, content: redirectHtml(to), source: item.page.source } : sitePage(item));
  }
  const taken = new Set([...specs.map((s) => s.path), ...context.site.staticFiles.map((f) => f.path)]);
  const ownIndex = taken.has('index.html');
  specs.push(...listPages(context).filter((s) => !taken.has(s.path) && !(ownIndex && s.paginator)));
  for (const redirect of redirectsOf([...context.posts.map((p) => p.post), ...context.pages.map((p) => p.page)], urls)) {
    if (specs.some((s) => s.path === redirect.path) || taken.has(redirect.path)) continue;
    specs.push({ kind: 'raw', path: redirect.path, content: redirectHtml(redirect.to), source: redirect.source });
  }
  specs.push(...siteFiles(context, specs, nowIso));
  return specs;
}

/** A document's `last_modified_at` (front matter), read as a date in the site's time zone, if it has a valid one. */
export function lastModified(data: Record<string, unknown>, zone: string | undefined): PostDate | undefined {
  const value = data.last_modified_at;
  return typeof value === 'string' ? parseDate(value, zone) : undefined;
}

/** feed.xml, sitemap.xml and robots.txt, unless the site has its own at that path. */
function siteFiles(context: RenderContext, pages: readonly PageSpec[], nowIso: string): RawPageSpec[] {
  const { config } = context.site;
  const taken = new Set([...pages.map((s) => s.path), ...context.site.staticFiles.map((f) => f.path)]);
  const urlSettings = { url: config.url, baseurl: config.baseurl };
  const files: RawPageSpec[] = [];
  if (!taken.has('feed.xml')) {
    const entries: FeedEntry[] = context.posts.map(({ post, rendered }) => ({
      post,
      html: rendered.html,
      excerptHtml: rendered.excerptHtml,
      id: absoluteUrl(documentId(post.url, post.slug), urlSettings),
      updated: lastModified(post.data, config.timezone),
    }));
    const site = { ...urlSettings, title: config.title, description: config.description, author: config.author, feedPath: SITE_DEFAULTS.feedPath };
    files.push({ kind: 'raw', path: 'feed.xml', content: renderFeed(site, entries, config.feedLimit, nowIso) });
  }
  if (!taken.has('sitemap.xml')) {
    const entries = pages
      .filter((s): s is LayoutPageSpec => s.kind !== 'raw' && s.path !== '404.html' && /\.html?$/.test(s.path) && s.page.sitemap !== false)
      .map((s) => {
        const modified = lastModified(s.page, config.timezone);
        return { url: s.url, lastmod: modified ? toIsoString(modified) : s.kind === 'post' ? (s.page.date as string) : undefined };
      });
    files.push({ kind: 'raw', path: 'sitemap.xml', content: renderSitemap(urlSettings, entries) });
  }
  if (!taken.has('robots.txt')) files.push({ kind: 'raw', path: 'robots.txt', content: renderRobots(urlSettings) });
  return files;
}
