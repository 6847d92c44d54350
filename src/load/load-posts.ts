/** Reads every post the walk found, collecting every problem in one pass; and walks a posts folder outside the site. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildPost, type PostResult, type PostSettings } from '../content/post.js';
import type { Diagnostic } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { postsEntryKind } from '../site/content-paths.js';
import type { FoundFile, FoundPost, Post } from '../site/model.js';
import { isDiagnostic, readSource } from './read-source.js';
import { type SelectOptions, selectPosts } from './select-posts.js';

/** Lists posts and other files (images next to posts) below an inkstone posts folder, sorted. */
export async function walkPosts(postsDir: string, includeDrafts: boolean): Promise<{ posts: FoundPost[]; assets: FoundFile[] }> {
  const posts: FoundPost[] = [];
  const assets: FoundFile[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(postsDir, { recursive: true, withFileTypes: true });
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return { posts, assets };
    throw thrown;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absPath = path.join(entry.parentPath, entry.name);
    const relPath = toSlashes(path.relative(postsDir, absPath));
    const kind = postsEntryKind(relPath, includeDrafts);
    if (kind === 'post') posts.push({ relPath, absPath, draft: relPath.split('/').slice(0, -1).includes('_drafts'), pathCategories: [], native: true });
    else if (kind === 'asset') assets.push({ relPath, absPath });
  }
  const byPath = (a: FoundFile, b: FoundFile) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  return { posts: posts.sort(byPath), assets: assets.sort(byPath) };
}

/** Parsed posts kept between rebuilds, keyed by absolute path, reused while size and mtime match. */
export type SourceCache = Map<string, { size: number; mtimeMs: number; result: PostResult | Diagnostic }>;

/** The posts to build and every problem found reading them. */
export interface LoadResult {
  posts: Post[];
  diagnostics: Diagnostic[];
  /** When the first post skipped for its future date is due (the site changes by itself then). */
  nextFutureMs?: number;
}

/** Reads and parses one post, or reuses the cached result while the file's size and mtime are unchanged. */
async function loadOne(root: string, found: FoundPost, settings: PostSettings, cache: SourceCache | undefined): Promise<PostResult | Diagnostic> {
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
  const source = readSource(root, found);
  if (isDiagnostic(source)) return source;
  const result = buildPost({ ...source, draft: found.draft, pathCategories: found.pathCategories, native: found.native }, settings);
  cache?.set(found.absPath, { size, mtimeMs: source.mtimeMs, result });
  return result;
}

/**
 * Reads the found posts and turns them into Posts, keeping the ones to build, collecting all
 * problems. With a SourceCache (dev), unchanged files are not read again. Settings must not change
 * between calls that share a cache.
 */
export async function loadPosts(root: string, found: readonly FoundPost[], settings: PostSettings & SelectOptions, cache?: SourceCache): Promise<LoadResult> {
  const results = await Promise.all(found.map((f) => loadOne(root, f, settings, cache)));
  const diagnostics: Diagnostic[] = [];
  const candidates: Post[] = [];
  for (const result of results) {
    if (isDiagnostic(result)) {
      diagnostics.push(result);
      continue;
    }
    diagnostics.push(...result.diagnostics);
    if (result.post) candidates.push(result.post);
  }
  const selected = selectPosts(candidates, settings);
  const next = selected.nextFutureMs !== undefined ? { nextFutureMs: selected.nextFutureMs } : {};
  return { posts: selected.posts, diagnostics: [...diagnostics, ...selected.diagnostics], ...next };
}
