/**
 * Walks a site folder once and sorts what it finds by the rules of site/content-paths.ts: posts
 * and drafts (with what their folder says about them), layouts, includes, data, Sass partials,
 * and content (pages and static files, told apart later by their front matter). Folders that hold
 * nothing the build reads (`node_modules/`, `.git/`, the output folder) are never entered.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { type SiteEntryKind, type SiteRules, siteEntryKind } from '../site/content-paths.js';
import type { FoundFile, FoundPost } from '../site/model.js';
import { brokenLinkError, folderWarning, followLink, isWithin, notAFileWarning, outsideLinkWarning, realFolder, unlistableFolder } from './inspect-entry.js';

/** A file found in the site folder, with its path relative to the site root. */
export interface SiteFile extends FoundFile {
  /** Relative to the site root, `/` separators. */
  sitePath: string;
}

/** What a walk found, each list sorted by path. */
export interface SiteFiles {
  posts: (FoundPost & { sitePath: string })[];
  /** Files in inkstone's posts folder that are not posts (relPath relative to that folder). */
  postAssets: FoundFile[];
  /** Layout files (`_layouts/*.html`, `layouts/*.html`). */
  layouts: SiteFile[];
  includes: SiteFile[];
  /** `_data/` files, relPath relative to `_data/`. */
  data: SiteFile[];
  sass: SiteFile[];
  /** Pages and static files. */
  content: SiteFile[];
  /** Whether the site has a posts folder at all (`posts/`, `_posts/`, `<dir>/_posts/`). */
  hasPostsFolder: boolean;
  /** Every folder entered (absolute) with the names it held, sorted and `/`-joined: what is added to or removed from them matters. */
  folders: Map<string, string>;
  /** Every file the build reads of those found (absolute): the lists above, `_config.yml` and theme assets. */
  inputs: string[];
  /** Entries that look like posts but cannot be read as one (see load/inspect-entry.ts), by path. */
  problems: Diagnostic[];
  /** The site paths of those entries. */
  skipped: string[];
}

/** Where a post found at `sitePath` sits: its path below its posts folder, and what the folders above say. */
function postPlace(sitePath: string, rules: SiteRules): Omit<FoundPost, 'absPath'> {
  if (rules.postsDir && sitePath.startsWith(`${rules.postsDir}/`)) {
    const relPath = sitePath.slice(rules.postsDir.length + 1);
    return { relPath, draft: relPath.split('/').slice(0, -1).includes('_drafts'), pathCategories: [], native: true };
  }
  const segments = sitePath.split('/');
  const at = segments.findIndex((s) => s === '_posts' || s === '_drafts');
  return {
    relPath: segments.slice(at + 1).join('/'),
    draft: segments[at] === '_drafts',
    pathCategories: segments.slice(0, at),
    native: false,
  };
}

/** Whether a path is a posts folder or inside one: a post file placed there would be a post. */
function holdsPosts(sitePath: string, rules: SiteRules): boolean {
  const kind = siteEntryKind(`${sitePath}/2000-01-01-x.md`, rules, false);
  return kind === 'post' || kind === 'draft';
}

/** Whether an entry at `sitePath` would be a post (or draft) if it were a file. */
function looksLikePost(sitePath: string, rules: SiteRules): boolean {
  const kind = siteEntryKind(sitePath, rules, false);
  return kind === 'post' || kind === 'draft';
}

/**
 * Walks `root` (and nothing the rules leave out). Linked files are read when they resolve inside
 * the site; linked folders are not followed (a link back up would loop). Every entry that looks
 * like a post but cannot be read as one is in `problems` and `skipped`.
 */
