/**
 * The render context: rendered posts and pages and everything lists and templates show of them —
 * drops, categories, tags, the `site` object Liquid sees — built once per build, plus hashes that
 * tell which pages an edit can affect.
 */
import { createHash } from 'node:crypto';
import type { RenderedMarkdown } from '../markdown/pipeline.js';
import type { Page, Post, Site } from '../site/model.js';
import { type PostDrop, pageDrop, postDrop, siteDrop } from './drops.js';
import { type UiStrings, uiStrings } from './i18n.js';
import { detectLang } from './lang.js';
import { categoryTerms, type Term, tagTerms } from './lists.js';
import { type ThemeSettings, themeSettings } from './theme-settings.js';

/** A post with its rendered Markdown. */
export interface RenderedPost {
  post: Post;
  rendered: RenderedMarkdown;
}

/** A page with its rendered body (Markdown converted, Liquid run); `rendered` for Markdown pages. */
export interface RenderedPage {
  page: Page;
  html: string;
  rendered?: RenderedMarkdown;
  /** For index pages 2, 3, … of a paginated index: where this copy goes and its `paginator`. */
  pagination?: { outputPath: string; url: string; paginator: Record<string, unknown> };
}

/** What the post drops of a list are made from, before or after rendering. */
type PostInput = { post: Post; rendered?: Pick<RenderedMarkdown, 'html' | 'excerptHtml'> };

/** Everything the page specs are made from: rendered posts and pages and what lists and templates show of them. */
export interface RenderContext {
  site: Site;
  posts: RenderedPost[];
  pages: RenderedPage[];
  categories: Term[];
  tags: Term[];
  lang: string;
  /** The theme's interface strings for `lang`. */
  i18n: UiStrings;
  /** The default theme's `_config.yml` settings. */
  settings: ThemeSettings;
  /** Post drops by source path. */
  summaries: Map<string, PostDrop>;
  /** `site` as templates see it. */
  siteDrop: Record<string, unknown>;
  /** Changes whenever any post or page data a list could show changes (bodies aside). */
  listsHash: string;
  /** Changes whenever a post's or page's rendered body changes (for templates that show `post.content`). */
  contentHash: string;
  /** Hash of `site` without its post and page lists and build time, computed once per build. */
  siteHash: string;
}

/** The drops and `site` object for posts and pages, rendered or not yet (for Liquid in documents before they are rendered). */
export function siteDropsOf(site: Site, posts: readonly PostInput[], pages: readonly { page: Page; html?: string }[], nowIso: string) {
  const plain = posts.map((p) => p.post);
  const categories = categoryTerms(plain);
  const tags = tagTerms(plain);
  const urls = { category: new Map(categories.map((t) => [t.name, t.url])), tag: new Map(tags.map((t) => [t.name, t.url])) };
  const links = (kind: 'category' | 'tag', name: string) => urls[kind].get(name) ?? '';
  const lang = site.config.lang ?? detectLang(plain);
  const i18n = uiStrings(lang, site.config.data.i18n);
  const settings = themeSettings(site.config);
  const dates = { date: settings.dateFormat ?? i18n.date_format, monthDay: i18n.month_day_format };
  const summaries = new Map<string, PostDrop>();
  for (const { post, rendered } of posts) summaries.set(post.source, postDrop(post, rendered, links, dates));
  const pageDrops = pages.map((p) => pageDrop(p.page, p.html));
  const drop = siteDrop(site.config, {
    posts: [...summaries.values()],
    pages: pageDrops,
    staticFiles: site.staticFiles,
    data: site.data,
    lang,
    i18n,
    time: nowIso,
  });
  return { categories, tags, summaries, lang, i18n, settings, siteDrop: drop };
}

/** Builds the render context from rendered posts (newest first) and pages. */
export function buildRenderContext(site: Site, posts: RenderedPost[], pages: RenderedPage[], nowIso: string): RenderContext {
  const drops = siteDropsOf(site, posts, pages, nowIso);
  const { posts: postList, pages: pageList, related_posts: _r, html_pages: _h, categories: _c, tags: _t, time: _time, ...rest } = drops.siteDrop;
  const withoutContent = (list: unknown) => (list as Record<string, unknown>[]).map(({ content: _content, ...rest }) => rest);
  const listsHash = createHash('sha256')
    .update(JSON.stringify([withoutContent(postList), withoutContent(pageList)]))
    .digest('hex');
  const contentHash = createHash('sha256');
  for (const item of [...(postList as Record<string, unknown>[]), ...(pageList as Record<string, unknown>[])])
    contentHash.update(String(item.content)).update('\0');
  const siteHash = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
  return { site, posts, pages, ...drops, listsHash, contentHash: contentHash.digest('hex'), siteHash };
}
