/** The link check run on a whole computed site: pages from the page specs, files from the theme and posts. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import type { FoundFile } from '../content/load.js';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../output.js';
import type { PageSpec, SiteModel } from '../render/site.js';
import { layoutChain, type Theme } from '../render/templates.js';
import { postAssetFiles } from './assets.js';
import { checkLinks, type CheckPage } from './links.js';

/** What the check needs of a computed site (a subset of the build's SiteState). */
export interface CheckableSite {
  config: Pick<SiteConfig, 'url' | 'baseurl' | 'strict'>;
  theme: Theme;
  model: Pick<SiteModel, 'posts'>;
  specs: readonly PageSpec[];
  files: readonly OutputFile[];
  assets: readonly FoundFile[];
}

/** Files below `dir`, relative and `/`-separated, hidden names skipped (synchronous: the theme's few assets). */
export function listTreeSync(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .filter((rel) => !rel.split('/').some((s) => s.startsWith('.')));
  } catch {
    return [];
  }
}

/** Output paths of the theme's `assets/` folders. */
export function themeAssetPaths(theme: Pick<Theme, 'dirs'>): string[] {
  return theme.dirs.flatMap((dir) => listTreeSync(path.join(dir, 'assets')).map((rel) => `assets/${rel}`));
}

/** Checks every internal link, anchor and image of the site (see ./links.ts). */
export function checkSite(site: CheckableSite, strict = site.config.strict): Diagnostic[] {
  const byPath = new Map(site.files.map((f) => [f.path, f]));
  const postsBySource = new Map(site.model.posts.map((p) => [p.post.source, p]));
  const pages: CheckPage[] = [];
  for (const spec of site.specs) {
    const file = byPath.get(spec.path);
    if (!file || !('content' in file) || typeof file.content !== 'string') continue;
    if (spec.kind === 'raw') {
      pages.push({ path: spec.path, html: file.content });
      continue;
    }
    pages.push({
      path: spec.path,
      url: spec.url,
      html: file.content,
      post: spec.kind === 'post' && spec.source ? postsBySource.get(spec.source) : undefined,
      layouts: layoutChain(site.theme, spec.layout),
    });
  }
  const taken = new Set(site.files.map((f) => f.path));
  // Pages that failed to render are reported by the build already; links to them are not broken links.
  const unrendered = site.specs.filter((s) => !taken.has(s.path)).map((s) => s.path);
  const others = [...themeAssetPaths(site.theme), ...postAssetFiles(site.model.posts, site.assets, taken).map((f) => f.path), ...unrendered];
  return checkLinks(pages, others, { url: site.config.url, baseurl: site.config.baseurl, strict });
}
