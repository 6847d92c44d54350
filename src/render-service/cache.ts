/**
 * Content-addressed cache of rendered posts (`.cache/inkstone/` by default). A post's Markdown,
 * its render options and the pipeline's own version make the key; entries carry a checksum, and a
 * corrupted or truncated entry is treated as a miss and rebuilt, never served.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomic } from '../fs/atomic-write.js';
import type { MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import { CODE_DIR, packagePath } from '../package-files.js';
import type { RenderService } from './types.js';

/** Bump to invalidate every cache entry when the entry format changes. */
const FORMAT = 'inkstone-render-cache-2';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let versionPromise: Promise<string> | undefined;

/**
 * A fingerprint of the rendering code: every module of inkstone's own (the Markdown modules and
 * everything they import), and the installed versions of the Markdown/highlighting packages (from
 * package-lock.json). Any change invalidates the cache.
 */
export function pipelineVersion(): Promise<string> {
  versionPromise ??= (async () => {
    const hash = createHash('sha256').update(FORMAT);
    const codeDir = CODE_DIR;
    const modules = (await readdir(codeDir, { recursive: true })).filter((name) => /\.[jt]s$/.test(name)).sort();
    for (const name of modules) hash.update(name).update(await readFile(path.join(codeDir, name)));
    try {
      const lock = JSON.parse(await readFile(packagePath('package-lock.json'), 'utf8')) as {
        packages?: Record<string, { version?: string }>;
      };
      for (const [name, info] of Object.entries(lock.packages ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (/node_modules\/(@shikijs\/|shiki|unified|remark-|rehype-|micromark|mdast-|hast-|github-slugger)/.test(name)) hash.update(`${name}@${info.version}`);
      }
    } catch {
      hash.update('no-lock');
    }
    return hash.digest('hex');
  })();
  return versionPromise;
}

/** The cache key of one render. */
export function renderKey(version: string, input: MarkdownInput): string {
  const { body, bodyLine, excerpt, excerptSeparator, links, lines } = input;
  return sha256(`${version}\0${JSON.stringify([body, bodyLine, excerpt ?? null, excerptSeparator ?? null, links ?? null, lines ?? null])}`);
}

/** Serializes an entry with its checksum on the first line. */
export function encodeEntry(value: RenderedMarkdown): string {
  const body = JSON.stringify(value);
  return `${sha256(body)}\n${body}`;
}

/** Parses an entry; undefined when it is truncated, corrupted or not an entry at all. */
export function decodeEntry(text: string): RenderedMarkdown | undefined {
  const newline = text.indexOf('\n');
  if (newline !== 64) return undefined;
  const body = text.slice(65);
  if (sha256(body) !== text.slice(0, 64)) return undefined;
  try {
    return JSON.parse(body) as RenderedMarkdown;
  } catch {
    return undefined;
  }
}

/** Hit and miss counts, for reports and tests. */
export interface CacheStats {
  hits: number;
  misses: number;
}

/** A render service that answers from memory, then disk, then the wrapped service. */
export interface CachingRenderService extends RenderService {
  readonly stats: CacheStats;
}

/**
 * Wraps a render service with the cache. `dir` undefined keeps the cache in memory only (still
 * useful across rebuilds in `dev`). Renders in flight are shared: a request for an input already
 * being rendered (dev's prefetch, then the rebuild) waits for that render. Failures are never cached.
 */
export function withRenderCache(inner: RenderService, dir: string | undefined): CachingRenderService {
  const memory = new Map<string, Promise<RenderedMarkdown>>();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const fileFor = (key: string) => path.join(dir!, key.slice(0, 2), key);

  async function readDisk(key: string): Promise<RenderedMarkdown | undefined> {
    if (!dir) return undefined;
    try {
      return decodeEntry(await readFile(fileFor(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

  async function writeDisk(key: string, value: RenderedMarkdown): Promise<void> {
    if (!dir) return;
    try {
      await writeAtomic(fileFor(key), { content: encodeEntry(value) }, true);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  async function lookup(key: string, input: MarkdownInput): Promise<RenderedMarkdown> {
    const cached = await readDisk(key);
    if (cached) {
      stats.hits++;
      return cached;
    }
    stats.misses++;
    const value = await inner.render(input);
    await writeDisk(key, value);
    return value;
  }

  return {
    stats,
    get workers() {
      return inner.workers;
    },
    async render(input) {
      const key = renderKey(await pipelineVersion(), input);
      const known = memory.get(key);
      if (known) {
        stats.hits++;
        return known;
      }
      const pending = lookup(key, input);
      memory.set(key, pending);
      pending.catch(() => memory.delete(key));
      return pending;
    },
    close: () => inner.close(),
  };
}
