/** Where a site keeps what is not content: its caches and the record of the last build. */
import path from 'node:path';
import { SITE_FILES } from './defaults.js';

/** The cache folder of a site (`.cache/inkstone/`). */
export function cacheDirOf(root: string): string {
  return path.join(root, SITE_FILES.cacheDir);
}

/** The render cache of a site (rendered Markdown, content-addressed). */
export function renderCacheDirOf(root: string): string {
  return path.join(cacheDirOf(root), 'render');
}

/** The output manifest of a site: what its last successful build wrote. */
export function manifestFileOf(root: string): string {
  return path.join(cacheDirOf(root), 'output-manifest.json');
}

/** The warm record of a site: what its last successful build read and wrote, stamped (see warm/). */
export function warmRecordFileOf(root: string): string {
  return path.join(cacheDirOf(root), 'warm-record.json');
}

/** The parsed posts of the last build (see load/source-cache-file.ts). */
export function sourceCacheFileOf(root: string): string {
  return path.join(cacheDirOf(root), 'sources.bin');
}
