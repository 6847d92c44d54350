/**
 * The rebuild session behind `inkstone dev`: one render service (worker pool + render cache) and one
 * source cache for the life of the process, and a record of what is on disk, so a rebuild re-plans
 * the site from the (mostly cached) sources, re-renders only the pages whose inputs changed, and
 * writes only the files whose bytes changed. A rebuild with errors writes nothing: the last good
 * output stays in place and is served until the next good save.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rewriteLinksOf } from '../check/rewrite.js';
import { assetFiles, cacheDirFor, checkSite, missingLayouts, planSite, renderPages, renderPosts, writeSite, type BuildOptions, type PlannedSite } from '../build.js';
import { withRenderCache } from '../cache.js';
import { loadConfig, type SiteConfig } from '../config.js';
import { fromInstant, toIsoString } from '../content/dates.js';
import type { FoundFile, SourceCache } from '../content/load.js';
import { buildPost, type Post, type SourceFile } from '../content/post.js';
import { error, formatDiagnostic, hasErrors, messageOf, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import { createRenderService, defaultWorkerCount, type RenderService } from '../markdown/pool.js';
import { insideDir, type OutputFile } from '../output.js';
import { planPages, specHash, type PageSpec, type SiteModel } from '../render/site.js';

/** What kind of output a file is, for the one-line rebuild summary. */
export type OutputKind = 'post' | 'list' | 'raw' | 'asset';

/** One output file a rebuild wrote or removed. */
export interface OutputChange {
  /** Relative to the output folder, `/` separators (`2020/01/01/x.html`). */
  path: string;
  kind: OutputKind;
}

/** Which sources a rebuild was asked for (from the watcher); every field optional. */
export interface RebuildRequest {
  /** Absolute paths of changed, added or removed source files (their cached parse is dropped). */
  files?: Iterable<string>;
  /** Re-read everything: `_config.yml` changed. */
  full?: boolean;
  /** A background full check after fast rebuilds (re-plans the whole site, writes what differs). */
  check?: boolean;
  /** Abandons a check early (a new save arrived); nothing is written then. */
  signal?: AbortSignal;
}

/**
 * How a rebuild was done. `fast`: only the edited posts were re-read and their pages (and the feed)
 * re-rendered, because nothing that lists show changed; `replan`: the whole site was planned again
 * from the (cached) sources and the pages whose inputs changed were rendered; `check`: a `replan`
 * run in the background after fast rebuilds, to catch anything they could not see.
 */
export type RebuildMode = 'fast' | 'replan' | 'check';

/** What one rebuild did. */
export interface RebuildResult {
  /** False when the site has errors; nothing was written then. */
  ok: boolean;
  /** Errors and warnings of this rebuild, errors first. */
  diagnostics: Diagnostic[];
  /** Files whose bytes changed on disk (written or newly created). */
  written: OutputChange[];
  /** Output files deleted because nothing produces them any more. */
  removed: OutputChange[];
  /** Pages run through Liquid (their inputs changed), whether or not their bytes did. */
  rendered: number;
  /** The whole output folder was written (first build, output folder moved). */
  full: boolean;
  mode: RebuildMode;
  /** A check was abandoned because new changes arrived; it should be retried. */
  aborted?: boolean;
  /** Fast rebuilds happened since the last full plan: a background check is due. */
  needsCheck: boolean;
  posts: number;
  pages: number;
  durationMs: number;
  /** `performance.now()` when the output was on disk. */
  finishedAt: number;
  outDir: string;
}

/** How the session runs; the build options plus the render service to use. */
export interface DevSessionOptions extends BuildOptions {}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

const kindOfSpec = (spec: PageSpec): OutputKind => spec.kind;

/** Writes `content` to `file` through a temp file and a rename, so readers never see half a file. */
export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.inkstone-tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (thrown) {
    await rm(temp, { force: true });
    throw thrown;
  }
}

/**
 * `writeAtomic` for the hot path, without the libuv thread pool: chokidar re-reads a whole watched
 * folder (an lstat per entry) on every change in it, and async file calls queue behind those.
 */
export function writeAtomicSync(file: string, content: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.inkstone-tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (thrown) {
    rmSync(temp, { force: true });
    throw thrown;
  }
}

