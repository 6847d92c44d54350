/** Orchestration: load → render → write. Returns a report; never throws for bad input. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type ConfigOverrides, type SiteConfig } from './config.js';
import { toIsoString, fromInstant } from './content/dates.js';
import { loadPosts, type FoundFile, type SourceCache } from './content/load.js';
import { lineOfKey, type Post } from './content/post.js';
import { error, hasErrors, messageOf, sortDiagnostics, warning, type Diagnostic } from './diagnostics.js';
import type { RenderedMarkdown } from './markdown/pipeline.js';
import { createRenderService, defaultPoolSize, workersShareLoad, type RenderService } from './markdown/pool.js';
import { withRenderCache } from './cache.js';
import { postAssetFiles } from './check/assets.js';
import { rewriteLinks } from './check/rewrite.js';
import { checkSite as checkLinks } from './check/site.js';
import { listTree, readManifest, writeOutput, type Manifest, type OutputFile, type WriteStats } from './output.js';
import { buildModel, planPages, renderPage, specHash, type PageSpec, type RenderedPost, type SiteModel } from './render/site.js';
import { layoutChain, loadTheme, TemplateError, type Theme } from './render/templates.js';

/** inkstone's own default theme, used for any layout a site does not provide. */
export const BUILTIN_LAYOUTS = fileURLToPath(new URL('../layouts/', import.meta.url));

/** How to run a build. */
export interface BuildOptions extends ConfigOverrides {
  /** Render threads; 0 renders in this thread. Default: one per core. */
  workers?: number;
  /** A render service to reuse (dev keeps one warm); not closed by the build. */
  service?: RenderService;
  /** "Now" for future-post checks, in ms since the epoch. */
  now?: number;
  /** Use and fill the persistent cache in `<root>/.cache/inkstone/` (default true). */
  cache?: boolean;
  /** Called as posts finish rendering. */
  onProgress?: (done: number, total: number) => void;
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
}

/** Everything a build computed before writing, for dev's incremental rebuilds and tests. */
export interface SiteState extends PlannedSite {
  files: OutputFile[];
}

/** Theme folders: the site's own first, then the built-in theme. */
export function themeDirs(config: SiteConfig): string[] {
  const dirs = [config.layoutsDir, BUILTIN_LAYOUTS].map((d) => path.resolve(d));
  return [...new Set(dirs)];
}

