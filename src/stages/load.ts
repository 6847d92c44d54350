/**
 * Stage 1, load: the site folder → a `Site` (configuration, posts, pages, layouts and includes,
 * static files, data), every problem collected. Nothing after this stage reads the site's sources
 * again (Liquid's includes aside, which the engine reads and caches itself).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ConfigOverrides, loadConfig, type SiteConfig } from '../config/config.js';
import { SITE_FILES } from '../config/defaults.js';
import { lineOfKey } from '../content/front-matter.js';
import { type Diagnostic, error, hasErrors, warning } from '../diagnostics.js';
import { listTree, toSlashes } from '../fs/list-tree.js';
import { loadContent } from '../load/load-content.js';
import { loadData } from '../load/load-data.js';
import { loadPosts, type SourceCache, walkPosts } from '../load/load-posts.js';
import { loadTheme, themeFolders } from '../load/load-theme.js';
import { type SiteFiles, walkSite } from '../load/walk-site.js';
import type { Document, Site, SiteInputs, StaticFile, Theme } from '../site/model.js';
import { siteRulesOf } from '../site/site-rules.js';
import { didYouMean } from '../suggest.js';

/** What loading needs besides the configuration overrides. */
export interface LoadOptions extends ConfigOverrides {
  /** "Now" for future-post checks, in ms since the epoch (default: the clock). */
  now?: number | undefined;
}

/** Documents whose layout does not exist, as errors (layouts that exist but are broken are reported once, by the theme). */
export function missingLayouts(theme: Theme, documents: readonly Document[]): Diagnostic[] {
  return documents
    .filter((d) => d.layout !== 'none' && !theme.layouts.has(d.layout) && !theme.broken.has(d.layout))
    .map((d) =>
      error(
        d.source,
        `layout "${d.layout}" does not exist in _layouts/, layouts/ or the default theme${didYouMean(d.layout, [...theme.layouts.keys(), 'none'])}`,
        lineOfKey(d.frontMatter, 'layout'),
      ),
    );
}

/** The theme's `assets/` folders as static files, the site's own winning over the default theme's. */
export function themeAssets(theme: Pick<Theme, 'folders'>): StaticFile[] {
  const byPath = new Map<string, StaticFile>();
  for (const assets of [...theme.folders.assets].reverse()) {
    for (const rel of listTree(assets)) byPath.set(`assets/${rel}`, { path: `assets/${rel}`, copyFrom: path.join(assets, rel) });
  }
  return [...byPath.values()];
}

/** What on disk the site's output depends on (see SiteInputs): the walk's folders and files, the theme's folders, an outside posts folder. */
export function siteInputs(walked: Pick<SiteFiles, 'folders' | 'inputs'>, theme: Pick<Theme, 'folders' | 'reads'>, outsidePosts?: string): SiteInputs {
  const { layouts, includes, assets } = theme.folders;
  const trees = [...new Set([...layouts, ...includes, ...assets, ...(outsidePosts ? [outsidePosts] : [])])];
  return { folders: walked.folders, files: walked.inputs, trees, read: theme.reads };
}

/** What inkstone does for each Jekyll plugin it knows. */
const KNOWN_PLUGINS: Readonly<Record<string, string>> = {
  'jekyll-feed': 'built in (feed.xml, {% feed_meta %})',
  'jekyll-sitemap': 'built in (sitemap.xml)',
  'jekyll-seo-tag': 'built in ({% seo %})',
  'jekyll-redirect-from': 'built in (redirect_from, redirect_to)',
  'jekyll-paginate': 'built in (paginate, paginate_path)',
  'jekyll-default-layout': 'built in (post, home, page)',
  'jekyll-relative-links': 'built in (links to .md files)',
};

