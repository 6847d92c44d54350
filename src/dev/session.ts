/**
 * The rebuild policy behind `inkstone dev`: one render service (workers + render cache) and one
 * source cache for the life of the process, and a mirror of what is on disk, so a rebuild re-plans
 * the site from the (mostly cached) sources, re-renders only the pages whose inputs changed, and
 * writes only the files whose bytes changed. Edits that change nothing other pages show take a
 * fast path (see `tryFast`), confirmed later by a background full check. A rebuild with errors
 * writes nothing: the last good output stays in place and is served until the next good save.
 *
 * Longer than most modules on purpose: the three ways to rebuild (replan, fast path, prefetch)
 * are one policy over one session's state, and reading them side by side is what keeps them
 * consistent. What is on disk lives in output-mirror.ts, the terminal text in summary.ts, what a
 * rebuild is asked and reports in rebuild-types.ts, the comparisons it decides by in rebuild-rules.ts.
 */
import path from 'node:path';
import { type BuildOptions, nowIsoOf, type PlannedSite, planSite } from '../build.js';
import { loadConfig, type SiteConfig } from '../config/config.js';
import { SITE_DEFAULTS } from '../config/defaults.js';
import { renderCacheDirOf } from '../config/site-paths.js';
import { buildPost } from '../content/post.js';
import { indexPosts } from '../content/post-index.js';
import { type Diagnostic, error, hasErrors, messageOf, sortDiagnostics } from '../diagnostics.js';
import { hasLiquid } from '../liquid/render-document.js';
import type { SourceCache } from '../load/load-posts.js';
import { isDiagnostic, readSource } from '../load/read-source.js';
import type { RenderContext } from '../render/context.js';
import { type PageSpec, planPages } from '../render/page-specs.js';
import { specHash } from '../render/spec-hash.js';
import { withRenderCache } from '../render-service/cache.js';
import { createRenderService } from '../render-service/service.js';
import type { RenderService } from '../render-service/types.js';
import { BackgroundSearch } from '../search/dev.js';
import type { Post } from '../site/model.js';
import { otherOutputs } from '../stages/check-links.js';
import { missingLayouts } from '../stages/load.js';
import { markdownInputOf, renderPostBodies } from '../stages/render-documents.js';
import { renderPages } from '../stages/render-pages.js';
import { copiedFiles, writeSite } from '../stages/write.js';
import { type DevDiagnostic, LinkIndex } from './link-index.js';
import { type OutputChange, type OutputKind, OutputMirror } from './output-mirror.js';

import { besideFiles, sameListing, sameSettings, withPages } from './rebuild-rules.js';
import type { RebuildMode, RebuildRequest, RebuildResult } from './rebuild-types.js';

export type { DevDiagnostic } from './link-index.js';
export type { OutputChange, OutputKind } from './output-mirror.js';
export type { RebuildMode, RebuildRequest, RebuildResult } from './rebuild-types.js';

/**
 * The state of a dev session. Create with `DevSession.create`, run `rebuild()` once for the first
 * build, then once per batch of file changes; rebuilds must not overlap (the watcher serializes them).
 */
export class DevSession {
  /** Parsed posts, reused while a file's size and mtime are unchanged (and the watcher did not name it). */
  private sources: SourceCache = new Map();
  private readonly mirror = new OutputMirror();
  /** The search index, brought up to date in the background after rebuilds. */
  private readonly search = new BackgroundSearch();
  private lastConfig: SiteConfig | undefined;
  private lastPlanned: PlannedSite | undefined;
  /** Absolute source path → index in the last plan's rendered posts. */
  private postIndex = new Map<string, number>();
  /** The last rebuild succeeded (so the last plan is what is on disk). */
  private lastOk = false;
  /** Fast rebuilds ran since the last full plan. */
  private needsCheck = false;
  /** Post-like entries the last full plan could not read. */
  private skipped: string[] = [];
  private closed = false;
  /** Text last prefetched per source file. */
  private prefetched = new Map<string, string>();
  /** The link check's memory of which page links where. */
  private readonly links = new LinkIndex();
  /** Warnings of the last full plan other than broken links (loading, rendering), with their pages. */
  private siteWarnings: DevDiagnostic[] = [];

  private constructor(
    readonly options: BuildOptions,
    readonly service: RenderService,
    private readonly ownsService: boolean,
  ) {}

