/**
 * The rebuild session behind `inkstone dev`: one render service (worker pool + render cache) and one
 * source cache for the life of the process, and a record of what is on disk, so a rebuild re-plans
 * the site from the (mostly cached) sources, re-renders only the pages whose inputs changed, and
 * writes only the files whose bytes changed. A rebuild with errors writes nothing: the last good
 * output stays in place and is served until the next good save.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assetFiles, cacheDirFor, checkSite, planSite, renderPages, writeSite, type BuildOptions, type PlannedSite } from '../build.js';
import { withRenderCache } from '../cache.js';
import { loadConfig, type SiteConfig } from '../config.js';
import type { SourceCache } from '../content/load.js';
import { error, formatDiagnostic, hasErrors, messageOf, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { createRenderService, defaultWorkerCount, type RenderService } from '../markdown/pool.js';
import { insideDir, type OutputFile } from '../output.js';
import { specHash, type PageSpec } from '../render/site.js';

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
}

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
  /** The whole output folder was written (first build, config change, output folder moved). */
  full: boolean;
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
  private closed = false;

  private constructor(
    readonly options: DevSessionOptions,
    readonly service: RenderService,
    private readonly ownsService: boolean,
  ) {}

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
    try {
      return await this.rebuildOrThrow(request, started);
    } catch (thrown) {
      const where = this.lastConfig ? path.relative(process.cwd(), this.lastConfig.root) || '.' : '.';
      return this.failed([error(where, `internal error during rebuild: ${messageOf(thrown)}`)], started, 0);
    }
  }

  private failed(diagnostics: Diagnostic[], started: number, posts: number): RebuildResult {
    const now = performance.now();
    return {
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

  private async rebuildOrThrow(request: RebuildRequest, started: number): Promise<RebuildResult> {
    if (this.closed) throw new Error('the dev session is closed');
    if (request.full) this.sources = new Map();
    for (const file of request.files ?? []) this.sources.delete(file);
    const freshSources = this.sources.size === 0;

    const { planned, diagnostics, postCount } = await planSite(this.options, this.service, this.sources);
    if (!planned) {
      // A broken _config.yml: keep serving the last good site; parsed posts may depend on settings.
      this.sources = new Map();
      return this.failed(diagnostics, started, postCount);
    }
    const configChanged = this.lastConfig !== undefined && !sameSettings(this.lastConfig, planned.config);
    if (configChanged && !freshSources) {
      // Settings shape parsed posts (permalink, timezone, drafts): plan again from fresh sources.
      this.sources = new Map();
      this.lastConfig = planned.config;
      return this.rebuildOrThrow({}, started);
    }
    this.lastConfig = planned.config;
    if (hasErrors(diagnostics)) return this.failed(diagnostics, started, postCount);

    const { config, theme, model, specs } = planned;
    const full = this.writtenOutDir !== config.outDir;
    const hashes = new Map<string, string>();
    const stale: PageSpec[] = [];
    for (const spec of specs) {
      const hash = specHash(spec, theme, model);
      hashes.set(spec.path, hash);
      if (full || this.specHashes.get(spec.path) !== hash) stale.push(spec);
    }
    const { files, diagnostics: pageErrors } = await renderPages(stale, theme, model);
    const all = [...diagnostics, ...pageErrors];
    if (full) all.push(...checkSite({ ...planned, files }));
    if (hasErrors(all)) return this.failed(all, started, postCount);

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
    this.lastPlanned = planned;
    const finishedAt = performance.now();
    return {
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
