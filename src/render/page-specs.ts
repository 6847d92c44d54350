/**
 * The site as pages: every output file described as a PageSpec (layout + data) before any
 * template runs. Specs are plain data, so a rebuild can hash them and render only the pages whose
 * inputs changed.
 */
import { SITE_DEFAULTS } from '../config/defaults.js';
import type { Post } from '../site/model.js';
import type { RenderContext } from './context.js';
import { type FeedEntry, renderFeed } from './feed.js';
import { archiveByYear, type Term } from './lists.js';
import { renderRobots, renderSitemap } from './sitemap.js';

/** A page rendered through a layout. */
export interface LayoutPageSpec {
  kind: 'post' | 'list';
  /** Output path relative to the output folder. */
  path: string;
  /** URL path without baseurl. */
  url: string;
  layout: string;
  /** Body HTML passed as `{{ content }}`. */
  content: string;
  page: Record<string, unknown>;
  /** The post this page renders, for error messages. */
  source?: string;
}

/** A file written as is (feed, sitemap, robots.txt). */
export interface RawPageSpec {
  kind: 'raw';
  path: string;
  content: string;
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

function postPage(model: RenderContext, index: number): LayoutPageSpec {
  const { post, rendered } = model.posts[index]!;
  const summary = model.summaries.get(post.source)!;
  const newer = model.posts[index - 1]?.post;
  const older = model.posts[index + 1]?.post;
  const link = (p: Post | undefined) => (p ? { title: p.title, url: p.url } : undefined);
  return {
    kind: 'post',
    path: post.outputPath,
    url: post.url,
    layout: post.layout,
    content: rendered.html,
    source: post.source,
    page: {
      ...post.data,
      ...summary,
      id: post.url,
      slug: post.slug,
      path: post.source,
      layout: post.layout,
      categories: post.categories,
      tags: post.tags,
      category_links: summary.categories,
      tag_links: summary.tags,
      description: typeof post.data.description === 'string' ? post.data.description : truncate(rendered.excerptText),
      headings: rendered.headings,
      draft: post.draft,
      previous: link(older),
      next: link(newer),
    },
  };
}

function listPage(path: string, url: string, layout: string, page: Record<string, unknown>): LayoutPageSpec {
  return { kind: 'list', path, url, layout, content: '', page: { ...page, url } };
}

/** Every page of the site, as data. */
export function planPages(model: RenderContext, nowIso: string): PageSpec[] {
  const summaries = (posts: readonly Post[]) => posts.map((p) => model.summaries.get(p.source)!);
  const specs: PageSpec[] = model.posts.map((_, i) => postPage(model, i));
  specs.push(listPage('index.html', '/', 'home', { title: model.config.title, posts: summaries(model.posts.map((p) => p.post)) }));
  const termPages = (terms: Term[], base: string, label: string, layout: string) => {
    specs.push(
      listPage(`${base}/index.html`, `/${base}/`, `${layout}-index`, {
        title: label,
        terms: terms.map((t) => ({ name: t.name, url: t.url, size: t.posts.length })),
      }),
    );
    for (const term of terms) {
      specs.push(
        listPage(`${base}/${term.slug}/index.html`, term.url, layout, { title: term.name, term: term.name, kind: layout, posts: summaries(term.posts) }),
      );
    }
  };
  termPages(model.categories, 'categories', 'Categories', 'category');
  termPages(model.tags, 'tags', 'Tags', 'tag');
  specs.push(
    listPage('archive/index.html', '/archive/', 'archive', {
      title: 'Archive',
      years: archiveByYear(model.posts.map((p) => p.post)).map((y) => ({ year: y.year, posts: summaries(y.posts) })),
    }),
  );
  specs.push(listPage('404.html', '/404.html', '404', { title: 'Page not found' }));
  const urlSettings = { url: model.config.url, baseurl: model.config.baseurl };
  const entries: FeedEntry[] = model.posts.map(({ post, rendered }) => ({ post, html: rendered.html, excerptHtml: rendered.excerptHtml }));
  specs.push({
    kind: 'raw',
    path: 'feed.xml',
    content: renderFeed(
      { ...urlSettings, title: model.config.title, description: model.config.description, author: model.config.author, feedPath: SITE_DEFAULTS.feedPath },
      entries,
      model.config.feedLimit,
      nowIso,
    ),
  });
  const sitemapEntries = specs
    .filter((s): s is LayoutPageSpec => s.kind !== 'raw' && s.path !== '404.html')
    .map((s) => ({ url: s.url, lastmod: s.kind === 'post' ? (s.page.date as string) : undefined }));
  specs.push({ kind: 'raw', path: 'sitemap.xml', content: renderSitemap(urlSettings, sitemapEntries) });
  specs.push({ kind: 'raw', path: 'robots.txt', content: renderRobots(urlSettings) });
  return specs;
}
