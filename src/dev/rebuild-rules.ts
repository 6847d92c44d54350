/** The comparisons dev's rebuild policy (session.ts) decides by: pure functions of two states of the site. */
import { postRefs, relativeTarget } from '../check/assets.js';
import type { SiteConfig } from '../config/config.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RenderedPost } from '../render/context.js';
import type { PageSpec } from '../render/page-specs.js';
import type { Post } from '../site/model.js';
import type { DevDiagnostic } from './link-index.js';

/** Whether two versions of a post look the same in every list, feed entry aside (and land at the same URL). */
export function sameListing(a: Post, b: Post): boolean {
  const listing = (p: Post) => JSON.stringify([p.source, p.title, p.url, p.outputPath, p.date, p.categories, p.tags, p.published, p.draft]);
  return listing(a) === listing(b);
}

/** The files beside a post that it refers to (what a full plan copies for it), as one string. */
export function besideFiles(p: RenderedPost): string {
  return postRefs(p.rendered)
    .filter((url) => relativeTarget(p.post, url))
    .join('\n');
}

/** Diagnostics with the pages of the file they name (none: the whole site's, like `_config.yml`'s). */
export function withPages(list: readonly Diagnostic[], specs: readonly PageSpec[]): DevDiagnostic[] {
  const warnings = list.filter((d) => d.severity === 'warning');
  if (warnings.length === 0) return [];
  const bySource = new Map<string, string[]>();
  for (const spec of specs) if (spec.source) bySource.set(spec.source, [...(bySource.get(spec.source) ?? []), spec.path]);
  return warnings.map((d) => ({ ...d, pages: bySource.get(d.file) }));
}

/** Whether two configs would parse posts the same way and write to the same place. */
export function sameSettings(a: SiteConfig, b: SiteConfig): boolean {
  return JSON.stringify({ ...a, data: undefined }) === JSON.stringify({ ...b, data: undefined }) && JSON.stringify(a.data) === JSON.stringify(b.data);
}