  /** Starts a session: one render service (workers + render cache, which shares renders in flight) kept warm until `close()`. */
  static async create(options: BuildOptions): Promise<DevSession> {
    if (options.service) return new DevSession(options, options.service, false);
    const root = path.resolve(options.root ?? '.');
    const useCache = options.cache ?? true;
    const service = withRenderCache(await createRenderService({ workers: options.workers }), useCache ? renderCacheDirOf(root) : undefined);
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

  /** Fast rebuilds happened since the last full plan: a background check would confirm them. */
  get checkDue(): boolean {
    return this.needsCheck;
  }

  /** Where the last good output is (what the preview server should serve). */
  get outDir(): string | undefined {
    return this.mirror.outDir;
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
      // A failed plan read the whole site too, and the next rebuild after it plans the whole site
      // again (the fast path needs a good last build): asking for a check here would only repeat
      // the failure, every checkDelayMs, until the next save.
      this.needsCheck = false;
      return { ...result, needsCheck: false };
    } catch (thrown) {
      this.lastOk = false;
      this.needsCheck = false;
      const where = this.lastConfig ? path.relative(process.cwd(), this.lastConfig.root) || '.' : '.';
      return this.failed([error(where, `internal error during rebuild: ${messageOf(thrown)}`)], started, 0, mode);
    }
  }

  private result(fields: Pick<RebuildResult, 'ok' | 'mode' | 'diagnostics' | 'posts'> & Partial<RebuildResult>, started: number): RebuildResult {
    const finishedAt = performance.now();
    return {
      needsCheck: this.needsCheck,
      written: [],
      removed: [],
      rendered: 0,
      linksChecked: 0,
      full: false,
      pages: this.mirror.specHashes.size,
      durationMs: finishedAt - started,
      finishedAt,
      outDir: this.mirror.outDir ?? this.lastConfig?.outDir ?? path.resolve(this.options.root ?? '.', SITE_DEFAULTS.destination),
      skipped: this.skipped,
      ...fields,
      diagnostics: sortDiagnostics(fields.diagnostics),
    };
  }

  private failed(diagnostics: Diagnostic[], started: number, posts: number, mode: RebuildMode, aborted = false): RebuildResult {
    return this.result({ ok: false, mode, aborted, diagnostics, posts }, started);
  }

