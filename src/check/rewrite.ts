/**
 * Links between posts, written the way authors write them, turned into the target's real URL:
 * relative file links (`[see](./2020-01-01-some-drafts.md#内核抢占)`, `../notes/2021-...md`), Jekyll's
 * `{% post_url 2020-01-01-some-drafts %}` (optionally followed by `#fragment`), and root-relative
 * links (`/assets/x.png`), which get the base path so project pages under `/<repo>/` keep working.
 * Excerpts, shown on list pages, get their relative links made absolute. Pure: rendered posts in,
 * rendered posts out (untouched posts are returned as the same objects).
 */
import path from 'node:path';
import type { Post } from '../content/post.js';
import type { LinkRef, RenderedMarkdown } from '../markdown/pipeline.js';
import type { RenderedPost } from '../render/site.js';
import { relativeUrl } from '../render/templates.js';
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
/** `[text]({% post_url name %}#frag)` left as text because CommonMark link targets cannot hold spaces. */
const POST_URL_TEXT = /\[([^[\]]*)\]\(\{%-?\s*post_url\s+([^\s%]+?)\s*-?%\}([^()\s<>"]*)\)/g;
const LEFTOVER_POST_URL = /\{%-?\s*post_url\s+([^\s%]+?)\s*-?%\}/g;
/** Elements that may carry URLs the Markdown pipeline does not list (raw HTML media). */
const OTHER_URL_ELEMENTS = /<(?:video|audio|source|track|embed|object|iframe|input|area|link|script)\b|\ssrcset=/i;
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
  const byBase = new Map([...index.byName.keys()].map((n) => [n.slice(n.lastIndexOf('/') + 1), n]));
  const guess = key.includes('/') ? closest(key, index.byName.keys()) : byBase.get(closest(key, byBase.keys()) ?? '');
  return { problem: `no post named "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}` };
}

/** The folder posts live in, relative to the site root (`posts`), from a post's paths. */
function postsFolder(post: Post): string {
  return post.source.endsWith(post.relPath) ? post.source.slice(0, post.source.length - post.relPath.length).replace(/\/$/, '') : path.posix.dirname(post.source);
}

/** Rewrites one href of `post`; undefined when it stays as it is. */
export function rewriteHref(href: string, post: Post, index: PostIndex, options: RewriteOptions): Rewrite | undefined {
  const tag = POST_URL_TAG.exec(href);
  if (tag) {
    const { post: target, problem } = resolvePostUrl(tag[1]!, index);
    if (!target) return { url: href, problem: problem! };
    return { url: relativeUrl(target.url, options.baseurl) + encodeHref(tag[2]!.trim()) };
  }
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
    const names = new Map([...index.bySource.keys()].map((s) => [path.posix.basename(s), s]));
    const guess = names.get(closest(path.posix.basename(wanted), names.keys()) ?? '');
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

/** Replaces `[text]({% post_url x %}#f)` text with real links; returns the HTML and the links made. */
function linkPostUrlText(html: string, post: Post, index: PostIndex, options: RewriteOptions, withLines: boolean): { html: string; links: CheckedLink[] } {
  if (!html.includes('post_url')) return { html, links: [] };
  const spans: Span[] = elementSpans(html, NO_LINKING);
  const links: CheckedLink[] = [];
  const edits: { start: number; end: number; value: string }[] = [];
  let bodyAt = 0;
  POST_URL_TEXT.lastIndex = 0;
  for (let m = POST_URL_TEXT.exec(html); m; m = POST_URL_TEXT.exec(html)) {
    const [whole, text, name, rest] = m as unknown as [string, string, string, string];
    if (insideSpans(spans, m.index, m.index + whole.length) || /<a[\s>]/i.test(text)) continue;
    const written = `{% post_url ${decodeEntities(name)} %}${decodeEntities(rest)}`;
    const rewrite = rewriteHref(written, post, index, options)!;
    let line: number | undefined;
    if (withLines) ({ line, at: bodyAt } = lineInBody(post, new RegExp(`\\{%-?\\s*post_url\\s+${escapeRegExp(decodeEntities(name))}\\s*-?%\\}`, 'g'), bodyAt));
    links.push({ kind: 'link', url: rewrite.url, line, written, ...(rewrite.problem ? { problem: rewrite.problem } : {}) });
    if (!rewrite.problem) edits.push({ start: m.index, end: m.index + whole.length, value: `<a href="${encodeAttribute(rewrite.url)}">${text}</a>` });
  }
  return { html: spliceAll(html, edits), links };
}

/** `{% post_url %}` tags still in the text (outside code) after linking: forms inkstone cannot turn into links. */
function leftoverPostUrls(html: string, post: Post): CheckedLink[] {
  if (!html.includes('post_url')) return [];
  const spans = elementSpans(html, ['code', 'pre', 'script', 'style']);
  // `[text]({% post_url x %})` still here could not be resolved, and was reported as a link already.
  for (const m of html.matchAll(POST_URL_TEXT)) spans.push({ start: m.index, end: m.index + m[0].length });
  const found: CheckedLink[] = [];
  let bodyAt = 0;
  LEFTOVER_POST_URL.lastIndex = 0;
  for (let m = LEFTOVER_POST_URL.exec(html); m; m = LEFTOVER_POST_URL.exec(html)) {
    if (insideSpans(spans, m.index, m.index + m[0].length)) continue;
    // Inside a tag (an attribute value) it was handled, or reported, as a link. Text never holds a
    // raw "<" in rehype's output, so the nearest "<" before the match tells.
    if (html.lastIndexOf('<', m.index) > html.lastIndexOf('>', m.index)) continue;
    const name = decodeEntities(m[1]!);
    let line: number | undefined;
    ({ line, at: bodyAt } = lineInBody(post, new RegExp(`\\{%-?\\s*post_url\\s+${escapeRegExp(name)}\\s*-?%\\}`, 'g'), bodyAt));
    found.push({
      kind: 'link',
      url: `{% post_url ${name} %}`,
      line,
      problem: `not the target of an inline link, so it cannot become one: write [text]({% post_url ${name} %})`,
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
  const hasTags = rendered.html.includes('post_url');
  const mayHaveOthers = options.baseurl !== '' && OTHER_URL_ELEMENTS.test(rendered.html);

  let html = rendered.html;
  let links: CheckedLink[] = rendered.links;
  if (changed || hasTags || mayHaveOthers) {
    const text = linkPostUrlText(html, post, index, options, true);
    html = rewriteAttributes(text.html, (url) => {
      const r = rewriteOf(url);
      return r && !r.problem ? r.url : undefined;
    });
    links = rendered.links.map((link): CheckedLink => {
      const r = rewriteOf(link.url);
      if (!r) return link;
      return r.problem ? { ...link, written: link.url, problem: r.problem } : { ...link, url: r.url, written: link.url };
    });
    links.push(...text.links, ...leftoverPostUrls(html, post));
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
  const linked = linkPostUrlText(excerptHtml, post, index, options, false).html;
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
