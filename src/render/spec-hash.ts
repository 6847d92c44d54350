/** What a page's output depends on, as one hash: equal hashes, equal bytes. */
import { createHash } from 'node:crypto';
import type { Theme } from '../site/model.js';
import type { RenderContext } from './context.js';
import { layoutChain, readsContent, usesSiteLists } from './liquid.js';
import type { PageSpec } from './page-specs.js';

/** A hash of everything a page's output depends on (layout sources included). */
export function specHash(spec: PageSpec, theme: Theme, model: RenderContext): string {
  const hash = createHash('sha256');
  if (spec.kind === 'raw') return hash.update(spec.content).digest('hex');
  for (const layout of layoutChain(theme, spec.layout)) hash.update(layout.name).update('\0').update(layout.source).update('\0');
  hash.update(theme.includesHash ?? '');
  hash.update(model.siteHash);
  if (usesSiteLists(theme, spec.layout)) {
    hash.update(model.listsHash);
    if (readsContent(theme, spec.layout)) hash.update(model.contentHash);
  }
  hash.update(spec.layout).update('\0').update(spec.content).update('\0').update(JSON.stringify(spec.page));
  return hash
    .update('\0')
    .update(JSON.stringify(spec.paginator ?? null))
    .digest('hex');
}
