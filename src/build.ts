/**
 * The build, as a sequence of named stages over the site model (compare Zola's
 * `components/site/src/lib.rs`): load → render Markdown → plan pages → render pages → check links
 * → write. Each stage lives in `stages/`; this file only calls them in order and collects their
 * diagnostics. Never throws for bad input: problems come back as data in the report, and nothing is
 * written unless the whole site is free of errors.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from './config/config.js';
import { SITE_DEFAULTS, SITE_FILES } from './config/defaults.js';
import { manifestFileOf, renderCacheDirOf, sourceCacheFileOf } from './config/site-paths.js';
import { fromInstant, toIsoString } from './content/dates.js';
import { type Diagnostic, error, hasErrors, messageOf, sortDiagnostics } from './diagnostics.js';
import type { SourceCache } from './load/load-posts.js';
import { type PersistentSourceCache, readSourceCache, saveSourceCache, sourceCacheKey } from './load/source-cache-file.js';
import { type Manifest, readManifest } from './output/manifest.js';
import type { OutputFile, WriteStats } from './output/write-output.js';
import { buildRenderContext, type RenderContext } from './render/context.js';
import { type PageSpec, planPages } from './render/page-specs.js';
import { specHash } from './render/spec-hash.js';
import { pipelineVersion, withRenderCache } from './render-service/cache.js';
import { createRenderService } from './render-service/service.js';
import type { RenderService } from './render-service/types.js';
import { searchFiles, searchPages } from './search/stage.js';
import type { Site, SiteInputs } from './site/model.js';
import { checkSiteLinks } from './stages/check-links.js';
import { type LoadOptions, loadSite } from './stages/load.js';
import { renderPageBodies, renderPostBodies } from './stages/render-documents.js';
import { renderableSpecs, renderPages, reusePages } from './stages/render-pages.js';
import { writeSite } from './stages/write.js';

/** How to run a build. */
export interface BuildOptions extends LoadOptions {
  /** Render worker threads besides the main one; 0 renders in the main thread. Default: see render-service/service.ts. */
  workers?: number | undefined;
  /** A render service to reuse (dev keeps one warm); not closed by the build. */
  service?: RenderService;
  /** Use and fill the persistent caches in `<root>/.cache/inkstone/` (default true). */
  cache?: boolean | undefined;
  /** Called as posts finish rendering. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What a build did. */
export interface BuildReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  posts: number;
  pages: number;
  durationMs: number;
  outDir: string;
  /** Files written vs. kept from the previous output. */
  write?: WriteStats;
  /** What on disk the output depends on (when the site loaded). */
  inputs?: SiteInputs;
  /** When the output changes by itself (a future post falls due), ms since the epoch. */
  nextChangeMs?: number;
  /** Site paths of entries that look like posts but were not read (each also has a diagnostic). */
  skipped: string[];
}

/** The site loaded, its Markdown rendered and its pages planned, before any layout runs. */
export interface PlannedSite {
  site: Site;
  context: RenderContext;
  specs: PageSpec[];
}

/** A planned site with its pages rendered: everything a build writes, for dev and tests. */
export interface RenderedSite extends PlannedSite {
  files: OutputFile[];
}

/** "Now" as an ISO date in the site's time zone (`site.time`, the feed's fallback date). */
export function nowIsoOf(config: Pick<SiteConfig, 'timezone'>, nowMs: number): string {
  return toIsoString(fromInstant(nowMs, config.timezone));
}

/** Stages 1–3: loads the site, renders its documents (posts first, then pages) and plans every output page. */
export async function planSite(
  options: BuildOptions,
  service: RenderService,
  sources?: SourceCache,
): Promise<{ planned?: PlannedSite; diagnostics: Diagnostic[]; skipped: string[] }> {
  const { site, diagnostics, skipped } = await loadSite(options, sources);
  if (!site) return { diagnostics, skipped };
  const nowIso = nowIsoOf(site.config, options.now ?? Date.now());
  site.theme.hooks.bind(site, service);
  const rendering = { service, engine: site.theme.engine, nowIso, onProgress: options.onProgress };
  const posts = await renderPostBodies(site, site.posts, rendering);
  const pages = await renderPageBodies(site, posts.rendered, rendering);
  const context = buildRenderContext(site, posts.rendered, pages.rendered, nowIso);
  const specs = planPages(context, nowIso);
  specs.push(...searchPages(context, new Set(specs.map((s) => s.path))));
  return { planned: { site, context, specs }, diagnostics: [...diagnostics, ...posts.diagnostics, ...pages.diagnostics], skipped };
}

