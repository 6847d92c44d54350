/**
 * The search index as output files. No word segmentation: the browser matches the query as a
 * substring of each post's text (layouts/assets/search.js), which is exact for Chinese (any run of
 * characters is found, `伙伴系统` never matches a post that only has `系统`) and needs nothing but
 * the text at build time. The text is split into chunks of posts, oldest first, each named by the
 * hash of what it is made from, so an edit changes one chunk, a warm build reuses the others, and
 * browsers can cache them for good; `search/index.json` lists the chunks.
 *
 * A chunk: `{"v":1,"posts":[{"u":url,"t":title,"d":iso date,"s":[[heading id, heading, text], …]}, …]}`.
 */
import { createHash } from 'node:crypto';
import { SEARCH_DEFAULTS } from '../config/defaults.js';
import { toIsoString } from '../content/dates.js';
import type { RenderContext, RenderedPost } from '../render/context.js';
import { redirectToOf } from '../render/redirects.js';
import { relativeUrl } from '../urls.js';
import { extractSections } from './extract.js';
import { postSearchable, searchEnabled } from './settings.js';

/** Bump when the chunk format or the text extraction (extract.ts) changes: every chunk gets a new name. */
export const INDEX_VERSION = 2;

/** One chunk of the index, planned: its output path and the posts it holds. */
export interface PlannedChunk {
  /** Output path, `search/<hash>.json`. */
  path: string;
  posts: readonly RenderedPost[];
}

/** The index planned from a render context: chunks named by content, before any text is extracted. */
export interface IndexPlan {
  chunks: PlannedChunk[];
  /** `search/index.json`'s bytes. */
  index: string;
  baseurl: string;
}

/** sha1 of a rendered body, kept per render result (dev reuses unchanged ones between rebuilds). */
const bodyHashes = new WeakMap<object, string>();

function bodyHash(rendered: RenderedPost['rendered']): string {
  let hash = bodyHashes.get(rendered);
  if (!hash) {
    hash = createHash('sha1').update(rendered.html).digest('hex');
    bodyHashes.set(rendered, hash);
  }
  return hash;
}

/** The posts a site's index holds, oldest first: every rendered post that is not `search: false` and not a redirect. */
export function searchablePosts(context: RenderContext): RenderedPost[] {
  const { url, baseurl } = context.site.config;
  return context.posts.filter(({ post }) => postSearchable(post.data) && redirectToOf(post.data, { url, baseurl }) === undefined).reverse();
}

/** Names one chunk by everything its bytes are made from. */
function chunkPath(posts: readonly RenderedPost[], baseurl: string): string {
  const hash = createHash('sha1').update(`${INDEX_VERSION}\0${baseurl}\0`);
  for (const { post, rendered } of posts) hash.update(`${post.url}\0${post.title}\0${toIsoString(post.date)}\0${bodyHash(rendered)}\0`);
  return `search/${hash.digest('hex').slice(0, 20)}.json`;
}

/** Plans the index (undefined when the site has `search: false`): cheap, it hashes bodies but reads no text. */
export function planIndex(context: RenderContext, chunkPosts: number = SEARCH_DEFAULTS.chunkPosts): IndexPlan | undefined {
  const { config } = context.site;
  if (!searchEnabled(config.data)) return undefined;
  const posts = searchablePosts(context);
  const chunks: PlannedChunk[] = [];
  for (let i = 0; i < posts.length; i += chunkPosts) {
    const slice = posts.slice(i, i + chunkPosts);
    chunks.push({ path: chunkPath(slice, config.baseurl), posts: slice });
  }
  const index = JSON.stringify({ v: INDEX_VERSION, posts: posts.length, chunks: chunks.map((c) => c.path.slice('search/'.length)) });
  return { chunks, index, baseurl: config.baseurl };
}

/** A chunk's bytes: each post's URL (with the base path), title, date and sections. */
export function chunkContent(chunk: PlannedChunk, baseurl: string): string {
  const posts = chunk.posts.map(({ post, rendered }) => ({
    u: relativeUrl(post.url, baseurl),
    t: post.title,
    d: toIsoString(post.date),
    s: extractSections(rendered.html),
  }));
  return JSON.stringify({ v: INDEX_VERSION, posts });
}