export async function walkSite(root: string, rules: SiteRules): Promise<SiteFiles> {
  const found: SiteFiles = {
    posts: [],
    postAssets: [],
    layouts: [],
    includes: [],
    data: [],
    sass: [],
    content: [],
    hasPostsFolder: false,
    folders: new Map(),
    inputs: [],
    problems: [],
    skipped: [],
  };
  const realRoot = await realFolder(root);
  const skip = (sitePath: string, problem: Diagnostic) => {
    found.problems.push(problem);
    found.skipped.push(sitePath);
  };
  /** The entry as a walk should treat it: a file, a folder, or nothing (reported when it looks like a post). */
  const shapeOf = async (entry: Dirent, absPath: string, sitePath: string): Promise<'file' | 'folder' | undefined> => {
    if (entry.isDirectory()) return 'folder';
    if (entry.isFile()) return 'file';
    const postLike = looksLikePost(sitePath, rules);
    if (!entry.isSymbolicLink()) {
      if (postLike) skip(sitePath, notAFileWarning(sitePath));
      return undefined;
    }
    const target = await followLink(absPath, root);
    if (target.kind === 'broken') {
      if (postLike) skip(sitePath, brokenLinkError(sitePath, target.reason));
    } else if (target.kind === 'folder') {
      if (postLike || holdsPosts(sitePath, rules)) skip(sitePath, folderWarning(sitePath, true));
    } else if (target.kind === 'other') {
      if (postLike) skip(sitePath, notAFileWarning(sitePath));
    } else if (postLike && !isWithin(target.real, realRoot)) {
      skip(sitePath, outsideLinkWarning(sitePath, target.real));
    } else {
      return 'file';
    }
    return undefined;
  };
  const visit = async (dir: string): Promise<void> => {
    const dirPath = toSlashes(path.relative(root, dir));
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') skip(dirPath || '.', unlistableFolder(dirPath, code, dirPath !== '' && holdsPosts(dirPath, rules)));
      return;
    }
    found.folders.set(
      dir,
      entries
        .map((e) => e.name)
        .sort()
        .join('/'),
    );
    const folders: string[] = [];
    for (const entry of entries) {
      const absPath = path.join(dir, entry.name);
      const sitePath = toSlashes(path.relative(root, absPath));
      const shape = await shapeOf(entry, absPath, sitePath);
      if (shape === undefined) continue;
      const isDirectory = shape === 'folder';
      const kind = siteEntryKind(sitePath, rules, isDirectory);
      if (kind === undefined) continue;
      if (isDirectory) {
        if (/(^|\/)_posts$/.test(sitePath) || sitePath === rules.postsDir) found.hasPostsFolder = true;
        if (looksLikePost(sitePath, rules)) skip(sitePath, folderWarning(sitePath, false));
        folders.push(absPath);
        continue;
      }
      if (kind === 'folder') continue;
      found.inputs.push(absPath);
      add(found, kind, { absPath, sitePath }, rules);
    }
    await Promise.all(folders.map(visit));
  };
  await visit(root);
  found.inputs.sort();
  for (const list of [found.posts, found.postAssets, found.layouts, found.includes, found.data, found.sass, found.content] as FoundFile[][]) {
    list.sort((a, b) => (a.absPath < b.absPath ? -1 : a.absPath > b.absPath ? 1 : 0));
  }
  found.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  found.skipped.sort();
  return found;
}

function add(found: SiteFiles, kind: SiteEntryKind, file: { absPath: string; sitePath: string }, rules: SiteRules): void {
  const { absPath, sitePath } = file;
  switch (kind) {
    case 'post':
    case 'draft':
      found.posts.push({ absPath, sitePath, ...postPlace(sitePath, rules) });
      return;
    case 'post-asset':
      found.postAssets.push({ absPath, relPath: sitePath.slice(rules.postsDir.length + 1) });
      return;
    case 'layout':
      found.layouts.push({ absPath, sitePath, relPath: sitePath });
      return;
    case 'include':
      found.includes.push({ absPath, sitePath, relPath: sitePath });
      return;
    case 'data':
      found.data.push({ absPath, sitePath, relPath: sitePath.slice('_data/'.length) });
      return;
    case 'sass':
      found.sass.push({ absPath, sitePath, relPath: sitePath });
      return;
    case 'content':
      found.content.push({ absPath, sitePath, relPath: sitePath });
      return;
    case 'config':
    case 'theme-asset': // listed with the default theme's assets (stages/load.ts)
      return;
  }
}
