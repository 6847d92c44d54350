/**
 * The parsed posts of the last build, kept on disk (`.cache/inkstone/sources.bin`, in V8's
 * serialization, which keeps dates as dates) so that a build after a one-post edit reads and parses
 * only that post: every other post's front matter (YAML, the largest cost of loading) comes back as
 * it was. The file is keyed by inkstone's code and the site's configuration; within it a post is
 * reused while its file's size and mtime are unchanged, as in dev (see load-posts.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from '../fs/atomic-write.js';
import type { SourceCache } from './load-posts.js';

/** Bump when what a SourceCache entry holds changes shape. */
const FORMAT = 1;

/** What the file holds. */
interface SourceCacheFile {
  format: number;
  key: string;
  entries: SourceCache;
}

/** A key for the cache from everything besides the post files that decides how they parse. */
export function sourceCacheKey(codeVersion: string, configText: string, options: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, codeVersion, configText, options]))
    .digest('hex');
}

/** A SourceCache that knows which posts the build asked it about: the others were deleted and drop out when saved. */
export class PersistentSourceCache extends Map<string, SourceCache extends Map<string, infer V> ? V : never> {
  private readonly asked = new Set<string>();
  private readonly loaded: SourceCache;

  constructor(entries: SourceCache = new Map()) {
    super(entries);
    this.loaded = new Map(entries);
  }

  override get(path: string) {
    this.asked.add(path);
    return super.get(path);
  }

  /** The entries to keep (those asked about), or undefined when nothing changed since loading. */
  changedEntries(): SourceCache | undefined {
    const kept: SourceCache = new Map([...this].filter(([path]) => this.asked.has(path)));
    const same = kept.size === this.loaded.size && [...kept].every(([path, entry]) => this.loaded.get(path) === entry);
    return same ? undefined : kept;
  }
}

/** The cache saved under `key`, or an empty one (missing, damaged, or saved for other code or settings). */
export async function readSourceCache(file: string, key: string): Promise<PersistentSourceCache> {
  try {
    const saved = deserialize(await readFile(file)) as SourceCacheFile;
    if (saved?.format === FORMAT && saved.key === key && saved.entries instanceof Map) return new PersistentSourceCache(saved.entries);
  } catch {
    // Missing or damaged: start empty.
  }
  return new PersistentSourceCache();
}

/** Saves the cache when loading changed it (best effort: a lost cache only means parsing every post again). */
export async function saveSourceCache(file: string, key: string, cache: PersistentSourceCache): Promise<void> {
  const entries = cache.changedEntries();
  if (!entries) return;
  try {
    await writeAtomic(file, { content: serialize({ format: FORMAT, key, entries } satisfies SourceCacheFile) }, true);
  } catch {
    // Best effort (see above).
  }
}
