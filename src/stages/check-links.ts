/**
 * Stage 4, check links: every internal link, anchor and image of every rendered page lands (see
 * check/links.ts for the rules). Pages come from the page specs, other files from the site's
 * static files and the files beside posts.
 */
import { postAssetFiles } from '../check/assets.js';
import { type CheckPage, checkLinks } from '../check/links.js';
import type { SiteConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { OutputFile } from '../output/write-output.js';
import type { RenderedPost } from '../render/context.js';
import { layoutChain } from '../render/liquid.js';
import type { PageSpec } from '../render/page-specs.js';
import type { FoundFile, StaticFile, Theme } from '../site/model.js';

/** What the check needs of a rendered site. */
export interface CheckableSite {
  config: Pick<SiteConfig, 'url' | 'baseurl' | 'strict'>;
  theme: Theme;
  staticFiles: readonly StaticFile[];
  postFiles: readonly FoundFile[];
  posts: readonly RenderedPost[];
  specs: readonly PageSpec[];
  files: readonly OutputFile[];
}

/** Checks every internal link, anchor and image of the site; warnings, or errors when `strict`. */
export function checkSiteLinks(site: CheckableSite, strict = site.config.strict): Diagnostic[] {
  const byPath = new Map(site.files.map((f) => [f.path, f]));
  const postsBySource = new Map(site.posts.map((p) => [p.post.source, p]));
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
  const others = [...site.staticFiles.map((f) => f.path), ...postAssetFiles(site.posts, site.postFiles, taken).map((f) => f.path), ...unrendered];
  return checkLinks(pages, others, { url: site.config.url, baseurl: site.config.baseurl, strict });
}
