/**
 * The search stage: the search page (`/search/`, the `search` layout) as a page spec, planned with
 * the site's other pages, and the index (index-files.ts) as output files, written with the site by
 * the write stage. `search: false` in `_config.yml` gives neither. A site whose own page or file
 * takes one of these paths keeps it: inkstone's is left out.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_DEFAULTS } from '../config/defaults.js';
import type { Manifest } from '../output/manifest.js';
import type { OutputFile } from '../output/write-output.js';
import type { RenderContext } from '../render/context.js';
import type { LayoutPageSpec } from '../render/page-specs.js';
import { chunkContent, type IndexPlan, type PlannedChunk, planIndex } from './index-files.js';
import { searchEnabled } from './settings.js';
import { searchStrings } from './strings.js';

/** What the search layout reads as `page.search`. */
export interface SearchPageData {
  /** The index's table of contents, a site path (the layout applies `relative_url`). */
  index: string;
  strings: ReturnType<typeof searchStrings>;
}

/** The search page's spec, unless search is off or the site has its own page or file at `/search/`. */
export function searchPages(context: RenderContext, taken: ReadonlySet<string> = new Set()): LayoutPageSpec[] {
  const { config, staticFiles } = context.site;
  if (!searchEnabled(config.data)) return [];
  if (taken.has(SEARCH_DEFAULTS.pagePath) || staticFiles.some((f) => f.path === SEARCH_DEFAULTS.pagePath)) return [];
  if (context.pages.some((p) => (p.pagination?.outputPath ?? p.page.outputPath) === SEARCH_DEFAULTS.pagePath)) return [];
  const strings = searchStrings(context.lang);
  const search: SearchPageData = { index: `/${SEARCH_DEFAULTS.indexPath}`, strings };
  return [
    {
      kind: 'list',
      path: SEARCH_DEFAULTS.pagePath,
      url: SEARCH_DEFAULTS.pageUrl,
      layout: 'search',
      content: '',
      page: { title: strings.title, url: SEARCH_DEFAULTS.pageUrl, sitemap: false, search },
    },
  ];
}

/** The previous output, for reusing chunks whose name (and so whose bytes) did not change. */
export interface PreviousOutput {
  outDir: string;
  manifest: Manifest;
}

/** A chunk taken from the previous output when it is there untouched (as the manifest recorded it); the write stage links it. */
async function reusedChunk(chunk: PlannedChunk, previous: PreviousOutput | undefined): Promise<OutputFile | undefined> {
  const before = previous?.manifest[chunk.path];
  if (!previous || !before) return undefined;
  const file = path.join(previous.outDir, chunk.path);
  try {
    const info = await stat(file);
    return info.size === before.size && info.mtimeMs === before.mtimeMs ? { path: chunk.path, copyFrom: file, hash: before.hash } : undefined;
  } catch {
    return undefined;
  }
}

/** The index planned (index-files.ts), unless search is off or the site's own files (`taken`, static files) have one of its paths. */
export function plannedIndex(context: RenderContext, taken: ReadonlySet<string>): IndexPlan | undefined {
  const plan = planIndex(context);
  if (!plan) return undefined;
  const paths = [SEARCH_DEFAULTS.indexPath, ...plan.chunks.map((c) => c.path)];
  return paths.some((p) => taken.has(p)) || context.site.staticFiles.some((f) => paths.includes(f.path)) ? undefined : plan;
}

/**
 * The index's files: `search/index.json` and one file per chunk. Chunks the previous output has
 * untouched are taken from it; the rest are extracted from the rendered posts. None when search is
 * off, or when `taken` (the paths of the site's other files) has any of them.
 */
export async function searchFiles(context: RenderContext, taken: ReadonlySet<string>, previous?: PreviousOutput): Promise<OutputFile[]> {
  const plan = plannedIndex(context, taken);
  if (!plan) return [];
  const chunks = await Promise.all(
    plan.chunks.map(
      async (chunk): Promise<OutputFile> => (await reusedChunk(chunk, previous)) ?? { path: chunk.path, content: chunkContent(chunk, plan.baseurl) },
    ),
  );
  return [{ path: SEARCH_DEFAULTS.indexPath, content: plan.index }, ...chunks];
}
