/**
 * The source cache on disk: parsed posts come back from `.cache/inkstone/sources.bin` while a
 * post's file is unchanged, are parsed again when it changed (or only its stat did), drop out when
 * the post is deleted, and are never used for other code or settings. A build with it writes what
 * a build without caches writes.
 */
import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { sourceCacheFileOf } from '../../src/config/site-paths.js';
import type { PostSettings } from '../../src/content/post.js';
import { loadPosts, walkPosts } from '../../src/load/load-posts.js';
import type { SelectOptions } from '../../src/load/select-posts.js';
import { PersistentSourceCache, readSourceCache, saveSourceCache, sourceCacheKey } from '../../src/load/source-cache-file.js';
import { makeSite } from '../helpers/site.js';

const settings: PostSettings & SelectOptions & { drafts: boolean } = {
  permalink: 'date',
  timezone: undefined,
  excerptSeparator: undefined,
  drafts: false,
  future: false,
  unpublished: false,
  nowMs: Date.now(),
};
const post = (title: string, body = '正文。') => `---\ntitle: ${title}\n---\n${body}\n`;

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function site(files: Record<string, string>): Promise<string> {
  const root = await makeSite(files);
  roots.push(root);
  return root;
}

/** Loads the site's posts/ through `cache`, returning the titles in date order. */
async function titles(root: string, cache: PersistentSourceCache): Promise<string[]> {
  const { posts } = await walkPosts(path.join(root, 'posts'), false, root);
  const loaded = await loadPosts(root, posts, settings, cache);
  return loaded.posts.map((p) => p.title).reverse();
}

/** Every file below `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const files = await Promise.all(
    names.map(
      async (e) => [path.relative(dir, path.join(e.parentPath, e.name)), (await readFile(path.join(e.parentPath, e.name))).toString('base64')] as const,
    ),
  );
  return new Map(files.sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('PersistentSourceCache', () => {
  it('reuses a parsed post while its file is unchanged, and parses it again after a touch or an edit', async () => {
    const root = await site({ 'posts/2020-01-01-a.md': post('A'), 'posts/2020-01-02-b.md': post('B') });
    const cache = new PersistentSourceCache();
    expect(await titles(root, cache)).toEqual(['A', 'B']);
    // Mark the cached result: a load that reuses it shows the mark.
    for (const entry of cache.values()) if ('post' in entry.result && entry.result.post) entry.result.post.title += ' (cached)';
    expect(await titles(root, cache)).toEqual(['A (cached)', 'B (cached)']);
    await utimes(path.join(root, 'posts/2020-01-01-a.md'), new Date(), new Date('2001-01-01'));
    await writeFile(path.join(root, 'posts/2020-01-02-b.md'), post('B2'));
    expect(await titles(root, cache)).toEqual(['A', 'B2']);
  });

  it('saves only the posts the build asked about, and nothing when nothing was parsed', async () => {
    const root = await site({ 'posts/2020-01-01-a.md': post('A'), 'posts/2020-01-02-b.md': post('B') });
    const file = sourceCacheFileOf(root);
    const first = new PersistentSourceCache();
    await titles(root, first);
    await saveSourceCache(file, 'k', first);
    const saved = await readFile(file);

    const second = await readSourceCache(file, 'k');
    expect(await titles(root, second)).toEqual(['A', 'B']);
    expect(second.changedEntries()).toBeUndefined();
    await saveSourceCache(file, 'k', second);
    expect(await readFile(file)).toEqual(saved);

    await rm(path.join(root, 'posts/2020-01-01-a.md'));
    const third = await readSourceCache(file, 'k');
    expect(await titles(root, third)).toEqual(['B']);
    expect([...(third.changedEntries()?.keys() ?? [])]).toEqual([path.join(root, 'posts/2020-01-02-b.md')]);
  });

  it('is empty when saved under another key, or damaged', async () => {
    const root = await site({ 'posts/2020-01-01-a.md': post('A') });
    const file = sourceCacheFileOf(root);
    const cache = new PersistentSourceCache();
    await titles(root, cache);
    await saveSourceCache(file, sourceCacheKey('1.0.0', 'title: x\n', {}), cache);
    expect((await readSourceCache(file, sourceCacheKey('1.0.0', 'title: x\n', {}))).size).toBe(1);
    expect((await readSourceCache(file, sourceCacheKey('1.0.1', 'title: x\n', {}))).size).toBe(0);
    expect((await readSourceCache(file, sourceCacheKey('1.0.0', 'title: y\n', {}))).size).toBe(0);
    expect((await readSourceCache(file, sourceCacheKey('1.0.0', 'title: x\n', { drafts: true }))).size).toBe(0);
    await writeFile(file, 'not a serialized cache');
    expect((await readSourceCache(file, sourceCacheKey('1.0.0', 'title: x\n', {}))).size).toBe(0);
  });
});

describe('a build with the source cache', () => {
  it('after a one-post edit and a _config.yml change writes what a build without caches writes', async () => {
    const files = {
      '_config.yml': 'title: 笔记\nurl: https://example.test\n',
      'posts/2020-01-01-a.md': post('A', '## 一\n\n见 [B](./2020-05-20-b.md)。'),
      'posts/2020-05-20-b.md': `---\ntitle: B\ndate: 2020-05-20 23:50:00\n---\nB 的正文。\n`,
      'posts/2020-06-01-c.md': post('C'),
    };
    const cached = await site(files);
    const fresh = await site(files);
    const both = async (edit: (root: string) => Promise<void>) => {
      await edit(cached);
      await edit(fresh);
      const [a, b] = await Promise.all([build({ root: cached, workers: 0 }), build({ root: fresh, workers: 0, cache: false })]);
      expect(a.diagnostics).toEqual(b.diagnostics);
      expect(await tree(path.join(cached, 'public'))).toEqual(await tree(path.join(fresh, 'public')));
    };
    await both(async () => {});
    await both((root) => writeFile(path.join(root, 'posts/2020-06-01-c.md'), post('C', '改过的正文。')));
    // Another permalink style gives every post another URL: every post must be parsed again.
    await both((root) => writeFile(path.join(root, '_config.yml'), 'title: 笔记\nurl: https://example.test\npermalink: pretty\n'));
    expect((await tree(path.join(cached, 'public'))).has('2020/05/20/b/index.html')).toBe(true);
  });
});
