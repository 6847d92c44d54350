/** Reads every post the walk found, collecting every problem in one pass; and walks a posts folder outside the site. */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildPost, type PostResult, type PostSettings } from '../content/post.js';
import type { Diagnostic } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { postsEntryKind } from '../site/content-paths.js';
import type { FoundFile, FoundPost, Post } from '../site/model.js';
import { brokenLinkError, folderWarning, followLink, isWithin, notAFileWarning, outsideLinkWarning, realFolder, unlistableFolder } from './inspect-entry.js';
import { isDiagnostic, readSource } from './read-source.js';
import { type SelectOptions, selectPosts } from './select-posts.js';

/** What walking a posts folder found: posts, other files, and the entries that look like posts but cannot be read. */
export interface WalkedPosts {
  posts: FoundPost[];
  assets: FoundFile[];
  problems: Diagnostic[];
  /** Paths (relative to the site root) of the entries in `problems`. */
  skipped: string[];
}

/**
 * Lists posts and other files (images next to posts) below an inkstone posts folder, sorted; paths
 * in problems are relative to `root`. Linked files are read when they resolve inside `root` or the
 * posts folder; linked folders are not followed.
 */
export async function walkPosts(postsDir: string, includeDrafts: boolean, root = postsDir): Promise<WalkedPosts> {
  const found: WalkedPosts = { posts: [], assets: [], problems: [], skipped: [] };
  const inside = [await realFolder(root), await realFolder(postsDir)];
  const skip = (absPath: string, problem: (sitePath: string) => Diagnostic) => {
    const sitePath = toSlashes(path.relative(root, absPath));
    found.problems.push(problem(sitePath));
    found.skipped.push(sitePath);
  };
  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') skip(dir, (sitePath) => unlistableFolder(sitePath, code, true));
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const absPath = path.join(dir, entry.name);
      const relPath = toSlashes(path.relative(postsDir, absPath));
      const postLike = postsEntryKind(relPath, includeDrafts) === 'post';
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await followLink(absPath, root);
        if (target.kind === 'broken') {
          if (postLike) skip(absPath, (p) => brokenLinkError(p, target.reason));
          continue;
        }
        if (target.kind === 'folder') {
          if (postsEntryKind(relPath, includeDrafts, true) === 'folder') skip(absPath, (p) => folderWarning(p, true));
          continue;
        }
        if (target.kind === 'file' && postLike && !inside.some((dir) => isWithin(target.real, dir))) {
          skip(absPath, (p) => outsideLinkWarning(p, target.real));
          continue;
        }
        isFile = target.kind === 'file';
      }
      if (entry.isDirectory()) {
        if (postsEntryKind(relPath, includeDrafts, true) !== 'folder') continue;
        if (postLike) skip(absPath, (p) => folderWarning(p, false));
        folders.push(absPath);
        continue;
      }
      if (!isFile) {
        if (postLike) skip(absPath, notAFileWarning);
        continue;
      }
      const kind = postsEntryKind(relPath, includeDrafts);
      if (kind === 'post') found.posts.push({ relPath, absPath, draft: relPath.split('/').slice(0, -1).includes('_drafts'), pathCategories: [], native: true });
      else if (kind === 'asset') found.assets.push({ relPath, absPath });
    }
    await Promise.all(folders.map(visit));
  };
  await visit(postsDir);
  const byPath = (a: FoundFile, b: FoundFile) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  found.posts.sort(byPath);
  found.assets.sort(byPath);
  found.skipped.sort();
  return found;
}

/**
 * Parsed posts kept between rebuilds (dev, and on disk between builds), keyed by absolute path,
 * reused while the file's stat stamp (size, mtime, ctime, inode: a chmod or a replaced file shows) matches.
 */
export type SourceCache = Map<string, { stamp: string; result: PostResult | Diagnostic }>;

/** The posts to build and every problem found reading them. */
export interface LoadResult {
  posts: Post[];
  diagnostics: Diagnostic[];
  /** When the first post skipped for its future date is due (the site changes by itself then). */
  nextFutureMs?: number;
  /** Site paths of the found posts that could not be read. */
  skipped: string[];
}

/** Reads and parses one post, or reuses the cached result while the file's stat stamp is unchanged. */
async function loadOne(root: string, found: FoundPost, settings: PostSettings, cache: SourceCache | undefined): Promise<PostResult | Diagnostic> {
  let stamp: string | undefined;
  if (cache) {
    try {
      const info = await stat(found.absPath);
      stamp = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
      const hit = cache.get(found.absPath);
      if (hit?.stamp === stamp) return hit.result;
    } catch {
      // Fall through: readSource reports the problem.
    }
  }
  const source = readSource(root, found);
  if (isDiagnostic(source)) return source;
  const result = buildPost({ ...source, draft: found.draft, pathCategories: found.pathCategories, native: found.native }, settings);
  if (stamp !== undefined) cache?.set(found.absPath, { stamp, result });
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
  const skipped: string[] = [];
  for (const result of results) {
    if (isDiagnostic(result)) {
      diagnostics.push(result);
      skipped.push(result.file);
      continue;
    }
    diagnostics.push(...result.diagnostics);
    if (result.post) candidates.push(result.post);
  }
  const selected = selectPosts(candidates, settings);
  const next = selected.nextFutureMs !== undefined ? { nextFutureMs: selected.nextFutureMs } : {};
  return { posts: selected.posts, diagnostics: [...diagnostics, ...selected.diagnostics], skipped, ...next };
}
