/**
 * Links between posts, written the way authors write them, turned into the target's real URL:
 * relative file links (`[see](./2020-01-01-some-drafts.md#内核抢占)`, `../notes/2021-...md`), Jekyll's
 * `{% post_url 2020-01-01-some-drafts %}` (optionally followed by `#fragment`) and
 * `{{ site.baseurl }}/path`, and root-relative links (`/assets/x.png`), which get the base path so
 * project pages under `/<repo>/` keep working. Post bodies are not run through Liquid, so the two
 * Jekyll forms are found where CommonMark leaves them: as text, since a link target cannot hold spaces.
 * Excerpts, shown on list pages, get their relative links made absolute. Pure: rendered posts in,
 * rendered posts out (untouched posts are returned as the same objects).
 */
import path from 'node:path';
import type { Post } from '../content/post.js';
import type { LinkRef, RenderedMarkdown } from '../markdown/pipeline.js';
import type { RenderedPost } from '../render/site.js';
import { relativeUrl } from '../render/templates.js';
import { hasMedia } from './assets.js';
import { decodeEntities, elementSpans, encodeAttribute, insideSpans, scanHtml, spliceAll, type Span } from './html.js';
import { closest, encodeHref, isExternal, safeDecode, splitHref, withBase, withoutBase } from './urls.js';

/** A link of a rendered post, with what the build did to it. */
export interface CheckedLink extends LinkRef {
  /** The href as the author wrote it, when the build rewrote it. */
  written?: string;
  /** Why it could not be rewritten (no such post), reported by the link check. */
  problem?: string;
}

/** Site settings the rewrite needs. */
export interface RewriteOptions {
  /** Base path, `''` or `/repo`. */
  baseurl: string;
}

/** A rewritten URL, or a reason it could not be resolved. */
interface Rewrite {
  url: string;
  problem?: string;
}

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
const POST_URL_TAG = /^\{%-?\s*post_url\s+(\S+?)\s*-?%\}(.*)$/s;
const BASEURL_TAG = /^\{\{-?\s*site\.baseurl\s*-?\}\}(.*)$/s;
/** A Jekyll tag that starts a link target: `{% post_url name %}` (group 1: name) or `{{ site.baseurl }}`. */
const LIQUID_TARGET = String.raw`\{%-?\s*post_url\s+([^\s%]+?)\s*-?%\}|\{\{-?\s*site\.baseurl\s*-?\}\}`;
/** `[text]({% post_url name %}#frag)`, `![alt]({{ site.baseurl }}/a.png)`, left as text by CommonMark. Groups: `!`, text, name, rest. */
const LIQUID_TEXT = new RegExp(String.raw`(!?)\[([^[\]]*)\]\((?:${LIQUID_TARGET})([^()\s<>"]*)\)`, 'g');
const LIQUID_LEFTOVER = new RegExp(LIQUID_TARGET, 'g');
const hasLiquid = (html: string) => html.includes('post_url') || html.includes('site.baseurl');
const NO_LINKING = ['a', 'code', 'pre', 'script', 'style', 'kbd', 'samp'];

/** Posts by the names links use for them. */
export interface PostIndex {
  /** By site-root-relative source path (`posts/2020-01-01-x.md`), NFC. */
  bySource: Map<string, Post>;
  /** By path below the posts folder without extension (`2020-01-01-x`, `linux/2021-...`). */
  byName: Map<string, Post>;
  /** By file name without extension, when unique. */
  byBaseName: Map<string, Post | null>;
}

/** Indexes posts by source path and by `post_url` name. */
export function indexPosts(posts: readonly Post[]): PostIndex {
  const index: PostIndex = { bySource: new Map(), byName: new Map(), byBaseName: new Map() };
  for (const post of posts) {
    index.bySource.set(post.source.normalize('NFC'), post);
    const name = post.relPath.normalize('NFC').replace(MARKDOWN_FILE, '');
    index.byName.set(name, post);
    const base = name.slice(name.lastIndexOf('/') + 1);
    index.byBaseName.set(base, index.byBaseName.has(base) ? null : post);
  }
  return index;
}

