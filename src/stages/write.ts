/**
 * Stage 5, write: pages, static files, the files posts link to and the search index go into the
 * output folder, only what changed, through temp files renamed into place (see output/write-output.ts).
 */
import { postAssetFiles } from '../check/assets.js';
import type { SiteConfig } from '../config/config.js';
import { manifestFileOf } from '../config/site-paths.js';
import { type OutputFile, type WriteStats, writeOutput } from '../output/write-output.js';
import type { RenderedPost } from '../render/context.js';
import type { FoundFile, StaticFile } from '../site/model.js';

/** What is written besides the pages. */
export interface CopiedFiles {
  staticFiles: readonly StaticFile[];
  postFiles: readonly FoundFile[];
  posts: readonly RenderedPost[];
}

/** Static files and the files beside posts that posts link to, as output files (paths taken by pages are left to them). */
export function copiedFiles(site: CopiedFiles, pages: readonly OutputFile[] = []): OutputFile[] {
  const taken = new Set([...site.staticFiles.map((f) => f.path), ...pages.map((f) => f.path)]);
  return [...site.staticFiles, ...postAssetFiles(site.posts, site.postFiles, taken)];
}

/**
 * Writes the rendered pages, copied files and `generated` files (the search index); with
 * `useCache`, records a manifest for the next build.
 */
export async function writeSite(
  config: Pick<SiteConfig, 'root' | 'outDir'>,
  site: CopiedFiles,
  pages: readonly OutputFile[],
  useCache: boolean,
  generated: readonly OutputFile[] = [],
): Promise<WriteStats> {
  const manifest = useCache ? manifestFileOf(config.root) : undefined;
  return writeOutput(config.outDir, [...copiedFiles(site, pages), ...pages, ...generated], manifest);
}
