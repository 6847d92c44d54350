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

/** The page the link check sees for one rendered file of `spec`; undefined when the file has no text. */
export function checkPageOf(
  spec: PageSpec,
  file: OutputFile | undefined,
  theme: Theme,
  postOf: (source: string) => RenderedPost | undefined,
): CheckPage | undefined {
  if (!file || !('content' in file) || typeof file.content !== 'string') return undefined;
  if (spec.kind === 'raw') return { path: spec.path, html: file.content };
  return {
    path: spec.path,
    url: spec.url,
    html: file.content,
    post: spec.kind === 'post' && spec.source ? postOf(spec.source) : undefined,
    layouts: layoutChain(theme, spec.layout),
  };
}

/** Output paths besides the pages in `taken`: static files and the files beside posts that posts link to. */
export function otherOutputs(site: Pick<CheckableSite, 'staticFiles' | 'postFiles' | 'posts'>, taken: ReadonlySet<string>): string[] {
  return [...site.staticFiles.map((f) => f.path), ...postAssetFiles(site.posts, site.postFiles, taken).map((f) => f.path)];
}

/** Checks every internal link, anchor and image of the site; warnings, or errors when `strict`. */
export function checkSiteLinks(site: CheckableSite, strict = site.config.strict): Diagnostic[] {
  const byPath = new Map(site.files.map((f) => [f.path, f]));
  const postsBySource = new Map(site.posts.map((p) => [p.post.source, p]));
  const pages: CheckPage[] = [];
  for (const spec of site.specs) {
    const page = checkPageOf(spec, byPath.get(spec.path), site.theme, (source) => postsBySource.get(source));
    if (page) pages.push(page);
  }
  const taken = new Set(site.files.map((f) => f.path));
  // Pages that failed to render are reported by the build already; links to them are not broken links.
  const unrendered = site.specs.filter((s) => !taken.has(s.path)).map((s) => s.path);
  const others = [...otherOutputs(site, taken), ...unrendered];
  return checkLinks(pages, others, { url: site.config.url, baseurl: site.config.baseurl, strict });
}