/** The post a `{% post_url name %}` names, or why none does. */
export function resolvePostUrl(name: string, index: PostIndex): { post?: Post; problem?: string } {
  const key = name.normalize('NFC').replace(/^\/+/, '').replace(MARKDOWN_FILE, '');
  const post = index.byName.get(key) ?? index.byBaseName.get(key.slice(key.lastIndexOf('/') + 1)) ?? undefined;
  if (post) return { post };
  const guess = closestPost(key, index.byName.keys());
  return { problem: `no post named "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}` };
}

/** `linux/2021-02-02-other.md` → `other`: what tells posts apart in a typo. */
const slugOf = (name: string) => path.posix.basename(name).replace(MARKDOWN_FILE, '').replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');

/** The post name or path closest to `wanted`: the same slug with another date or folder, or a slug one typo away. */
function closestPost(wanted: string, names: Iterable<string>): string | undefined {
  const bySlug = new Map<string, string>();
  for (const name of names) if (!bySlug.has(slugOf(name))) bySlug.set(slugOf(name), name);
  const slug = slugOf(wanted);
  const match = bySlug.get(slug) ?? bySlug.get(closest(slug, bySlug.keys()) ?? '\0');
  return match === wanted ? undefined : match;
}

/** The folder posts live in, relative to the site root (`posts`), from a post's paths. */
function postsFolder(post: Post): string {
  return post.source.endsWith(post.relPath) ? post.source.slice(0, post.source.length - post.relPath.length).replace(/\/$/, '') : path.posix.dirname(post.source);
}

/** Rewrites one href of `post`; undefined when it stays as it is. */
export function rewriteHref(href: string, post: Post, index: PostIndex, options: RewriteOptions): Rewrite | undefined {
  const liquid = href.startsWith('%7B') ? safeDecode(href) : href;
  const tag = POST_URL_TAG.exec(liquid);
  if (tag) {
    const { post: target, problem } = resolvePostUrl(tag[1]!, index);
    if (!target) return { url: href, problem: problem! };
    return { url: relativeUrl(target.url, options.baseurl) + encodeHref(tag[2]!.trim()) };
  }
  const base = BASEURL_TAG.exec(liquid);
  if (base) return { url: encodeHref(options.baseurl) + encodeHref(base[1]!.trim()) };
  if (!href || href.startsWith('#') || isExternal(href)) return undefined;
  const { path: filePath, query, hash } = splitHref(href);
  if (MARKDOWN_FILE.test(filePath)) {
    const decoded = safeDecode(filePath);
    const candidates = decoded.startsWith('/')
      ? [decoded.slice(1), path.posix.join(postsFolder(post), decoded)]
      : [path.posix.join(path.posix.dirname(post.source), decoded)];
    for (const candidate of candidates) {
      const target = index.bySource.get(path.posix.normalize(candidate));
      if (target) return { url: relativeUrl(target.url, options.baseurl) + query + hash };
    }
    const wanted = path.posix.normalize(candidates[0]!);
    const guess = closestPost(wanted, index.bySource.keys());
    const hint = guess ? ` (did you mean "${relativeLink(post.source, guess)}"?)` : ' (missing, unpublished, a draft, or dated in the future)';
    return { url: href, problem: `no post ${wanted} in this build${hint}` };
  }
  if (filePath.startsWith('/') && options.baseurl && withoutBase(options.baseurl, safeDecode(filePath)) === undefined) {
    return { url: encodeHref(options.baseurl) + href };
  }
  return undefined;
}

