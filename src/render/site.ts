/**
 * The site as pages: every output file described as a PageSpec (layout + data), then rendered.
 * Specs are plain data, so a rebuild can hash them and render only the pages whose inputs changed.
 */
import { createHash } from 'node:crypto';
import { toDayString, toIsoString } from '../content/dates.js';
import type { Post } from '../content/post.js';
import type { SiteConfig } from '../config.js';
import type { RenderedMarkdown } from '../markdown/pipeline.js';
import { renderFeed, type FeedEntry } from './feed.js';
import { archiveByYear, categoryTerms, tagTerms, type Term } from './lists.js';
import { renderRobots, renderSitemap } from './sitemap.js';
import { layoutChain, renderWithLayout, usesSiteLists, type Theme } from './templates.js';

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

/** A post with its rendered Markdown. */
export interface RenderedPost {
  post: Post;
  rendered: RenderedMarkdown;
}

/** What templates see as a post in lists: small and stable. */
export interface PostSummary {
  title: string;
  url: string;
  date: string;
  day: string;
  categories: { name: string; url: string }[];
  tags: { name: string; url: string }[];
  excerpt: string;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/** `zh-CN` when most letters in the posts are Chinese (`ja` with kana, `ko` with hangul), else `en`. */
export function detectLang(posts: readonly Post[]): string {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  // A spread-out sample of at most 200 posts decides as well as all of them.
  const step = Math.max(1, Math.floor(posts.length / 200));
  for (let i = 0; i < posts.length; i += step) {
    const post = posts[i]!;
    const sample = post.title + post.body.slice(0, 4000).replace(/```[\s\S]*?```/g, '');
    han += sample.match(HAN)?.length ?? 0;
    kana += sample.match(KANA)?.length ?? 0;
    hangul += sample.match(HANGUL)?.length ?? 0;
    latin += (sample.match(LATIN)?.length ?? 0) / 5;
  }
  if (han + kana + hangul <= latin) return 'en';
  if (hangul > han + kana) return 'ko';
  return kana > 0.1 * (han + kana) ? 'ja' : 'zh-CN';
}

/** Plain text of an HTML fragment, whitespace folded, cut at `max` characters. */
export function plainText(html: string, max = 200): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  // Never cut between the two halves of a surrogate pair (emoji, rare CJK): a lone half is not text.
  const cut = text.slice(0, max - 1);
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut) + '…';
}

function termLinks(names: readonly string[], terms: ReadonlyMap<string, Term>): { name: string; url: string }[] {
  return names.map((name) => ({ name, url: terms.get(name)?.url ?? '' }));
}

/** Everything the page specs are made from. */
export interface SiteModel {
  config: SiteConfig;
  posts: RenderedPost[];
  categories: Term[];
  tags: Term[];
  lang: string;
  summaries: Map<string, PostSummary>;
  /** `site` as templates see it. */
  site: Record<string, unknown>;
  /** Changes whenever any list-relevant post data changes. */
  listsHash: string;
  /** Hash of `site` without its post lists and build time, computed once per build. */
  siteHash: string;
}

/** Builds the site model from rendered posts (newest first). */
export function buildModel(config: SiteConfig, posts: RenderedPost[], nowIso: string): SiteModel {
  const plain = posts.map((p) => p.post);
  const categories = categoryTerms(plain);
  const tags = tagTerms(plain);
  const catIndex = new Map(categories.map((t) => [t.name, t]));
  const tagIndex = new Map(tags.map((t) => [t.name, t]));
  const summaries = new Map<string, PostSummary>();
  for (const { post, rendered } of posts) {
    summaries.set(post.source, {
      title: post.title,
      url: post.url,
      date: toIsoString(post.date),
      day: toDayString(post.date),
      categories: termLinks(post.categories, catIndex),
      tags: termLinks(post.tags, tagIndex),
      excerpt: rendered.excerptHtml,
    });
  }
  const lang = config.lang ?? detectLang(plain);
  const list = [...summaries.values()];
  const site: Record<string, unknown> = {
    ...config.data,
    title: config.title,
    description: config.description,
    author: config.author,
    url: config.url,
    baseurl: config.baseurl,
    lang,
    time: nowIso,
    posts: list,
    categories: categories.map((t) => ({ name: t.name, url: t.url, size: t.posts.length })),
    tags: tags.map((t) => ({ name: t.name, url: t.url, size: t.posts.length })),
    feed_url: '/feed.xml',
  };
  const listsHash = createHash('sha256').update(JSON.stringify(list)).digest('hex');
  const { posts: _posts, time: _time, ...siteRest } = site;
  const siteHash = createHash('sha256').update(JSON.stringify(siteRest)).digest('hex');
  return { config, posts, categories, tags, lang, summaries, site, listsHash, siteHash };
}

function postPage(model: SiteModel, index: number): LayoutPageSpec {
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
      description: typeof post.data.description === 'string' ? post.data.description : plainText(rendered.excerptHtml),
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
export function planPages(model: SiteModel, nowIso: string): PageSpec[] {
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
      specs.push(listPage(`${base}/${term.slug}/index.html`, term.url, layout, { title: term.name, term: term.name, kind: layout, posts: summaries(term.posts) }));
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
    content: renderFeed({ ...urlSettings, title: model.config.title, description: model.config.description, author: model.config.author, feedPath: '/feed.xml' }, entries, model.config.feedLimit, nowIso),
  });
  const sitemapEntries = specs
    .filter((s): s is LayoutPageSpec => s.kind !== 'raw' && s.path !== '404.html')
    .map((s) => ({ url: s.url, lastmod: s.kind === 'post' ? (s.page.date as string) : undefined }));
  specs.push({ kind: 'raw', path: 'sitemap.xml', content: renderSitemap(urlSettings, sitemapEntries) });
  specs.push({ kind: 'raw', path: 'robots.txt', content: renderRobots(urlSettings) });
  return specs;
}

/** A hash of everything a page's output depends on (layout sources included). */
export function specHash(spec: PageSpec, theme: Theme, model: SiteModel): string {
  const hash = createHash('sha256');
  if (spec.kind === 'raw') return hash.update(spec.content).digest('hex');
  for (const layout of layoutChain(theme, spec.layout)) hash.update(layout.name).update('\0').update(layout.source).update('\0');
  hash.update(theme.includesHash ?? '');
  hash.update(model.siteHash);
  if (usesSiteLists(theme, spec.layout)) hash.update(model.listsHash);
  return hash.update(spec.layout).update('\0').update(spec.content).update('\0').update(JSON.stringify(spec.page)).digest('hex');
}

/** Renders one page spec to its file contents. */
export async function renderPage(spec: PageSpec, theme: Theme, model: SiteModel): Promise<string> {
  if (spec.kind === 'raw') return spec.content;
  return renderWithLayout(theme, spec.layout, spec.content, { page: spec.page, site: model.site });
}
