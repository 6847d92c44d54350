/**
 * The render context: rendered posts and everything lists and templates show of them — summaries,
 * categories, tags, the `site` object Liquid sees — built once per build, plus hashes that tell
 * which pages an edit can affect.
 */
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config/config.js';
import { SITE_DEFAULTS } from '../config/defaults.js';
import { toDayString, toIsoString } from '../content/dates.js';
import type { RenderedMarkdown } from '../markdown/pipeline.js';
import type { Post } from '../site/model.js';
import { detectLang } from './lang.js';
import { categoryTerms, type Term, tagTerms } from './lists.js';

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

function termLinks(names: readonly string[], terms: ReadonlyMap<string, Term>): { name: string; url: string }[] {
  return names.map((name) => ({ name, url: terms.get(name)?.url ?? '' }));
}

/** Everything the page specs are made from: the rendered posts and what lists and templates show of them. */
export interface RenderContext {
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

/** Builds the render context from rendered posts (newest first). */
export function buildRenderContext(config: SiteConfig, posts: RenderedPost[], nowIso: string): RenderContext {
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
    feed_url: SITE_DEFAULTS.feedPath,
  };
  const listsHash = createHash('sha256').update(JSON.stringify(list)).digest('hex');
  const { posts: _posts, time: _time, ...siteRest } = site;
  const siteHash = createHash('sha256').update(JSON.stringify(siteRest)).digest('hex');
  return { config, posts, categories, tags, lang, summaries, site, listsHash, siteHash };
}