/** `./x.md` or `../a/x.md`: how a post at `from` links to the post file `to`. */
function relativeLink(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** 1-based file line of the first `needle` in the post body at or after `from`, and where it was found. */
function lineInBody(post: Post, needle: RegExp, from: number): { line: number | undefined; at: number } {
  needle.lastIndex = from;
  let found = needle.exec(post.body);
  if (!found && from > 0) {
    needle.lastIndex = 0;
    found = needle.exec(post.body);
  }
  if (!found) return { line: undefined, at: from };
  let line = post.bodyLine;
  for (let i = post.body.indexOf('\n'); i >= 0 && i < found.index; i = post.body.indexOf('\n', i + 1)) line++;
  return { line, at: found.index + found[0].length };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Liquid tag as written, for messages and to find its line: `{% post_url name %}` or `{{ site.baseurl }}`. */
const tagText = (name: string | undefined) => (name === undefined ? '{{ site.baseurl }}' : `{% post_url ${decodeEntities(name)} %}`);
/** A pattern finding that tag in the Markdown source. */
const tagSource = (name: string | undefined) =>
  new RegExp(name === undefined ? String.raw`\{\{-?\s*site\.baseurl\s*-?\}\}` : String.raw`\{%-?\s*post_url\s+${escapeRegExp(decodeEntities(name))}\s*-?%\}`, 'g');

/** Turns `[text]({% post_url x %}#f)` and `![alt]({{ site.baseurl }}/a.png)` text into real links and images. */
function linkLiquidText(html: string, post: Post, index: PostIndex, options: RewriteOptions, withLines: boolean): { html: string; links: CheckedLink[] } {
  if (!hasLiquid(html)) return { html, links: [] };
  const spans: Span[] = elementSpans(html, NO_LINKING);
  const links: CheckedLink[] = [];
  const edits: { start: number; end: number; value: string }[] = [];
  let bodyAt = 0;
  for (const m of html.matchAll(LIQUID_TEXT)) {
    const [whole, bang, text, name, rest] = m as unknown as [string, string, string, string | undefined, string];
    if (insideSpans(spans, m.index, m.index + whole.length) || /<a[\s>]/i.test(text)) continue;
    const written = tagText(name) + decodeEntities(rest);
    const rewrite = rewriteHref(written, post, index, options)!;
    let line: number | undefined;
    if (withLines) ({ line, at: bodyAt } = lineInBody(post, tagSource(name), bodyAt));
    const kind = bang ? 'image' : 'link';
    links.push({ kind, url: rewrite.url, line, written, ...(rewrite.problem ? { problem: rewrite.problem } : {}) });
    if (rewrite.problem) continue;
    const href = encodeAttribute(rewrite.url);
    const alt = encodeAttribute(decodeEntities(text.replace(/<[^>]*>/g, '')));
    edits.push({ start: m.index, end: m.index + whole.length, value: bang ? `<img src="${href}" alt="${alt}">` : `<a href="${href}">${text}</a>` });
  }
  return { html: spliceAll(html, edits), links };
}

/** Jekyll tags still in the text (outside code) after linking: forms inkstone cannot turn into links. */
function leftoverLiquid(html: string, post: Post): CheckedLink[] {
  if (!hasLiquid(html)) return [];
  const spans = elementSpans(html, ['code', 'pre', 'script', 'style']);
  // `[text]({% post_url x %})` still here could not be resolved, and was reported as a link already.
  for (const m of html.matchAll(LIQUID_TEXT)) spans.push({ start: m.index, end: m.index + m[0].length });
  const found: CheckedLink[] = [];
  let bodyAt = 0;
  for (const m of html.matchAll(LIQUID_LEFTOVER)) {
    if (insideSpans(spans, m.index, m.index + m[0].length)) continue;
    // Inside a tag (an attribute value) it was handled, or reported, as a link. Text never holds a
    // raw "<" in rehype's output, so the nearest "<" before the match tells.
    if (html.lastIndexOf('<', m.index) > html.lastIndexOf('>', m.index)) continue;
    const tag = tagText(m[1]);
    let line: number | undefined;
    ({ line, at: bodyAt } = lineInBody(post, tagSource(m[1]), bodyAt));
    found.push({
      kind: 'link',
      url: tag,
      line,
      problem: `posts are not run through Liquid: ${tag} only works as the target of an inline link or image, as in [text](${tag}${m[1] === undefined ? '/path' : ''})`,
    });
  }
  return found;
}

/** Rewrites every URL attribute of `html` that `rewrite` changes. */
function rewriteAttributes(html: string, rewrite: (url: string) => string | undefined): string {
  const edits: { start: number; end: number; value: string }[] = [];
  for (const ref of scanHtml(html).refs) {
    const url = rewrite(ref.url);
    if (url !== undefined && url !== ref.url) edits.push({ start: ref.start, end: ref.end, value: encodeAttribute(url) });
  }
  return spliceAll(html, edits);
}

/** Rewrites one post's links; returns the same object when nothing changed. */
export function rewritePost(item: RenderedPost, index: PostIndex, options: RewriteOptions): RenderedPost {
  const { post, rendered } = item;
  const memo = new Map<string, Rewrite | undefined>();
  const rewriteOf = (url: string) => {
    if (!memo.has(url)) memo.set(url, rewriteHref(url, post, index, options));
    return memo.get(url);
  };
  const changed = rendered.links.some((l) => rewriteOf(l.url) !== undefined);
  const hasTags = hasLiquid(rendered.html);
  // Raw HTML whose URLs the Markdown pipeline does not list (media, image maps, scripts) may need the base path.
  const mayHaveOthers = options.baseurl !== '' && (hasMedia(rendered) || /<(?:area|link|script)[\s>/]/.test(rendered.html));

  let html = rendered.html;
  let links: CheckedLink[] = rendered.links;
  if (changed || hasTags || mayHaveOthers) {
    const text = linkLiquidText(html, post, index, options, true);
    html = rewriteAttributes(text.html, (url) => {
      const r = rewriteOf(url);
      return r && !r.problem ? r.url : undefined;
    });
    links = rendered.links.map((link): CheckedLink => {
      const r = rewriteOf(link.url);
      if (!r) return link;
      return r.problem ? { ...link, written: link.url, problem: r.problem } : { ...link, url: r.url, written: link.url };
    });
    links.push(...text.links, ...leftoverLiquid(html, post));
  }

  const excerptHtml = rewriteExcerpt(rendered.excerptHtml, post, index, options);
  if (html === rendered.html && links === rendered.links && excerptHtml === rendered.excerptHtml) return item;
  const next: RenderedMarkdown = { ...rendered, html, excerptHtml, links };
  return { post, rendered: next };
}

/**
 * Rewrites an excerpt for use on other pages: post links as in the post, and relative links and
 * `#fragments` made absolute (with the base path) so they still point at the post's page and files.
 */
function rewriteExcerpt(excerptHtml: string, post: Post, index: PostIndex, options: RewriteOptions): string {
  if (!excerptHtml) return excerptHtml;
  const pageUrl = withBase(options.baseurl, post.url);
  const linked = linkLiquidText(excerptHtml, post, index, options, false).html;
  if (!/\s(?:href|src|srcset|poster|data)=/i.test(linked)) return linked;
  return rewriteAttributes(linked, (url) => {
    const r = rewriteHref(url, post, index, options);
    if (r) return r.problem ? undefined : r.url;
    if (!url || isExternal(url) || url.startsWith('/')) return undefined;
    try {
      const absolute = new URL(url, new URL(encodeHref(pageUrl), 'http://site.invalid'));
      return absolute.pathname + absolute.search + absolute.hash;
    } catch {
      return undefined;
    }
  });
}

/** Rewrites the links of every post (see the module comment). */
export function rewriteLinks(posts: readonly RenderedPost[], options: RewriteOptions): RenderedPost[] {
  const index = indexPosts(posts.map((p) => p.post));
  return posts.map((item) => rewritePost(item, index, options));
}

/** Rewrites only `items`, resolving their links against every post of the site (dev's fast path). */
export function rewriteLinksOf(items: readonly RenderedPost[], all: readonly Post[], options: RewriteOptions): RenderedPost[] {
  const index = indexPosts(all);
  return items.map((item) => rewritePost(item, index, options));
}