/** Renders every post's Markdown, turning failures into error records. */
export async function renderPosts(
  service: RenderService,
  posts: readonly Post[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ rendered: RenderedPost[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  let done = 0;
  const results = await Promise.all(
    posts.map(async (post): Promise<RenderedPost | undefined> => {
      try {
        const rendered: RenderedMarkdown = await service.render({
          body: post.body,
          bodyLine: post.bodyLine,
          excerpt: post.excerpt,
          excerptSeparator: post.excerptSeparator,
        });
        for (const message of rendered.warnings ?? []) diagnostics.push(warning(post.source, message, post.bodyLine));
        return { post, rendered };
      } catch (thrown) {
        diagnostics.push(error(post.source, messageOf(thrown), post.bodyLine));
        return undefined;
      } finally {
        onProgress?.(++done, posts.length);
      }
    }),
  );
  return { rendered: results.filter((r): r is RenderedPost => r !== undefined), diagnostics };
}

/** Whether a page's layout chain can be rendered (`none`, or present and parsed). */
export function layoutUsable(theme: Theme, name: string): boolean {
  if (name === 'none') return true;
  const chain = layoutChain(theme, name);
  return chain.length > 0 && !chain.some((l) => l.parent && theme.broken.has(l.parent));
}

/** Posts whose layout does not exist, as errors (layouts that exist but are broken are reported once, by the theme). */
export function missingLayouts(theme: Theme, posts: readonly Post[]): Diagnostic[] {
  return posts
    .filter((p) => p.layout !== 'none' && !theme.layouts.has(p.layout) && !theme.broken.has(p.layout))
    .map((p) => error(p.source, `layout "${p.layout}" does not exist in layouts/ or the default theme`, lineOfKey(p.frontMatter, 'layout')));
}



/** Renders page specs; template errors are grouped so one broken layout is reported once. */
export async function renderPages(
  specs: readonly PageSpec[],
  theme: Theme,
  model: SiteModel,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const failures = new Map<string, { diagnostic: Diagnostic; pages: string[] }>();
  const files: OutputFile[] = [];
  await Promise.all(
    specs.map(async (spec) => {
      try {
        files.push({ path: spec.path, content: await renderPage(spec, theme, model) });
      } catch (thrown) {
        const where = thrown instanceof TemplateError ? thrown : new TemplateError(messageOf(thrown), '', undefined);
        const file = where.file || (spec.kind !== 'raw' && spec.source) || spec.path;
        const key = `${file}:${where.line}:${where.message}`;
        const entry = failures.get(key) ?? { diagnostic: error(file, where.message, where.line), pages: [] };
        entry.pages.push(spec.kind !== 'raw' && spec.source ? spec.source : spec.path);
        failures.set(key, entry);
      }
    }),
  );
  const diagnostics = [...failures.values()].map(({ diagnostic, pages }) => ({
    ...diagnostic,
    message: `${diagnostic.message} (while rendering ${pages[0]}${pages.length > 1 ? ` and ${pages.length - 1} more` : ''})`,
  }));
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics };
}

/** The site loaded, its Markdown rendered and its pages planned, before Liquid runs. */
export interface PlannedSite {
  config: SiteConfig;
  theme: Theme;
  model: SiteModel;
  specs: PageSpec[];
  assets: FoundFile[];
}

/** Loads the site, renders posts' Markdown (through the service's cache) and plans every page. */
export async function planSite(
  options: BuildOptions,
  service: RenderService,
  sources?: SourceCache,
): Promise<{ planned?: PlannedSite; diagnostics: Diagnostic[]; postCount: number }> {
  const { config, errors } = await loadConfig(options);
  if (hasErrors(errors)) return { diagnostics: errors, postCount: 0 };
  const nowMs = options.now ?? Date.now();
  const urlSettings = { url: config.url, baseurl: config.baseurl };
  const [{ theme, errors: themeErrors }, loaded] = await Promise.all([
    loadTheme(config.root, themeDirs(config), urlSettings),
    loadPosts(config.root, config.postsDir, { ...config, nowMs }, sources),
  ]);
  const diagnostics = [...errors, ...themeErrors, ...loaded.diagnostics, ...missingLayouts(theme, loaded.posts)];
  const { rendered, diagnostics: renderErrors } = await renderPosts(service, loaded.posts, options.onProgress);
  diagnostics.push(...renderErrors);
  const nowIso = toIsoString(fromInstant(nowMs, config.timezone));
  const model = buildModel(config, rewriteLinks(rendered, { baseurl: config.baseurl }), nowIso);
  const specs = planPages(model, nowIso);
  return { planned: { config, theme, model, specs, assets: loaded.assets }, diagnostics, postCount: loaded.posts.length };
}

/** Checks run on the rendered site (links, anchors, images); see src/check/. */
export function checkSite(state: SiteState, strict = state.config.strict): Diagnostic[] {
  return checkLinks(state, strict);
}

/** Loads, renders and plans the whole site and runs Liquid, without writing anything. */
export async function computeSite(
  options: BuildOptions,
  service: RenderService,
  sources?: SourceCache,
  previous?: Manifest,
): Promise<{ state?: SiteState; diagnostics: Diagnostic[]; postCount: number }> {
  const { planned, diagnostics, postCount } = await planSite(options, service, sources);
  if (!planned) return { diagnostics, postCount };
  const renderable = planned.specs.filter((spec) => spec.kind === 'raw' || layoutUsable(planned.theme, spec.layout));
  // Spec hashes are only worth computing when there is a manifest to compare with and record in.
  const hashes = previous ? new Map(renderable.map((spec) => [spec.path, specHash(spec, planned.theme, planned.model)])) : new Map<string, string>();
  const { reused, stale } = await reusePages(renderable, hashes, previous && { outDir: planned.config.outDir, manifest: previous });
  const { files, diagnostics: pageErrors } = await renderPages(stale, planned.theme, planned.model);
  const all = [...reused, ...files.map((f) => ({ ...f, spec: hashes.get(f.path) }))].sort((a, b) => (a.path < b.path ? -1 : 1));
  const state: SiteState = { ...planned, files: all };
  return { state, diagnostics: [...diagnostics, ...pageErrors, ...checkSite(state)], postCount };
}

/**
 * Pages whose inputs (spec hash) match what the previous build recorded, and whose file is still
 * there untouched, are taken from the previous output instead of going through Liquid again.
 */
export async function reusePages(
  specs: readonly PageSpec[],
  hashes: ReadonlyMap<string, string>,
  previous: { outDir: string; manifest: Manifest } | undefined,
): Promise<{ reused: OutputFile[]; stale: PageSpec[] }> {
  if (!previous) return { reused: [], stale: [...specs] };
  const reused: OutputFile[] = [];
  const stale: PageSpec[] = [];
  await Promise.all(
    specs.map(async (spec) => {
      const before = previous.manifest[spec.path];
      const hash = hashes.get(spec.path);
      if (before?.spec && hash === before.spec) {
        try {
          const file = path.join(previous.outDir, spec.path);
          const info = await stat(file);
          if (info.size === before.size && info.mtimeMs === before.mtimeMs) {
            reused.push({ path: spec.path, content: await readFile(file, 'utf8'), spec: hash, hash: before.hash });
            return;
          }
        } catch {
          // Gone: render it.
        }
      }
      stale.push(spec);
    }),
  );
  return { reused, stale };
}

/** The cache folder of a site. */
export function cacheDirFor(root: string): string {
  return path.join(root, '.cache', 'inkstone');
}

/** Theme assets (`layouts/assets/`, the site's own winning) and files next to posts, as output files. */
export async function assetFiles(state: Pick<SiteState, 'theme' | 'assets'> & Partial<Pick<SiteState, 'model' | 'files'>>): Promise<OutputFile[]> {
  const byPath = new Map<string, OutputFile>();
  for (const dir of [...state.theme.dirs].reverse()) {
    const assets = path.join(dir, 'assets');
    for (const rel of await listTree(assets)) byPath.set(`assets/${rel}`, { path: `assets/${rel}`, copyFrom: path.join(assets, rel) });
  }
  const taken = new Set([...byPath.keys(), ...(state.files ?? []).map((f) => f.path)]);
  return [...byPath.values(), ...postAssetFiles(state.model?.posts ?? [], state.assets, taken)];
}

/** Writes a computed site: staged, swapped into place, unchanged files kept. */
/** Where the output manifest of a site lives. */
export function manifestFileFor(root: string): string {
  return path.join(cacheDirFor(root), 'output-manifest.json');
}

export async function writeSite(state: SiteState, useCache: boolean): Promise<WriteStats> {
  const manifest = useCache ? manifestFileFor(state.config.root) : undefined;
  const files = [...(await assetFiles(state)), ...state.files];
  return writeOutput(state.config.outDir, files, manifest);
}

/** Builds the site: every error in one run, and no change to the output folder unless all went well. */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const useCache = options.cache ?? true;
  const service =
    options.service ??
    withRenderCache(await createRenderService(options.workers ?? defaultPoolSize(), undefined, options.workers !== undefined || workersShareLoad()), useCache ? path.join(cacheDirFor(path.resolve(options.root ?? '.')), 'render') : undefined);
  try {
    const root = path.resolve(options.root ?? '.');
    const previous = useCache ? await readManifest(manifestFileFor(root)) : undefined;
    const { state, diagnostics, postCount } = await computeSite(options, service, undefined, previous);
    const outDir = state?.config.outDir ?? path.resolve(options.root ?? '.', options.outDir ?? 'public');
    const report = (ok: boolean, list: Diagnostic[], write?: WriteStats): BuildReport => ({
      ok,
      diagnostics: sortDiagnostics(list),
      posts: postCount,
      pages: state?.files.length ?? 0,
      durationMs: performance.now() - started,
      outDir,
      write,
    });
    if (!state || hasErrors(diagnostics)) return report(false, diagnostics);
    try {
      return report(true, diagnostics, await writeSite(state, useCache));
    } catch (thrown) {
      return report(false, [...diagnostics, error(path.relative(process.cwd(), outDir) || '.', `cannot write output: ${messageOf(thrown)}`)]);
    }
  } finally {
    if (!options.service) await service.close();
  }
}