/** Stages 1–4 without writing: plans the site, renders its pages (reusing unchanged ones from `previous`) and checks links. */
export async function renderSite(
  options: BuildOptions,
  service: RenderService,
  previous?: Manifest,
  sources?: SourceCache,
): Promise<{ rendered?: RenderedSite; diagnostics: Diagnostic[]; postCount: number; skipped: string[] }> {
  const { planned, diagnostics, skipped } = await planSite(options, service, sources);
  if (!planned) return { diagnostics, postCount: 0, skipped };
  const { site, context, specs } = planned;
  const renderable = renderableSpecs(specs, site.theme);
  // Spec hashes are only worth computing when there is a manifest to compare with and record in.
  const hashes = previous ? new Map(renderable.map((spec) => [spec.path, specHash(spec, site.theme, context)])) : new Map<string, string>();
  const { reused, stale } = await reusePages(renderable, hashes, previous && { outDir: site.config.outDir, manifest: previous });
  const { files, diagnostics: pageErrors } = await renderPages(stale, site.theme, context);
  const all = [...reused, ...files.map((f) => ({ ...f, spec: hashes.get(f.path) }))].sort((a, b) => (a.path < b.path ? -1 : 1));
  const rendered: RenderedSite = { ...planned, files: all };
  const linkProblems = checkSiteLinks({ ...site, posts: context.posts, specs, files: all });
  return { rendered, diagnostics: [...diagnostics, ...pageErrors, ...linkProblems], postCount: site.posts.length, skipped };
}

/** The render service a build uses when none is given: the policy's, behind the persistent cache. */
async function defaultService(options: BuildOptions, root: string, useCache: boolean): Promise<RenderService> {
  const service = await createRenderService({ workers: options.workers });
  return withRenderCache(service, useCache ? renderCacheDirOf(root) : undefined);
}

/** The parsed posts of the last build, when caches are on, with the key they are saved under. */
async function persistedSources(options: BuildOptions, root: string): Promise<{ file: string; key: string; cache: PersistentSourceCache }> {
  const configText = await readFile(path.join(root, SITE_FILES.config), 'utf8').catch(() => '');
  const { outDir, baseurl, url, drafts, future, unpublished, strict } = options;
  const key = sourceCacheKey(await pipelineVersion(), configText, { root, outDir, baseurl, url, drafts, future, unpublished, strict });
  const file = sourceCacheFileOf(root);
  return { file, key, cache: await readSourceCache(file, key) };
}

/** Builds the site: every error in one run, and no change to the output folder unless all went well. */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const useCache = options.cache ?? true;
  const root = path.resolve(options.root ?? '.');
  const service = options.service ?? (await defaultService(options, root, useCache));
  try {
    const [previous, sources] = useCache ? await Promise.all([readManifest(manifestFileOf(root)), persistedSources(options, root)]) : [];
    const { rendered, diagnostics, postCount, skipped } = await renderSite(options, service, previous, sources?.cache);
    if (sources && rendered) await saveSourceCache(sources.file, sources.key, sources.cache);
    const outDir = rendered?.site.config.outDir ?? path.resolve(root, options.outDir ?? SITE_DEFAULTS.destination);
    const report = (ok: boolean, list: Diagnostic[], write?: WriteStats): BuildReport => ({
      ok,
      diagnostics: sortDiagnostics(list),
      posts: postCount,
      pages: rendered?.files.length ?? 0,
      durationMs: performance.now() - started,
      outDir,
      write,
      skipped,
      ...(rendered ? { inputs: rendered.site.inputs } : {}),
      ...(rendered?.site.nextChangeMs !== undefined ? { nextChangeMs: rendered.site.nextChangeMs } : {}),
    });
    if (!rendered || hasErrors(diagnostics)) return report(false, diagnostics);
    try {
      const { site, context, files } = rendered;
      const search = await searchFiles(context, new Set(files.map((f) => f.path)), previous && { outDir, manifest: previous });
      return report(true, diagnostics, await writeSite(site.config, { ...site, posts: context.posts }, files, useCache, search));
    } catch (thrown) {
      return report(false, [...diagnostics, error(path.relative(process.cwd(), outDir) || '.', `cannot write output: ${messageOf(thrown)}`)]);
    }
  } finally {
    if (!options.service) await service.close();
  }
}
