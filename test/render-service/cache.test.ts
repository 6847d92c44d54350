import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarkdownInput, RenderedMarkdown } from '../../src/markdown/pipeline.js';
import { decodeEntry, encodeEntry, pipelineVersion, renderKey, withRenderCache } from '../../src/render-service/cache.js';
import { createInProcessService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';

const sample: RenderedMarkdown = { html: '<p>内核</p>', excerptHtml: '<p>内核</p>', excerptText: '内核', headings: [], ids: [], links: [] };

/** A real in-process renderer that counts how often it is asked. */
async function counting(): Promise<RenderService & { calls: number }> {
  const inner = await createInProcessService();
  const service = {
    calls: 0,
    workers: 0,
    async render(input: MarkdownInput) {
      service.calls++;
      return inner.render(input);
    },
    close: () => inner.close(),
  };
  return service;
}

describe('cache entries', () => {
  it('round-trips an entry', () => {
    expect(decodeEntry(encodeEntry(sample))).toEqual(sample);
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, s.length - 5)],
    ['a flipped byte', (s: string) => s.replace('内核', '内存')],
    ['empty', () => ''],
    ['no checksum line', (s: string) => s.slice(65)],
    ['a checksum of other bytes', (s: string) => `${'0'.repeat(64)}\n${s.slice(65)}`],
  ])('rejects %s', (_name, damage) => {
    expect(decodeEntry(damage(encodeEntry(sample)))).toBeUndefined();
  });
});

describe('renderKey', () => {
  const input: MarkdownInput = { body: '# x', bodyLine: 5 };
  it('depends on every input field and the pipeline version', () => {
    const keys = new Set([
      renderKey('v1', input),
      renderKey('v2', input),
      renderKey('v1', { ...input, body: '# y' }),
      renderKey('v1', { ...input, bodyLine: 6 }),
      renderKey('v1', { ...input, excerpt: 'e' }),
      renderKey('v1', { ...input, excerptSeparator: '<!--more-->' }),
    ]);
    expect(keys.size).toBe(6);
    expect(renderKey('v1', input)).toBe(renderKey('v1', { ...input }));
  });

  it('has a stable pipeline version within a process', async () => {
    expect(await pipelineVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(await pipelineVersion()).toBe(await pipelineVersion());
  });
});

describe('withRenderCache', () => {
  it('renders once per distinct input, in memory and on disk', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'inkstone-cache-'));
    const inner = await counting();
    const cache = withRenderCache(inner, dir);
    const input = { body: '## 标题\n\n```sh\nls\n```\n', bodyLine: 1 };
    const first = await cache.render(input);
    expect(await cache.render(input)).toEqual(first);
    expect(inner.calls).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });

    const fresh = withRenderCache(inner, dir);
    expect(await fresh.render(input)).toEqual(first);
    expect(inner.calls).toBe(1);
    expect(fresh.stats).toEqual({ hits: 1, misses: 0 });
  });

  it('re-renders when the entry on disk is corrupted, and repairs it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'inkstone-cache-'));
    const inner = await counting();
    const input = { body: 'text', bodyLine: 1 };
    const expected = await withRenderCache(inner, dir).render(input);
    const [sub] = await readdir(dir);
    const [name] = await readdir(path.join(dir, sub!));
    const file = path.join(dir, sub!, name!);
    await writeFile(file, (await readFile(file, 'utf8')).replace('text', 'tExt'));
    const again = withRenderCache(inner, dir);
    expect(await again.render(input)).toEqual(expected);
    expect(inner.calls).toBe(2);
    expect(decodeEntry(await readFile(file, 'utf8'))).toEqual(expected);
  });

  it('never caches failures', async () => {
    const inner = await counting();
    const cache = withRenderCache(
      { ...inner, render: async (input) => (input.body === 'bad' ? Promise.reject(new Error('boom')) : inner.render(input)) },
      undefined,
    );
    await expect(cache.render({ body: 'bad', bodyLine: 1 })).rejects.toThrow('boom');
    await expect(cache.render({ body: 'bad', bodyLine: 1 })).rejects.toThrow('boom');
    expect(cache.stats.misses).toBe(2);
  });
});
