/** A site's content rules (see content-paths.ts) from its configuration, for the loader and the watcher alike. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config/config.js';
import { SITE_DEFAULTS } from '../config/defaults.js';
import { toSlashes } from '../fs/list-tree.js';
import { JEKYLL_DEFAULT_EXCLUDES, NODE_PROJECT_EXCLUDES, type SiteRules } from './content-paths.js';

/** The content rules of a site (see site/content-paths.ts), from its configuration. */
export function siteRulesOf(config: SiteConfig): SiteRules {
  const rel = (p: string) => {
    const r = toSlashes(path.relative(config.root, p));
    return r.startsWith('..') || path.isAbsolute(r) ? '' : r;
  };
  const nodeProject = existsSync(path.join(config.root, 'package.json'));
  // The site's own output folder (`destination:`, default public/) is never content, even when this
  // build writes elsewhere (`--out`): an earlier build's output must not be copied into this one.
  const destination = typeof config.data.destination === 'string' ? config.data.destination : SITE_DEFAULTS.destination;
  const ownOutput = rel(path.resolve(config.root, destination));
  return {
    postsDir: rel(config.postsDir),
    layoutsDir: rel(config.layoutsDir),
    outDir: rel(config.outDir),
    include: config.include,
    exclude: [...JEKYLL_DEFAULT_EXCLUDES, ...(nodeProject ? NODE_PROJECT_EXCLUDES : []), ...(ownOutput ? [ownOutput] : []), ...config.exclude],
    drafts: config.drafts,
  };
}
