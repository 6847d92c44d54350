/**
 * What the watcher watches and what each path is to the build: pure functions of the site's
 * folders, table-tested (compare Zola's `detect_change_kind`).
 */
import path from 'node:path';
import type { SiteConfig } from '../config/config.js';
import { SITE_FILES } from '../config/defaults.js';
import { toSlashes } from '../fs/list-tree.js';
import { isEditorTemp, postsEntryKind, type SiteRules, siteEntryKind } from '../site/content-paths.js';
import { siteRulesOf } from '../site/site-rules.js';

/** What to watch, as absolute paths (from the site config), and the site's content rules. */
export interface WatchTargets {
  root: string;
  configFile: string;
  postsDir: string;
  layoutsDir: string;
  /** Never watched, even when inside a watched folder. */
  outDir: string;
  /** Whether drafts are built (and so worth watching). */
  drafts: boolean;
  /** What the loader reads below the root (site/content-paths.ts): the watcher uses the same rules. */
  rules: SiteRules;
}

/** What a source file is to the build: posts may take the fast path; everything else needs a full plan. */
export type SourceKind = 'config' | 'layout' | 'post' | 'content';

/** A chokidar event name. */
export type FileEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/** Watch targets of a site config. */
export function targetsOf(config: SiteConfig): WatchTargets {
  return {
    root: config.root,
    configFile: path.join(config.root, SITE_FILES.config),
    postsDir: config.postsDir,
    layoutsDir: config.layoutsDir,
    outDir: config.outDir,
    drafts: config.drafts,
    rules: siteRulesOf(config),
  };
}

/** Whether `file` is `dir` or below it. */
export const inside = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Which source a path belongs to, or undefined when the build does not read it. Below the site
 * root the loader's own rules decide (site/content-paths.ts); posts and layouts folders configured
 * outside the root are watched with the same rules for those folders.
 */
export function kindOf(targets: WatchTargets, file: string, isDirectory = false): SourceKind | 'folder' | undefined {
  if (file === targets.configFile) return isDirectory ? undefined : 'config';
  if (inside(targets.outDir, file)) return undefined;
  if (inside(targets.root, file)) {
    const kind = siteEntryKind(toSlashes(path.relative(targets.root, file)), targets.rules, isDirectory);
    if (kind === undefined || kind === 'folder' || kind === 'config') return kind === 'config' ? undefined : kind;
    if (kind === 'post' || kind === 'draft' || kind === 'post-asset') return 'post';
    if (kind === 'layout' || kind === 'include' || kind === 'theme-asset') return 'layout';
    return 'content';
  }
  if (inside(targets.postsDir, file)) {
    const kind = postsEntryKind(toSlashes(path.relative(targets.postsDir, file)), targets.drafts, isDirectory);
    return kind === 'folder' ? 'folder' : kind ? 'post' : undefined;
  }
  if (inside(targets.layoutsDir, file)) {
    const segments = path.relative(targets.layoutsDir, file).split(path.sep).filter(Boolean);
    const folders = isDirectory ? segments : segments.slice(0, -1);
    const name = isDirectory ? undefined : segments[segments.length - 1];
    if (folders.some((s) => s.startsWith('.')) || (name !== undefined && isEditorTemp(name))) return undefined;
    return isDirectory ? 'folder' : 'layout';
  }
  return undefined;
}

/**
 * Whether chokidar should look at a path: a source, or a folder on the way to one. `isDirectory`
 * undefined (chokidar has no stats yet) lets the path through when either reading allows it.
 */
export function isWatched(targets: WatchTargets, file: string, isDirectory?: boolean): boolean {
  const kind = isDirectory === undefined ? (kindOf(targets, file, true) ?? kindOf(targets, file, false)) : kindOf(targets, file, isDirectory);
  if (kind) return true;
  return isDirectory !== false && [targets.configFile, targets.postsDir, targets.layoutsDir].some((t) => t !== file && inside(file, t));
}

/** Folders to hand chokidar: the site root, plus source folders configured outside it. */
export function watchRoots(targets: WatchTargets): string[] {
  const roots = [targets.root];
  for (const t of [targets.postsDir, targets.layoutsDir, path.dirname(targets.configFile)]) {
    if (!roots.some((r) => inside(r, t))) roots.push(t);
  }
  return roots;
}
