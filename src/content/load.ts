/** Walks the posts folder and reads every post, collecting every problem in one pass. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { buildPost, futureWarning, isFuture, type Post, type PostResult, type PostSettings, type SourceFile } from './post.js';

/** Markdown files are posts. */
export const POST_EXTENSION = /\.(md|markdown)$/i;

/** Editor droppings and hidden files that are never content (vim swap, `4913`, backups). */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^\d+$/.test(name) || /\.(swp|swx|swo|tmp|bak|crdownload)$/i.test(name) || name.startsWith('#');
}

/** A file found under the posts folder. */
export interface FoundFile {
  /** Relative to the posts folder, `/` separators. */
  relPath: string;
  absPath: string;
}

/** Lists posts and other files (images next to posts) below the posts folder, sorted. */
export async function walkPosts(postsDir: string, includeDrafts: boolean): Promise<{ posts: FoundFile[]; assets: FoundFile[] }> {
  const posts: FoundFile[] = [];
  const assets: FoundFile[] = [];
  let entries;
  try {
    entries = await readdir(postsDir, { recursive: true, withFileTypes: true });
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return { posts, assets };
    throw thrown;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absPath = path.join(entry.parentPath, entry.name);
    const relPath = path.relative(postsDir, absPath).split(path.sep).join('/');
    if (isIgnoredName(entry.name) || relPath.split('/').some((s) => s.startsWith('.'))) continue;
    const folders = relPath.split('/').slice(0, -1);
    if (folders.includes('_drafts') && !includeDrafts) continue;
    if (relPath.split('/').some((s) => s.startsWith('_') && s !== '_drafts')) continue;
    (POST_EXTENSION.test(entry.name) ? posts : assets).push({ relPath, absPath });
  }
  const byPath = (a: FoundFile, b: FoundFile) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  return { posts: posts.sort(byPath), assets: assets.sort(byPath) };
}

/** Reads one found file; an unreadable or non-UTF-8 file becomes an error record. */
export async function readSource(root: string, found: FoundFile): Promise<SourceFile | Diagnostic> {
  const sitePath = path.relative(root, found.absPath).split(path.sep).join('/');
  try {
    const [buffer, info] = await Promise.all([readFile(found.absPath), stat(found.absPath)]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { path: sitePath, relPath: found.relPath, text, mtimeMs: info.mtimeMs };
  } catch (thrown) {
    const e = thrown as NodeJS.ErrnoException;
    const reason = e.code && e.code !== 'ERR_ENCODING_INVALID_ENCODED_DATA' ? `cannot read file (${e.code})` : 'file is not valid UTF-8 text';
    return error(sitePath, reason);
  }
}

/** Options for choosing which posts are built. */
export interface SelectOptions {
  future: boolean;
  unpublished: boolean;
  nowMs: number;
}

/** Keeps publishable posts, newest first; reports skipped future posts and duplicate URLs. */
export function selectPosts(candidates: readonly Post[], options: SelectOptions): { posts: Post[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const kept: Post[] = [];
  for (const post of candidates) {
    if (!post.published && !options.unpublished) continue;
    if (!options.future && isFuture(post, options.nowMs)) {
      diagnostics.push(futureWarning(post));
      continue;
    }
    kept.push(post);
  }
  const byUrl = new Map<string, Post>();
  for (const post of kept) {
    const key = post.outputPath.normalize('NFC').toLowerCase();
    const other = byUrl.get(key);
    if (other) diagnostics.push(error(post.source, `URL ${post.url} is also claimed by ${other.source}`, 1));
    else byUrl.set(key, post);
  }
  return { posts: sortNewestFirst(kept), diagnostics };
}

/** Newest first; ties broken by source path so the order never depends on the disk. */
export function sortNewestFirst(posts: readonly Post[]): Post[] {
  return [...posts].sort((a, b) => b.date.epochMs - a.date.epochMs || (a.source < b.source ? 1 : a.source > b.source ? -1 : 0));
}

/** Parsed posts kept between rebuilds, keyed by absolute path, reused while size and mtime match. */
export type SourceCache = Map<string, { size: number; mtimeMs: number; result: PostResult | Diagnostic }>;

/** Everything loading produced. */
export interface LoadResult {
  posts: Post[];
  assets: FoundFile[];
  diagnostics: Diagnostic[];
}

/** Reads and parses one post, or reuses the cached result while the file's size and mtime are unchanged. */
async function loadOne(root: string, found: FoundFile, settings: PostSettings, cache: SourceCache | undefined): Promise<PostResult | Diagnostic> {
  let size = -1;
  if (cache) {
    try {
      const info = await stat(found.absPath);
      size = info.size;
      const hit = cache.get(found.absPath);
      if (hit && hit.size === info.size && hit.mtimeMs === info.mtimeMs) return hit.result;
    } catch {
      // Fall through: readSource reports the problem.
    }
  }
  const source = await readSource(root, found);
  const result = 'severity' in source ? source : buildPost(source, settings);
  if (cache && !('severity' in source)) cache.set(found.absPath, { size, mtimeMs: source.mtimeMs, result });
  return result;
}

/**
 * Reads every post below `postsDir` and turns them into Posts, collecting all problems.
 * With a SourceCache (dev), unchanged files are not read again. Settings must not change between
 * calls that share a cache.
 */
export async function loadPosts(
  root: string,
  postsDir: string,
  settings: PostSettings & SelectOptions & { drafts: boolean },
  cache?: SourceCache,
): Promise<LoadResult> {
  const { posts: found, assets } = await walkPosts(postsDir, settings.drafts);
  const results = await Promise.all(found.map((f) => loadOne(root, f, settings, cache)));
  const diagnostics: Diagnostic[] = [];
  const candidates: Post[] = [];
  for (const result of results) {
    if ('severity' in result) {
      diagnostics.push(result);
      continue;
    }
    diagnostics.push(...result.diagnostics);
    if (result.post) candidates.push(result.post);
  }
  const selected = selectPosts(candidates, settings);
  return { posts: selected.posts, assets, diagnostics: [...diagnostics, ...selected.diagnostics] };
}