  /** Plans the whole site again from the (cached) sources and writes what changed. */
  private async replan(request: RebuildRequest, mode: RebuildMode, started: number): Promise<RebuildResult> {
    if (request.full) this.sources = new Map();
    const freshSources = this.sources.size === 0;
    const aborted = () => request.signal?.aborted === true;

    const { planned, diagnostics, skipped } = await planSite(this.options, this.service, this.sources);
    this.skipped = skipped;
    const postCount = planned?.site.posts.length ?? 0;
    // A save arrived while a background check was reading: its own rebuild reports on it.
    if (aborted()) return this.failed([], started, postCount, mode, true);
    if (!planned) {
      // A broken _config.yml: keep serving the last good site; parsed posts may depend on settings.
      this.sources = new Map();
      return this.failed(diagnostics, started, postCount, mode);
    }
    const { site, context, specs } = planned;
    const { config, theme } = site;
    if (this.lastConfig !== undefined && !sameSettings(this.lastConfig, config) && !freshSources) {
      // Settings shape parsed posts (permalink, timezone, drafts): plan again from fresh sources.
      this.sources = new Map();
      this.lastConfig = config;
      return this.replan({ ...request, full: true }, mode, started);
    }
    this.lastConfig = config;
    if (hasErrors(diagnostics)) return this.failed(diagnostics, started, postCount, mode);
    if (aborted()) return this.failed([], started, postCount, mode, true);

    const full = this.mirror.outDir !== config.outDir;
    const hashes = new Map<string, string>();
    const stale: PageSpec[] = [];
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i]!;
      const hash = specHash(spec, theme, context);
      hashes.set(spec.path, hash);
      if (full || this.mirror.specHashes.get(spec.path) !== hash) stale.push(spec);
      if (request.signal && i % 256 === 255) {
        // Let the watcher and server breathe during a background check, and stop if a save came in.
        await new Promise((resolve) => setImmediate(resolve));
        if (aborted()) return this.failed([], started, postCount, mode, true);
      }
    }
    const { files, diagnostics: pageErrors } = await renderPages(stale, theme, context);
    const all = [...diagnostics, ...pageErrors];
    if (hasErrors(all)) return this.failed(all, started, postCount, mode);
    const others = otherOutputs({ ...site, posts: context.posts }, new Set(specs.map((s) => s.path)));
    const everyPage = full || mode === 'check';
    const links = await this.links.prepare({ config, theme, specs, posts: context.posts, rendered: files, others, all: everyPage, signal: request.signal });
    if (!links || aborted()) return this.failed([], started, postCount, mode, true);
    if (hasErrors(links.diagnostics)) return this.failed([...all, ...links.diagnostics], started, postCount, mode);
    if (aborted()) return this.failed([], started, postCount, mode, true);

    const kinds = new Map<string, OutputKind>(specs.map((s) => [s.path, s.kind]));
    const copied = copiedFiles({ ...site, posts: context.posts }, files);
    for (const file of copied) kinds.set(file.path, 'asset');

    const written: OutputChange[] = [];
    const removed: OutputChange[] = [];
    if (full) {
      const searchIndex = this.search.filesForFullWrite(context, config.outDir, new Set(kinds.keys()));
      await writeSite(config, { ...site, posts: context.posts }, files, this.options.cache ?? true, searchIndex);
      await this.mirror.recordFull(config.outDir, files, copied, kinds, hashes);
      written.push(...[...kinds].map(([p, kind]) => ({ path: p, kind })));
    } else {
      written.push(...(await this.mirror.writePages(files, kinds)));
      written.push(...(await this.mirror.syncCopies(copied)));
      removed.push(...(await this.mirror.removeGone(kinds)));
      this.mirror.specHashes = hashes;
      this.mirror.kinds = kinds;
    }
    links.commit();
    this.siteWarnings = withPages(all, specs);
    this.setPlanned(planned);
    return this.result(
      {
        ok: true,
        mode,
        needsCheck: false,
        diagnostics: [...this.siteWarnings, ...links.diagnostics],
        written,
        removed,
        rendered: stale.length,
        linksChecked: links.checked,
        full,
        posts: postCount,
        pages: specs.length,
      },
      started,
    );
  }

  private setPlanned(planned: PlannedSite): void {
    this.search.schedule(planned);
    this.lastPlanned = planned;
    this.postIndex = new Map(planned.context.posts.map((p, i) => [path.join(planned.site.config.root, p.post.source), i]));
  }

  /** Re-reads an edited post the way the loader would; undefined when it cannot be read (the full path reports why). */
  private reread(file: string, old: Post): Post | undefined {
    const config = this.lastPlanned!.site.config;
    const source = readSource(config.root, { relPath: old.relPath, absPath: file });
    if (isDiagnostic(source)) return undefined;
    const { post, diagnostics } = buildPost({ ...source, ...old.found }, config);
    return post && diagnostics.length === 0 ? post : undefined;
  }

  /**
   * The hot path: posts edited without changing anything other pages show (title, date, URL,
   * categories, tags, published, excerpt). Re-reads and re-renders only those posts, and renders
   * their pages (and the feed, when they are in it) through the real `planPages` on a small context
   * holding just the posts those pages look at. Returns undefined when the edit is not of that kind
   * (or anything is off, errors included): the caller then plans the whole site.
   */
  private async tryFast(files: string[], started: number): Promise<RebuildResult | undefined> {
    const base = this.lastPlanned;
    if (!base || !this.lastOk || this.mirror.outDir !== base.site.config.outDir) return undefined;
    // Pages whose Liquid reads posts' content (an index of full posts) change with any edit: plan them all.
    if (base.site.pages.some((p) => p.liquid !== 'none' && /\bcontent\b/.test(p.body))) return undefined;
    const { site, context } = base;
    const { config, theme } = site;
    const posts = context.posts.slice();
    const changed: number[] = [];
    const edited: Post[] = [];
    for (const file of files) {
      const index = this.postIndex.get(file);
      if (index === undefined) return undefined;
      const old = posts[index]!.post;
      const post = this.reread(file, old);
      if (!post || !sameListing(old, post) || missingLayouts(theme, [post]).length > 0) return undefined;
      changed.push(index);
      edited.push(post);
    }
    const allPosts = posts.map((p) => p.post);
    for (const [n, post] of edited.entries()) allPosts[changed[n]!] = post;
    const nowIso = nowIsoOf(config, this.options.now ?? Date.now());
    const rendering = { service: this.service, engine: theme.engine, nowIso };
    const { rendered, diagnostics } = await renderPostBodies({ ...site, posts: allPosts }, edited, rendering);
    if (diagnostics.length > 0 || rendered.length !== edited.length) return undefined;
    for (const [n, next] of rendered.entries()) {
      const index = changed[n]!;
      const old = posts[index]!;
      if (next.rendered.excerptHtml !== old.rendered.excerptHtml) return undefined;
      // Files beside the post that it links to are copied by a full plan only.
      if (site.postFiles.length > 0 && besideFiles(next) !== besideFiles(old)) return undefined;
      posts[index] = next;
    }

    // Every page the edited posts appear on with more than their listing: their own pages (which
    // name their neighbours) and, for the newest posts, the feed (which carries full content).
    const keep = new Set<number>();
    for (const i of changed) for (const k of [i - 1, i, i + 1]) keep.add(k);
    const inFeed = changed.some((i) => i < config.feedLimit);
    if (inFeed) for (let k = 0; k < config.feedLimit; k++) keep.add(k);
    const current: RenderContext = { ...context, posts };
    const small: RenderContext = { ...context, posts: posts.filter((_, k) => keep.has(k)) };
    const sources = new Set(edited.map((p) => p.source));
    const targets = planPages(small, nowIso).filter((s) =>
      s.kind === 'post' ? sources.has(s.source ?? '') : inFeed && s.kind === 'raw' && s.path === 'feed.xml',
    );
    if (targets.filter((s) => s.kind === 'post').length !== edited.length) return undefined;

    const hashes = new Map<string, string>();
    const stale = targets.filter((spec) => {
      const hash = specHash(spec, theme, current);
      hashes.set(spec.path, hash);
      return this.mirror.specHashes.get(spec.path) !== hash;
    });
    const { files: output, diagnostics: pageErrors } = await renderPages(stale, theme, current);
    if (pageErrors.length > 0) return undefined;
    const replaced = new Map(targets.map((s) => [s.path, s]));
    const specs = base.specs.map((s) => replaced.get(s.path) ?? s);
    // The same files exist as before (the guard above): only these pages and the pages pointing into them are re-checked.
    const links = await this.links.prepare({ config, theme, specs, posts, rendered: output });
    if (!links || hasErrors(links.diagnostics)) return undefined;

    const written = await this.mirror.writePages(output, this.mirror.kinds, true);
    for (const [p, hash] of hashes) this.mirror.specHashes.set(p, hash);
    links.commit();
    this.setPlanned({ ...base, context: current, specs });
    this.needsCheck = true;
    const warnings = [...this.siteWarnings, ...links.diagnostics];
    return this.result(
      { ok: true, mode: 'fast', needsCheck: true, diagnostics: warnings, written, rendered: stale.length, linksChecked: links.checked, posts: posts.length },
      started,
    );
  }

  /**
   * Starts rendering an edited post's Markdown as soon as the watcher sees the first event, while
   * the batcher is still waiting for the save to finish; the rebuild then finds the render done or
   * in flight (the render cache shares it). Writes nothing and never fails: at worst it renders a
   * state that is never built.
   */
  prefetch(file: string): void {
    const base = this.lastPlanned;
    const index = this.postIndex.get(file);
    if (!base || index === undefined || this.closed) return;
    const old = base.context.posts[index]!.post;
    const source = readSource(base.site.config.root, { relPath: old.relPath, absPath: file });
    if (isDiagnostic(source) || this.prefetched.get(file) === source.text) return;
    this.prefetched.set(file, source.text);
    const { post } = buildPost({ ...source, ...old.found }, base.site.config);
    // Liquid output depends on the whole site: leave those posts to the rebuild.
    if (!post || (post.liquid !== 'none' && hasLiquid(post.body))) return;
    const all = base.context.posts.map((p) => (p.post.source === post.source ? post : p.post));
    this.service.render(markdownInputOf(post, indexPosts(all), base.site.config.baseurl)).catch(() => undefined);
  }

  /** Shuts the render service down (if the session made it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.search.close();
    if (this.ownsService) await this.service.close();
  }
}
