/**
 * Jekyll's link tags in post bodies, which are not run through Liquid: `{% post_url name %}`
 * (optionally followed by `#fragment`) and `{{ site.baseurl }}/path`, written as a link or image
 * target. CommonMark leaves `[text]({% post_url x %})` as text (a link target cannot hold spaces),
 * so the forms are found in the rendered HTML and turned into real links; anywhere else they are
 * reported. Pure: rendered posts in, rendered posts out (untouched posts are the same objects).
 * (Links to post files and base paths are normalized while parsing: see
 * markdown/rehype-normalize-links.ts.)
 */
import { indexPosts, type PostIndex, resolvePostUrl } from '../content/post-index.js';
import { lineAtOffset } from '../content/source-lines.js';
import type { LinkRef, RenderedMarkdown } from '../markdown/pipeline.js';
import type { RenderedPost } from '../render/context.js';
import type { Post } from '../site/model.js';
import { encodeHref, relativeUrl, safeDecode } from '../urls.js';
import { decodeEntities, elementSpans, encodeAttribute, insideSpans, type Span, scanHtml, spliceAll } from './html.js';

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

const POST_URL_TAG = /^\{%-?\s*post_url\s+(\S+?)\s*-?%\}(.*)$/s;
const BASEURL_TAG = /^\{\{-?\s*site\.baseurl\s*-?\}\}(.*)$/s;
/** A Jekyll tag that starts a link target: `{% post_url name %}` (group 1: name) or `{{ site.baseurl }}`. */
const LIQUID_TARGET = String.raw`\{%-?\s*post_url\s+([^\s%]+?)\s*-?%\}|\{\{-?\s*site\.baseurl\s*-?\}\}`;
/** `[text]({% post_url name %}#frag)`, `![alt]({{ site.baseurl }}/a.png)`, left as text by CommonMark. Groups: `!`, text, name, rest. */
const LIQUID_TEXT = new RegExp(String.raw`(!?)\[([^[\]]*)\]\((?:${LIQUID_TARGET})([^()\s<>"]*)\)`, 'g');
const LIQUID_LEFTOVER = new RegExp(LIQUID_TARGET, 'g');
const hasLiquid = (html: string) => html.includes('post_url') || html.includes('site.baseurl');
const NO_LINKING = ['a', 'code', 'pre', 'script', 'style', 'kbd', 'samp'];

/** Rewrites one href holding a Jekyll link tag; undefined when it holds none. */
export function rewriteHref(href: string, index: PostIndex, options: RewriteOptions): Rewrite | undefined {
  const liquid = href.startsWith('%7B') ? safeDecode(href) : href;
  const tag = POST_URL_TAG.exec(liquid);
  if (tag) {
    const { post: target, problem } = resolvePostUrl(tag[1]!, index);
    if (!target) return { url: href, problem: problem! };
    return { url: relativeUrl(target.url, options.baseurl) + encodeHref(tag[2]!.trim()) };
  }
  const base = BASEURL_TAG.exec(liquid);
  if (base) return { url: encodeHref(options.baseurl) + encodeHref(base[1]!.trim()) };
  return undefined;
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
  return { line: lineAtOffset(post.body, found.index, post.bodyLine), at: found.index + found[0].length };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Liquid tag as written, for messages and to find its line: `{% post_url name %}` or `{{ site.baseurl }}`. */
const tagText = (name: string | undefined) => (name === undefined ? '{{ site.baseurl }}' : `{% post_url ${decodeEntities(name)} %}`);
/** A pattern finding that tag in the Markdown source. */
const tagSource = (name: string | undefined) =>
  new RegExp(
    name === undefined ? String.raw`\{\{-?\s*site\.baseurl\s*-?\}\}` : String.raw`\{%-?\s*post_url\s+${escapeRegExp(decodeEntities(name))}\s*-?%\}`,
    'g',
  );

/** Turns `[text]({% post_url x %}#f)` and `![alt]({{ site.baseurl }}/a.png)` text into real links and images. */
function linkLiquidText(html: string, post: Post, index: PostIndex, options: RewriteOptions, withLines: boolean): { html: string; links: LinkRef[] } {
  if (!hasLiquid(html)) return { html, links: [] };
  const spans: Span[] = elementSpans(html, NO_LINKING);
  const links: LinkRef[] = [];
  const edits: { start: number; end: number; value: string }[] = [];
  let bodyAt = 0;
  for (const m of html.matchAll(LIQUID_TEXT)) {
    const [whole, bang, text, name, rest] = m as unknown as [string, string, string, string | undefined, string];
    if (insideSpans(spans, m.index, m.index + whole.length) || /<a[\s>]/i.test(text)) continue;
    const written = tagText(name) + decodeEntities(rest);
    const rewrite = rewriteHref(written, index, options)!;
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
function leftoverLiquid(html: string, post: Post): LinkRef[] {
  if (!hasLiquid(html)) return [];
  const spans = elementSpans(html, ['code', 'pre', 'script', 'style']);
  // `[text]({% post_url x %})` still here could not be resolved, and was reported as a link already.
  for (const m of html.matchAll(LIQUID_TEXT)) spans.push({ start: m.index, end: m.index + m[0].length });
  const found: LinkRef[] = [];
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

/** Rewrites one post's Jekyll link tags; returns the same object when it has none. */
export function rewritePost(item: RenderedPost, index: PostIndex, options: RewriteOptions): RenderedPost {
  const { post, rendered } = item;
  if (!hasLiquid(rendered.html) && !hasLiquid(rendered.excerptHtml)) return item;
  const memo = new Map<string, Rewrite | undefined>();
  const rewriteOf = (url: string) => {
    if (!memo.has(url)) memo.set(url, rewriteHref(url, index, options));
    return memo.get(url);
  };
  const resolved = (url: string) => {
    const r = rewriteOf(url);
    return r && !r.problem ? r.url : undefined;
  };
  let html = rendered.html;
  let links: LinkRef[] = rendered.links;
  if (hasLiquid(html)) {
    const text = linkLiquidText(html, post, index, options, true);
    html = rewriteAttributes(text.html, resolved);
    links = rendered.links.map((link): LinkRef => {
      const r = rewriteOf(link.url);
      if (!r) return link;
      return r.problem ? { ...link, written: link.url, problem: r.problem } : { ...link, url: r.url, written: link.url };
    });
    links.push(...text.links, ...leftoverLiquid(html, post));
  }
  const excerptHtml = hasLiquid(rendered.excerptHtml)
    ? rewriteAttributes(linkLiquidText(rendered.excerptHtml, post, index, options, false).html, resolved)
    : rendered.excerptHtml;
  if (html === rendered.html && links === rendered.links && excerptHtml === rendered.excerptHtml) return item;
  const next: RenderedMarkdown = { ...rendered, html, excerptHtml, links };
  return { post, rendered: next };
}

/** Rewrites the Jekyll link tags of every post, resolving `post_url` against `all` posts of the site. */
export function rewriteLinkTags(posts: readonly RenderedPost[], all: readonly Post[], options: RewriteOptions): RenderedPost[] {
  const index = indexPosts(all);
  return posts.map((item) => rewritePost(item, index, options));
}