/**
 * Reads a post for the hot path, synchronously (see writeAtomicSync). Undefined when it cannot be
 * read as UTF-8 text: the caller then takes the full path, whose loader reports why.
 */
function readSourceSync(root: string, found: FoundFile): SourceFile | undefined {
  try {
    const info = statSync(found.absPath);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(found.absPath));
    return { path: path.relative(root, found.absPath).split(path.sep).join('/'), relPath: found.relPath, text, mtimeMs: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Removes `dir` and its parents while they are empty, stopping at `stopAt`. */
async function pruneEmptyDirs(dir: string, stopAt: string): Promise<void> {
  for (let current = dir; current !== stopAt && current.startsWith(stopAt + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}

/** A source asset as last copied: output path → identity of the source file. */
type AssetRecord = { from: string; size: number; mtimeMs: number };

/**
 * The state of a dev session. Create with `DevSession.create`, run `rebuild()` once for the first
 * build, then once per batch of file changes; rebuilds must not overlap (the watcher serializes them).
 */
export class DevSession {
  /** Parsed posts, reused while a file's size and mtime are unchanged (and the watcher did not name it). */
  private sources: SourceCache = new Map();
  /** Output path → spec hash of the page on disk. */
  private specHashes = new Map<string, string>();
  /** Output path → sha1 of the bytes on disk (pages and assets). */
  private contentHashes = new Map<string, string>();
  /** Output path → kind, for everything this session put on disk. */
  private kinds = new Map<string, OutputKind>();
  private assetRecords = new Map<string, AssetRecord>();
  /** Output folder holding the last good build; undefined until one succeeded. */
  private writtenOutDir: string | undefined;
  private knownDirs = new Set<string>();
  private lastConfig: SiteConfig | undefined;
  private lastPlanned: PlannedSite | undefined;
  /** Absolute source path → index in the last plan's `model.posts`. */
  private postIndex = new Map<string, number>();
  /** The last rebuild succeeded (so the last plan is what is on disk). */
  private lastOk = false;
  /** Fast rebuilds ran since the last full plan. */
  private needsCheck = false;
  private closed = false;
  /** Renders in flight, by input: a prefetch and the rebuild that follows it share one. */
  private inflight = new Map<string, Promise<RenderedMarkdown>>();
  /** Text last prefetched per source file. */
  private prefetched = new Map<string, string>();
  /** The render service with in-flight requests shared. */
  private readonly renderer: RenderService;

  private constructor(
    readonly options: DevSessionOptions,
    readonly service: RenderService,
    private readonly ownsService: boolean,
  ) {
    this.renderer = {
      get workers() {
        return service.workers;
      },
      render: (input: MarkdownInput) => {
        const key = JSON.stringify([input.body, input.bodyLine, input.excerpt ?? null, input.excerptSeparator ?? null]);
        let pending = this.inflight.get(key);
        if (!pending) {
          pending = service.render(input);
          this.inflight.set(key, pending);
          const forget = () => this.inflight.delete(key);
          pending.then(forget, forget);
        }
        return pending;
      },
      close: () => service.close(),
    };
  }

  /** Starts a session: one render service (pool + render cache) kept warm until `close()`. */
  static async create(options: DevSessionOptions): Promise<DevSession> {
    if (options.service) return new DevSession(options, options.service, false);
    const root = path.resolve(options.root ?? '.');
    const useCache = options.cache ?? true;
    const pool = await createRenderService(options.workers ?? defaultWorkerCount());
    const service = withRenderCache(pool, useCache ? path.join(cacheDirFor(root), 'render') : undefined);
    return new DevSession(options, service, true);
  }

  /** The configuration of the last build that got far enough to have one (defaults before that). */
  async config(): Promise<SiteConfig> {
    if (this.lastConfig) return this.lastConfig;
    const { config } = await loadConfig(this.options);
    this.lastConfig ??= config;
    return config;
  }

  /** The last successfully planned site (for tests and tools). */
  get planned(): PlannedSite | undefined {
    return this.lastPlanned;
  }

  /** Where the last good output is (what the preview server should serve). */
  get outDir(): string | undefined {
    return this.writtenOutDir;
  }

  /**
   * Re-plans the site and brings the output folder up to date. Never throws: problems (including
   * unexpected exceptions) come back as error diagnostics and leave the output as it was.
   */
  async rebuild(request: RebuildRequest = {}): Promise<RebuildResult> {
    const started = performance.now();
    const mode: RebuildMode = request.check ? 'check' : 'replan';
    try {
      if (this.closed) throw new Error('the dev session is closed');
      const files = [...(request.files ?? [])];
      for (const file of files) this.sources.delete(file);
      if (!request.full && !request.check && files.length > 0) {
        const fast = await this.tryFast(files, started);
        if (fast) return fast;
      }
      const result = await this.replan(request, mode, started);
      if (result.aborted) return result;
      this.lastOk = result.ok;
      if (result.ok) this.needsCheck = false;
      return { ...result, needsCheck: this.needsCheck };
    } catch (thrown) {
      this.lastOk = false;
      const where = this.lastConfig ? path.relative(process.cwd(), this.lastConfig.root) || '.' : '.';
      return this.failed([error(where, `internal error during rebuild: ${messageOf(thrown)}`)], started, 0, mode);
    }
  }

  private failed(diagnostics: Diagnostic[], started: number, posts: number, mode: RebuildMode, aborted = false): RebuildResult {
    const now = performance.now();
    return {
      mode,
      aborted,
      needsCheck: this.needsCheck,
      ok: false,
      diagnostics: sortDiagnostics(diagnostics),
      written: [],
      removed: [],
      rendered: 0,
      full: false,
      posts,
      pages: this.specHashes.size,
      durationMs: now - started,
      finishedAt: now,
      outDir: this.writtenOutDir ?? this.lastConfig?.outDir ?? path.resolve(this.options.root ?? '.', 'public'),
    };
  }

  /** Plans the whole site again from the (cached) sources and writes what changed. */
  private async replan(request: RebuildRequest, mode: RebuildMode, started: number): Promise<RebuildResult> {
    if (request.full) this.sources = new Map();
    const freshSources = this.sources.size === 0;
    const aborted = () => request.signal?.aborted === true;

    const { planned, diagnostics, postCount } = await planSite(this.options, this.renderer, this.sources);
    // A save arrived while a background check was reading: its own rebuild reports on it.
    if (aborted()) return this.failed([], started, postCount, mode, true);
    if (!planned) {
      // A broken _config.yml: keep serving the last good site; parsed posts may depend on settings.
      this.sources = new Map();
      return this.failed(diagnostics, started, postCount, mode);
    }
    const configChanged = this.lastConfig !== undefined && !sameSettings(this.lastConfig, planned.config);
    if (configChanged && !freshSources) {
      // Settings shape parsed posts (permalink, timezone, drafts): plan again from fresh sources.
      this.sources = new Map();
      this.lastConfig = planned.config;
      return this.replan({ ...request, full: true }, mode, started);
    }
    this.lastConfig = planned.config;
    if (hasErrors(diagnostics)) return this.failed(diagnostics, started, postCount, mode);
    if (aborted()) return this.failed([], started, postCount, mode, true);

    const { config, theme, model, specs } = planned;
    const full = this.writtenOutDir !== config.outDir;
    const hashes = new Map<string, string>();
    const stale: PageSpec[] = [];
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i]!;
      const hash = specHash(spec, theme, model);
      hashes.set(spec.path, hash);
      if (full || this.specHashes.get(spec.path) !== hash) stale.push(spec);
      if (request.signal && i % 256 === 255) {
        // Let the watcher and server breathe during a background check, and stop if a save came in.
        await new Promise((resolve) => setImmediate(resolve));
        if (aborted()) return this.failed([], started, postCount, mode, true);
      }
    }
    const { files, diagnostics: pageErrors } = await renderPages(stale, theme, model);
    const all = [...diagnostics, ...pageErrors];
    if (full) all.push(...checkSite({ ...planned, files }));
    if (hasErrors(all)) return this.failed(all, started, postCount, mode);
    if (aborted()) return this.failed([], started, postCount, mode, true);

    const kinds = new Map<string, OutputKind>(specs.map((s) => [s.path, kindOfSpec(s)]));
    const assets = await assetFiles(planned);
    for (const asset of assets) kinds.set(asset.path, 'asset');

    const written: OutputChange[] = [];
    const removed: OutputChange[] = [];
    if (full) {
      await writeSite({ ...planned, files }, this.options.cache ?? true);
      await this.recordFull(files, assets);
      written.push(...[...kinds].map(([p, kind]) => ({ path: p, kind })));
      this.writtenOutDir = config.outDir;
      this.knownDirs.clear();
    } else {
      const outDir = config.outDir;
      for (const file of files) {
        const content = 'content' in file ? file.content : '';
        const hash = sha1(content);
        if (this.contentHashes.get(file.path) === hash) continue;
        await this.put(outDir, file.path, content);
        this.contentHashes.set(file.path, hash);
        written.push({ path: file.path, kind: kinds.get(file.path)! });
      }
      written.push(...(await this.syncAssets(outDir, assets)));
      for (const [old, kind] of this.kinds) {
        if (kinds.has(old)) continue;
        await this.remove(outDir, old);
        removed.push({ path: old, kind });
      }
    }
    this.specHashes = hashes;
    this.kinds = kinds;
    this.setPlanned(planned);
    const finishedAt = performance.now();
    return {
      mode,
      needsCheck: false,
      ok: true,
      diagnostics: sortDiagnostics(all),
      written,
      removed,
      rendered: stale.length,
      full,
      posts: postCount,
      pages: specs.length,
      durationMs: finishedAt - started,
      finishedAt,
      outDir: config.outDir,
    };
  }

  private setPlanned(planned: PlannedSite): void {
    this.lastPlanned = planned;
    this.postIndex = new Map(planned.model.posts.map((p, i) => [path.join(planned.config.root, p.post.source), i]));
  }

  /**
   * The hot path: posts edited without changing anything other pages show (title, date, URL,
   * categories, tags, published, excerpt). Re-reads and re-renders only those posts, and renders
   * their pages (and the feed, when they are in it) through the real `planPages` on a small model
   * holding just the posts those pages look at. Returns undefined when the edit is not of that kind
   * (or anything is off, errors included): the caller then plans the whole site.
   */
  private async tryFast(files: string[], started: number): Promise<RebuildResult | undefined> {
    const base = this.lastPlanned;
    if (!base || !this.lastOk || this.writtenOutDir !== base.config.outDir) return undefined;
    const { config, theme, model } = base;
    const nowMs = this.options.now ?? Date.now();
    const posts = model.posts.slice();
    const changed: number[] = [];
    const edited: Post[] = [];
    for (const file of files) {
      const index = this.postIndex.get(file);
      if (index === undefined) return undefined;
      const old = posts[index]!.post;
      const source = readSourceSync(config.root, { relPath: old.relPath, absPath: file });
      if (!source) return undefined;
      const { post, diagnostics } = buildPost(source, { ...config });
      if (!post || diagnostics.length > 0 || !sameListing(old, post)) return undefined;
      if (missingLayouts(theme, [post]).length > 0) return undefined;
      changed.push(index);
      edited.push(post);
    }
    const { rendered: raw, diagnostics } = await renderPosts(this.renderer, edited);
    if (diagnostics.length > 0 || raw.length !== edited.length) return undefined;
    // Links to other posts (`./x.md`, post_url) are rewritten exactly as a full build does.
    const rendered = rewriteLinksOf(raw, posts.map((p) => p.post), { baseurl: config.baseurl });
    for (const [n, next] of rendered.entries()) {
      const index = changed[n]!;
      if (next.rendered.excerptHtml !== posts[index]!.rendered.excerptHtml) return undefined;
      posts[index] = next;
    }

    // Every page the edited posts appear on with more than their listing: their own pages (which
    // name their neighbours) and, for the newest posts, the feed (which carries full content).
    const keep = new Set<number>();
    for (const i of changed) [i - 1, i, i + 1].forEach((k) => keep.add(k));
    const inFeed = changed.some((i) => i < config.feedLimit);
    if (inFeed) for (let k = 0; k < config.feedLimit; k++) keep.add(k);
    const current: SiteModel = { ...model, posts };
    const small: SiteModel = { ...model, posts: posts.filter((_, k) => keep.has(k)) };
    const sources = new Set(edited.map((p) => p.source));
    const nowIso = toIsoString(fromInstant(nowMs, config.timezone));
    const targets = planPages(small, nowIso).filter((s) => (s.kind === 'post' ? sources.has(s.source ?? '') : inFeed && s.kind === 'raw' && s.path === 'feed.xml'));
    if (targets.filter((s) => s.kind === 'post').length !== edited.length) return undefined;

    const hashes = new Map<string, string>();
    const stale = targets.filter((spec) => {
      const hash = specHash(spec, theme, current);
      hashes.set(spec.path, hash);
      return this.specHashes.get(spec.path) !== hash;
    });
    const { files: output, diagnostics: pageErrors } = await renderPages(stale, theme, current);
    if (pageErrors.length > 0) return undefined;

    const written: OutputChange[] = [];
    for (const file of output) {
      const content = 'content' in file ? file.content : '';
      const hash = sha1(content);
      if (this.contentHashes.get(file.path) !== hash) {
        const target = insideDir(config.outDir, file.path);
        if (!this.knownDirs.has(path.dirname(target))) {
          mkdirSync(path.dirname(target), { recursive: true });
          this.knownDirs.add(path.dirname(target));
        }
        writeAtomicSync(target, content);
        this.contentHashes.set(file.path, hash);
        written.push({ path: file.path, kind: this.kinds.get(file.path) ?? 'post' });
      }
    }
    for (const [p, hash] of hashes) this.specHashes.set(p, hash);
    const replaced = new Map(targets.map((s) => [s.path, s]));
    this.setPlanned({ ...base, model: current, specs: base.specs.map((s) => replaced.get(s.path) ?? s) });
    this.needsCheck = true;
    const finishedAt = performance.now();
    return {
      ok: true,
      mode: 'fast',
      needsCheck: true,
      diagnostics: [],
      written,
      removed: [],
      rendered: stale.length,
      full: false,
      posts: posts.length,
      pages: this.specHashes.size,
      durationMs: finishedAt - started,
      finishedAt,
      outDir: config.outDir,
    };
  }

  /**
   * Starts rendering an edited post's Markdown as soon as the watcher sees the first event, while
   * the batcher is still waiting for the save to finish; the rebuild then finds the render done or
   * in flight. Writes nothing and never fails: at worst it renders a state that is never built.
   */
  prefetch(file: string): void {
    const base = this.lastPlanned;
    const index = this.postIndex.get(file);
    if (!base || index === undefined || this.closed) return;
    const old = base.model.posts[index]!.post;
    const source = readSourceSync(base.config.root, { relPath: old.relPath, absPath: file });
    if (!source || this.prefetched.get(file) === source.text) return;
    this.prefetched.set(file, source.text);
    const { post } = buildPost(source, { ...base.config });
    if (!post) return;
    this.renderer
      .render({ body: post.body, bodyLine: post.bodyLine, excerpt: post.excerpt, excerptSeparator: post.excerptSeparator })
      .catch(() => undefined);
  }

  /** Records what a full write put on disk. */
  private async recordFull(files: readonly OutputFile[], assets: readonly OutputFile[]): Promise<void> {
    this.contentHashes.clear();
    this.assetRecords.clear();
    for (const file of files) if ('content' in file) this.contentHashes.set(file.path, sha1(file.content));
    await Promise.all(
      assets.map(async (asset) => {
        if (!('copyFrom' in asset)) return;
        const [info, bytes] = await Promise.all([stat(asset.copyFrom), readFile(asset.copyFrom)]);
        this.assetRecords.set(asset.path, { from: asset.copyFrom, size: info.size, mtimeMs: info.mtimeMs });
        this.contentHashes.set(asset.path, sha1(bytes));
      }),
    );
  }

  /** Copies assets whose source file changed (by size, mtime or origin); returns those whose bytes changed. */
  private async syncAssets(outDir: string, assets: readonly OutputFile[]): Promise<OutputChange[]> {
    const changed: OutputChange[] = [];
    for (const asset of assets) {
      if (!('copyFrom' in asset)) continue;
      let info;
      try {
        info = await stat(asset.copyFrom);
      } catch {
        continue; // Vanished since it was listed; the next rebuild sees it gone.
      }
      const before = this.assetRecords.get(asset.path);
      if (before && before.from === asset.copyFrom && before.size === info.size && before.mtimeMs === info.mtimeMs) continue;
      const bytes = await readFile(asset.copyFrom);
      this.assetRecords.set(asset.path, { from: asset.copyFrom, size: info.size, mtimeMs: info.mtimeMs });
      const hash = sha1(bytes);
      if (this.contentHashes.get(asset.path) === hash) continue;
      await this.ensureDir(path.dirname(insideDir(outDir, asset.path)));
      const target = insideDir(outDir, asset.path);
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.inkstone-tmp`);
      await copyFile(asset.copyFrom, temp);
      await rename(temp, target);
      this.contentHashes.set(asset.path, hash);
      changed.push({ path: asset.path, kind: 'asset' });
    }
    for (const gone of [...this.assetRecords.keys()].filter((p) => !assets.some((a) => a.path === p))) this.assetRecords.delete(gone);
    return changed;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.knownDirs.add(dir);
  }

  private async put(outDir: string, rel: string, content: string | Uint8Array): Promise<void> {
    const target = insideDir(outDir, rel);
    await this.ensureDir(path.dirname(target));
    await writeAtomic(target, content);
  }

  private async remove(outDir: string, rel: string): Promise<void> {
    const target = insideDir(outDir, rel);
    await unlink(target).catch(() => undefined);
    this.contentHashes.delete(rel);
    this.specHashes.delete(rel);
    await pruneEmptyDirs(path.dirname(target), outDir);
    this.knownDirs.clear();
  }

  /** Shuts the render service down (if the session made it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsService) await this.service.close();
  }
}

/** Whether two versions of a post look the same in every list, feed entry aside (and land at the same URL). */
function sameListing(a: Post, b: Post): boolean {
  const listing = (p: Post) => JSON.stringify([p.source, p.title, p.url, p.outputPath, p.date, p.categories, p.tags, p.published, p.draft]);
  return listing(a) === listing(b);
}

/** Whether two configs would parse posts the same way and write to the same place. */
function sameSettings(a: SiteConfig, b: SiteConfig): boolean {
  return JSON.stringify({ ...a, data: undefined }) === JSON.stringify({ ...b, data: undefined }) && JSON.stringify(a.data) === JSON.stringify(b.data);
}

/** `1 page + 3 lists`, `no pages changed`: what a rebuild wrote, in a few words. */
export function describeChanges(result: Pick<RebuildResult, 'written' | 'removed' | 'full' | 'pages'>): string {
  const count = (list: OutputChange[], kinds: OutputKind[]) => list.filter((c) => kinds.includes(c.kind)).length;
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (result.full) return `full rebuild, ${s(result.pages, 'page')}`;
  const parts: string[] = [];
  const pages = count(result.written, ['post']);
  const lists = count(result.written, ['list', 'raw']);
  const assets = count(result.written, ['asset']);
  if (pages) parts.push(s(pages, 'page'));
  if (lists) parts.push(s(lists, 'list'));
  if (assets) parts.push(s(assets, 'asset'));
  let text = parts.join(' + ');
  if (result.removed.length) text += `${text ? ', ' : ''}${result.removed.length} removed`;
  return text || 'no pages changed';
}

/** The terminal line for a rebuild: `posts/x.md → 1 page + 3 lists in 18 ms`. */
export function summaryLine(trigger: string, result: RebuildResult): string {
  const ms = `${Math.round(result.durationMs)} ms`;
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    return `${trigger} → ${errors} error${errors === 1 ? '' : 's'} in ${ms}; still serving the last good pages`;
  }
  return `${trigger} → ${describeChanges(result)} in ${ms}`;
}

/** Diagnostics as terminal lines (`path:line: message`). */
export function diagnosticLines(list: readonly Diagnostic[]): string[] {
  return list.map(formatDiagnostic);
}