/** One warning per plugin inkstone does not have, and one for a theme, each naming what happens instead. */
export function pluginWarnings(config: SiteConfig, configFile: string, configText: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const plugin of config.plugins) {
    if (KNOWN_PLUGINS[plugin]) continue;
    found.push(
      warning(
        configFile,
        `plugin "${plugin}" is not available in inkstone: its tags and filters are unknown, and pages that use them fail to build`,
        lineOfKey(configText, 'plugins|gems'),
      ),
    );
  }
  if (config.theme) {
    found.push(
      warning(
        configFile,
        `theme "${config.theme}": inkstone uses its own default theme for the layouts and includes your site does not have (home, page, post, default)`,
        lineOfKey(configText, 'theme'),
      ),
    );
  }
  return found;
}

/** A loaded site (undefined only when the configuration itself is broken), every problem, and what was skipped. */
export interface LoadedSite {
  site?: Site;
  diagnostics: Diagnostic[];
  /**
   * Site paths of the entries that look like posts but were not read (unreadable, broken or outside
   * links, folders named like posts), each also in `diagnostics`: the count for the build's summary.
   */
  skipped: string[];
}

/**
 * Loads the site. With a SourceCache (dev), posts whose files did not change are not read or
 * parsed again. `site` is undefined only when the configuration itself is broken.
 */
export async function loadSite(options: LoadOptions, sources?: SourceCache): Promise<LoadedSite> {
  const { config, errors, text: configText } = await loadConfig(options);
  if (hasErrors(errors)) return { diagnostics: errors, skipped: [] };
  const nowMs = options.now ?? Date.now();
  const rules = siteRulesOf(config);
  const walked = await walkSite(config.root, rules);
  const external = rules.postsDir === '' ? await walkPosts(config.postsDir, config.drafts, config.root) : undefined;
  const foundPosts = [...walked.posts, ...(external?.posts ?? [])];
  const [{ theme, errors: themeErrors }, loaded, content, data] = await Promise.all([
    loadTheme(config.root, themeFolders(config), config),
    loadPosts(config.root, foundPosts, { ...config, nowMs }, sources),
    loadContent(config.root, walked.content, config),
    loadData(walked.data),
  ]);
  const ownStatic = new Set(content.staticFiles.map((f) => f.path));
  const site: Site = {
    config,
    posts: loaded.posts,
    pages: content.pages,
    theme,
    staticFiles: [...themeAssets(theme).filter((f) => !ownStatic.has(f.path)), ...content.staticFiles],
    postFiles: [...walked.postAssets, ...(external?.assets ?? [])],
    data: data.data,
    ...(loaded.nextFutureMs !== undefined ? { nextChangeMs: loaded.nextFutureMs } : {}),
    inputs: siteInputs(walked, theme, external ? config.postsDir : undefined),
  };
  const diagnostics = [
    ...errors,
    ...pluginWarnings(config, SITE_FILES.config, configText),
    ...themeErrors,
    ...walked.problems,
    ...(external?.problems ?? []),
    ...loaded.diagnostics,
    ...content.diagnostics,
    ...data.diagnostics,
    ...missingLayouts(theme, [...loaded.posts, ...content.pages]),
  ];
  for (const post of loaded.posts) {
    if (post.jekyllUrl) {
      diagnostics.push(
        warning(
          post.source,
          `Jekyll published this at ${post.jekyllUrl} (it reads a time without an offset as UTC), now ${post.url}; a redirect is written`,
          lineOfKey(post.frontMatter, 'date'),
        ),
      );
    }
  }
  if (!walked.hasPostsFolder && !(external && existsSync(config.postsDir))) {
    const where = toSlashes(path.relative(process.cwd(), config.root)) || '.';
    diagnostics.push(
      content.pages.length > 0
        ? warning(where, 'no posts/ or _posts/ folder: building the pages only')
        : error(where, 'no posts/ or _posts/ folder and no pages: nothing to build here (is --src the site folder?)'),
    );
  }
  const skipped = [...new Set([...walked.skipped, ...(external?.skipped ?? []), ...loaded.skipped])].sort();
  return { site, diagnostics, skipped };
}
