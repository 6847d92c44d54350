/**
 * Posts by the names other posts use for them: the source path a relative file link resolves to
 * (`./2020-01-01-some-drafts.md`), and the name `{% post_url 2020-01-01-some-drafts %}` takes.
 * Pure: posts in, lookups out.
 */
import path from 'node:path';
import type { LinkContext } from '../markdown/file-data.js';
import { postLinkCandidates } from '../markdown/rehype-normalize-links.js';
import type { Document, Post } from '../site/model.js';
import { closest } from '../suggest.js';
import { safeDecode } from '../urls.js';

const MARKDOWN_FILE = /\.(?:md|markdown|html)$/i;

/** A document that may link to posts: a post, or a page. */
export type Linking = Document & { relPath: string };

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
    // Jekyll names a post in `linux/_posts/` by the folders above `_posts/` too: `linux/2020-08-10-x`.
    const above = post.found?.pathCategories ?? [];
    if (above.length) index.byName.set([...above, name].join('/').normalize('NFC'), post);
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
const slugOf = (name: string) =>
  path.posix
    .basename(name)
    .replace(MARKDOWN_FILE, '')
    .replace(/^\d{4}-\d{1,2}-\d{1,2}-/, '');

/** The post name or path closest to `wanted`: the same slug with another date or folder, or a slug one typo away. */
export function closestPost(wanted: string, names: Iterable<string>): string | undefined {
  const bySlug = new Map<string, string>();
  for (const name of names) if (!bySlug.has(slugOf(name))) bySlug.set(slugOf(name), name);
  const slug = slugOf(wanted);
  const match = bySlug.get(slug) ?? bySlug.get(closest(slug, bySlug.keys()) ?? '\0');
  return match === wanted ? undefined : match;
}

/** The folder a post lives in, relative to the site root (`posts`, `_posts`, `linux/_posts`); `''` for a page. */
export function postsFolderOf(doc: Linking): string {
  if (doc.relPath === doc.source) return '';
  return doc.source.endsWith(doc.relPath) ? doc.source.slice(0, doc.source.length - doc.relPath.length).replace(/\/$/, '') : path.posix.dirname(doc.source);
}

/** Why a link to the post file `wanted` (a source path) does not land, with the likely intended post. */
export function missingPostProblem(wanted: string, from: Document, index: PostIndex): string {
  const guess = closestPost(wanted, index.bySource.keys());
  const hint = guess ? ` (did you mean "${relativeLink(from.source, guess)}"?)` : ' (missing, unpublished, a draft, or dated in the future)';
  return `no post ${wanted} in this build${hint}`;
}

/** `./x.md` or `../a/x.md`: how a post at `from` links to the post file `to`. */
function relativeLink(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A `.md`/`.markdown` file name ending (not followed by more of a word). */
const MD_ENDING = /\.(?:md|markdown)(?![\p{L}\p{N}_])/giu;
/** Characters that cannot be part of a link destination as written (or start one). */
const DELIMITER = /[\n()<>[\]"'`=]/;

/** The texts before a `.md` ending at `end` that may be a link's path: back to a delimiter, with or without the words before the last space. */
function mentionsEndingAt(body: string, end: number): string[] {
  let start = end;
  while (start > 0 && end - start < 300 && !DELIMITER.test(body[start - 1]!)) start--;
  const words = body
    .slice(start, end)
    .split(/[ \t]+/)
    .filter(Boolean);
  return words.map((_, i) => words.slice(i).join(' '));
}

/**
 * The posts a post's body may link to by file name, for `LinkContext.posts`: every mention of a
 * `.md` path in the body (percent-escapes and backslash escapes undone, with spaces or without)
 * resolved the way a link would be. A superset of what the post links to; only these posts' URLs
 * go into the render (and its cache key), not the whole site's.
 */
export function linkedPosts(post: Linking, index: PostIndex): Record<string, string> {
  const context = { source: post.source, postsFolder: postsFolderOf(post) };
  const found = new Map<string, string>();
  for (const match of post.body.matchAll(MD_ENDING)) {
    for (const text of mentionsEndingAt(post.body, match.index + match[0].length)) {
      for (const variant of new Set([text, text.replace(/\\(.)/g, '$1')])) {
        for (const candidate of postLinkCandidates(safeDecode(variant), context)) {
          const target = index.bySource.get(candidate);
          if (target) found.set(candidate, target.url);
        }
      }
    }
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Everything a post's render needs to normalize its links. */
export function linkContextOf(post: Linking, index: PostIndex, baseurl: string): LinkContext {
  return { baseurl, source: post.source, postsFolder: postsFolderOf(post), pageUrl: post.url, posts: linkedPosts(post, index) };
}
