/**
 * What `inkstone dev` knows is on disk: for every file of the output folder, its kind, the hash of
 * its bytes and (for pages) the hash of the spec it was rendered from, and for copied files, the
 * identity of the source they came from. A rebuild compares with this mirror and touches only the
 * files whose bytes changed, each written atomically, and removes what nothing produces any more.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic, writeAtomicSync } from '../fs/atomic-write.js';
import { pruneEmptyDirs } from '../fs/prune-empty-dirs.js';
import { insideDir, type OutputFile } from '../output/write-output.js';

/** What kind of output a file is, for the one-line rebuild summary. */
export type OutputKind = 'post' | 'page' | 'list' | 'raw' | 'asset';

/** One output file a rebuild wrote or removed. */
export interface OutputChange {
  /** Relative to the output folder, `/` separators (`2020/01/01/x.html`). */
  path: string;
  kind: OutputKind;
}

/** A copied file as last copied: the identity of its source. */
interface CopyRecord {
  from: string;
  size: number;
  mtimeMs: number;
}

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');

/** The dev session's record of the output folder. */
export class OutputMirror {
  /** Output folder the mirror describes; undefined until a full write. */
  outDir: string | undefined;
  /** Output path → spec hash of the page on disk. */
  specHashes = new Map<string, string>();
  /** Output path → kind, for everything on disk. */
  kinds = new Map<string, OutputKind>();
  /** Output path → sha1 of the bytes on disk (pages and copied files). */
  private contentHashes = new Map<string, string>();
  private copies = new Map<string, CopyRecord>();
  private knownDirs = new Set<string>();

  /** Records what a full write put on disk in `outDir`. */
  async recordFull(
    outDir: string,
    pages: readonly OutputFile[],
    copied: readonly OutputFile[],
    kinds: Map<string, OutputKind>,
    specHashes: Map<string, string>,
  ): Promise<void> {
    this.outDir = outDir;
    this.kinds = kinds;
    this.specHashes = specHashes;
    this.contentHashes.clear();
    this.copies.clear();
    this.knownDirs.clear();
    for (const file of pages) if ('content' in file) this.contentHashes.set(file.path, sha1(file.content));
    await Promise.all(
      copied.map(async (file) => {
        if (!('copyFrom' in file)) return;
        const [info, bytes] = await Promise.all([stat(file.copyFrom), readFile(file.copyFrom)]);
        this.copies.set(file.path, { from: file.copyFrom, size: info.size, mtimeMs: info.mtimeMs });
        this.contentHashes.set(file.path, sha1(bytes));
      }),
    );
  }

  /**
   * Writes the pages whose bytes differ from what is on disk; returns them, with their kind from
   * `kinds`. `sync` keeps off the libuv thread pool (dev's hot path, see fs/atomic-write.ts).
   */
  async writePages(pages: readonly OutputFile[], kinds: ReadonlyMap<string, OutputKind> = this.kinds, sync = false): Promise<OutputChange[]> {
    const outDir = this.outDir!;
    const written: OutputChange[] = [];
    for (const file of pages) {
      const content = 'content' in file ? file.content : '';
      const hash = sha1(content);
      if (this.contentHashes.get(file.path) === hash) continue;
      const target = insideDir(outDir, file.path);
      const makeDir = !this.knownDirs.has(path.dirname(target));
      if (sync) writeAtomicSync(target, { content }, makeDir);
      else await writeAtomic(target, { content }, makeDir);
      this.knownDirs.add(path.dirname(target));
      this.contentHashes.set(file.path, hash);
      written.push({ path: file.path, kind: kinds.get(file.path) ?? 'post' });
    }
    return written;
  }

  /** Copies files whose source changed (by size, mtime or origin) and whose bytes differ; returns those. */
  async syncCopies(copied: readonly OutputFile[]): Promise<OutputChange[]> {
    const outDir = this.outDir!;
    const changed: OutputChange[] = [];
    for (const file of copied) {
      if (!('copyFrom' in file)) continue;
      let info: Stats;
      try {
        info = await stat(file.copyFrom);
      } catch {
        continue; // Vanished since it was listed; the next rebuild sees it gone.
      }
      const before = this.copies.get(file.path);
      if (before && before.from === file.copyFrom && before.size === info.size && before.mtimeMs === info.mtimeMs) continue;
      const bytes = await readFile(file.copyFrom);
      this.copies.set(file.path, { from: file.copyFrom, size: info.size, mtimeMs: info.mtimeMs });
      const hash = sha1(bytes);
      if (this.contentHashes.get(file.path) === hash) continue;
      const target = insideDir(outDir, file.path);
      await writeAtomic(target, { copyFrom: file.copyFrom }, !this.knownDirs.has(path.dirname(target)));
      this.knownDirs.add(path.dirname(target));
      this.contentHashes.set(file.path, hash);
      changed.push({ path: file.path, kind: 'asset' });
    }
    const present = new Set(copied.map((f) => f.path));
    for (const gone of [...this.copies.keys()].filter((p) => !present.has(p))) this.copies.delete(gone);
    return changed;
  }

  /** Deletes the files on disk that `kinds` (the new site's outputs) no longer has; returns them. */
  async removeGone(kinds: ReadonlyMap<string, OutputKind>): Promise<OutputChange[]> {
    const outDir = this.outDir!;
    const removed: OutputChange[] = [];
    for (const [old, kind] of this.kinds) {
      if (kinds.has(old)) continue;
      const target = insideDir(outDir, old);
      await unlink(target).catch(() => undefined);
      this.contentHashes.delete(old);
      this.specHashes.delete(old);
      await pruneEmptyDirs(path.dirname(target), outDir);
      this.knownDirs.clear();
      removed.push({ path: old, kind });
    }
    return removed;
  }
}
