/**
 * The search index in `inkstone dev`: brought up to date in the background after each rebuild, so
 * a save is never kept waiting for it. A rebuild only schedules the work (a timer); when the
 * editor has been quiet for a moment, the index is planned again (bodies hashed, chunk by chunk,
 * yielding to the event loop between chunks), only chunks whose content changed are extracted,
 * and the changed files are written atomically, the table of contents last, before old chunks are
 * removed: a reader searching meanwhile sees the old index or the new one, never a mix that
 * points at missing files. A newer rebuild abandons work in progress; a full write of the output
 * folder (first build, new folder) gets the index with the site, as `inkstone build` does.
 */
import { rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { PlannedSite } from '../build.js';
import { SEARCH_DEFAULTS } from '../config/defaults.js';
import { writeAtomicSync } from '../fs/atomic-write.js';
import { insideDir, type OutputFile } from '../output/write-output.js';
import type { RenderContext } from '../render/context.js';
import { chunkContent, type IndexPlan } from './index-files.js';
import { plannedIndex } from './stage.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The dev session's search index: what is on disk, and the background job that updates it. */
export class BackgroundSearch {
  /** Output folder the index was last written to, and its files there (path → content). */
  private outDir: string | undefined;
  private onDisk = new Map<string, string>();
  /** Chunk contents by path (the path names the content), for the chunks of the last index. */
  private chunks = new Map<string, string>();
  private pending: PlannedSite | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Bumped by every newer request: work for an older one stops at its next step. */
  private generation = 0;
  private closed = false;
  /** The last background failure (the index stays as it was), for tests and tools. */
  lastError: unknown;
  /** Background runs that wrote or removed files. */
  updates = 0;

  constructor(private readonly delayMs: number = SEARCH_DEFAULTS.devDelayMs) {}

  /** The index files for a full write of `outDir` (the write stage writes them with the site); remembered as on disk. */
  filesForFullWrite(context: RenderContext, outDir: string, taken: ReadonlySet<string>): OutputFile[] {
    this.generation++;
    const files = this.filesOf(plannedIndex(context, taken));
    this.outDir = outDir;
    this.onDisk = new Map(files.map((f) => [f.path, f.content]));
    return files;
  }

  /** Asks for the index of `planned` to be written after a quiet moment; returns at once. */
  schedule(planned: PlannedSite): void {
    if (this.closed) return;
    this.pending = planned;
    this.generation++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.start(), this.delayMs);
    this.timer.unref();
  }

  /** Resolves when no update is waiting or running (tests, and shutting down cleanly). */
  async idle(): Promise<void> {
    while (this.pending || this.running) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stops scheduling; work in progress stops at its next step. */
  close(): void {
    this.closed = true;
    this.generation++;
    clearTimeout(this.timer);
    this.pending = undefined;
  }

  private start(): void {
    if (this.running) {
      // One update at a time: the newest request runs when the current one has stopped.
      this.running.then(() => this.start());
      return;
    }
    const planned = this.pending;
    this.pending = undefined;
    if (!planned || this.closed) return;
    const generation = this.generation;
    this.running = this.update(planned, generation)
      .catch((thrown) => {
        this.lastError = thrown;
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  private async update(planned: PlannedSite, generation: number): Promise<void> {
    const { context, specs, site } = planned;
    const outDir = site.config.outDir;
    // Only the folder the index was written to with the site (a full write) is updated here.
    if (outDir !== this.outDir) return;
    const taken = new Set(specs.map((s) => s.path));
    await nextTurn();
    if (generation !== this.generation) return;
    const plan = plannedIndex(context, taken);
    for (const chunk of plan?.chunks ?? []) {
      if (this.chunks.has(chunk.path)) continue;
      await nextTurn();
      if (generation !== this.generation) return;
      this.chunks.set(chunk.path, chunkContent(chunk, plan!.baseurl));
    }
    if (generation !== this.generation) return;
    // From here on, synchronous: no rebuild can write the folder in between.
    const files = this.filesOf(plan);
    const next = new Map(files.map((f) => [f.path, f.content]));
    const index = files[0];
    let changed = false;
    for (const file of files.slice(1)) {
      if (this.onDisk.get(file.path) === file.content) continue;
      writeAtomicSync(insideDir(outDir, file.path), { content: file.content }, true);
      changed = true;
    }
    if (index && this.onDisk.get(index.path) !== index.content) {
      writeAtomicSync(insideDir(outDir, index.path), { content: index.content }, true);
      changed = true;
    }
    for (const old of this.onDisk.keys()) {
      if (next.has(old)) continue;
      try {
        unlinkSync(insideDir(outDir, old));
      } catch {
        // Already gone.
      }
      changed = true;
    }
    if (files.length === 0 && changed) {
      try {
        rmdirSync(path.join(outDir, path.dirname(SEARCH_DEFAULTS.indexPath)));
      } catch {
        // Not empty (a page of the site's own is there) or gone.
      }
    }
    this.onDisk = next;
    if (changed) this.updates++;
  }

  /** The index's files, table of contents first; chunk contents kept for the next update (only this index's). */
  private filesOf(plan: IndexPlan | undefined): { path: string; content: string }[] {
    if (!plan) {
      this.chunks.clear();
      return [];
    }
    const chunks = new Map<string, string>();
    for (const chunk of plan.chunks) chunks.set(chunk.path, this.chunks.get(chunk.path) ?? chunkContent(chunk, plan.baseurl));
    this.chunks = chunks;
    return [{ path: SEARCH_DEFAULTS.indexPath, content: plan.index }, ...[...chunks].map(([p, content]) => ({ path: p, content }))];
  }
}
