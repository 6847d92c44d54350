/**
 * Stage 1, load: the site folder → a `Site` (configuration, posts, layouts, static files), every
 * problem collected. Nothing after this stage reads the site's sources again.
 */
import path from 'node:path';
import { type ConfigOverrides, loadConfig } from '../config/config.js';
import { lineOfKey } from '../content/front-matter.js';
import { type Diagnostic, error, hasErrors } from '../diagnostics.js';
import { listTree } from '../fs/list-tree.js';
import { loadPosts, type SourceCache } from '../load/load-posts.js';
import { loadTheme, themeDirs } from '../load/load-theme.js';
import type { Post, Site, StaticFile, Theme } from '../site/model.js';

/** What loading needs besides the configuration overrides. */
export interface LoadOptions extends ConfigOverrides {
  /** "Now" for future-post checks, in ms since the epoch (default: the clock). */
  now?: number | undefined;
}

/** Posts whose layout does not exist, as errors (layouts that exist but are broken are reported once, by the theme). */
export function missingLayouts(theme: Theme, posts: readonly Post[]): Diagnostic[] {
  return posts
    .filter((p) => p.layout !== 'none' && !theme.layouts.has(p.layout) && !theme.broken.has(p.layout))
    .map((p) => error(p.source, `layout "${p.layout}" does not exist in layouts/ or the default theme`, lineOfKey(p.frontMatter, 'layout')));
}

/** The theme's `assets/` folders as static files, the site's own winning over the default theme's. */
export function themeAssets(theme: Pick<Theme, 'dirs'>): StaticFile[] {
  const byPath = new Map<string, StaticFile>();
  for (const dir of [...theme.dirs].reverse()) {
    const assets = path.join(dir, 'assets');
    for (const rel of listTree(assets)) byPath.set(`assets/${rel}`, { path: `assets/${rel}`, copyFrom: path.join(assets, rel) });
  }
  return [...byPath.values()];
}

/**
 * Loads the site. With a SourceCache (dev), posts whose files did not change are not read or
 * parsed again. `site` is undefined only when the configuration itself is broken.
 */
export async function loadSite(options: LoadOptions, sources?: SourceCache): Promise<{ site?: Site; diagnostics: Diagnostic[] }> {
  const { config, errors } = await loadConfig(options);
  if (hasErrors(errors)) return { diagnostics: errors };
  const nowMs = options.now ?? Date.now();
  const [{ theme, errors: themeErrors }, loaded] = await Promise.all([
    loadTheme(config.root, themeDirs(config), { url: config.url, baseurl: config.baseurl }),
    loadPosts(config.root, config.postsDir, { ...config, nowMs }, sources),
  ]);
  const site: Site = { config, posts: loaded.posts, theme, staticFiles: themeAssets(theme), postFiles: loaded.assets };
  return { site, diagnostics: [...errors, ...themeErrors, ...loaded.diagnostics, ...missingLayouts(theme, loaded.posts)] };
}
