import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree } from '../../src/fs/list-tree.js';
import { readManifest } from '../../src/output/manifest.js';
import { insideDir, removeLeftovers, stagingDirFor, writeOutput } from '../../src/output/write-output.js';

const temp = () => mkdtemp(path.join(tmpdir(), 'inkstone-output-'));

describe('insideDir', () => {
  it.each(['a.html', 'a/b/index.html', '内核/笔记 1.html'])('accepts %s', (rel) => {
    expect(insideDir('/out', rel)).toBe(path.join('/out', rel));
  });
  it.each(['../x', 'a/../../x', '/etc/passwd', '', '.'])('refuses %s', (rel) => {
    expect(() => insideDir('/out', rel)).toThrow(/outside the output folder/);
  });
});

describe('writeOutput', () => {
  it('writes every file, replaces the old output whole, and leaves no staging folder', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    await mkdir(out);
    await writeFile(path.join(out, 'stale.html'), 'old');
    const stats = await writeOutput(
      out,
      [
        { path: 'index.html', content: 'home' },
        { path: '内核/a.html', content: '内核' },
      ],
      undefined,
    );
    expect(stats).toEqual({ written: 2, unchanged: 0 });
    expect(await listTree(out)).toEqual(['index.html', '内核/a.html']);
    expect(await readFile(path.join(out, '内核/a.html'), 'utf8')).toBe('内核');
    expect(await readdir(root)).toEqual(['public']);
  });

  it('keeps unchanged files (same inode and mtime) and rewrites changed ones', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    const manifest = path.join(root, 'manifest.json');
    await writeOutput(
      out,
      [
        { path: 'a.html', content: 'A' },
        { path: 'b.html', content: 'B' },
      ],
      manifest,
    );
    const before = { a: await stat(path.join(out, 'a.html')), b: await stat(path.join(out, 'b.html')) };
    await new Promise((r) => setTimeout(r, 20));
    const stats = await writeOutput(
      out,
      [
        { path: 'a.html', content: 'A' },
        { path: 'b.html', content: 'B2' },
      ],
      manifest,
    );
    expect(stats).toEqual({ written: 1, unchanged: 1 });
    const after = { a: await stat(path.join(out, 'a.html')), b: await stat(path.join(out, 'b.html')) };
    expect(after.a.ino).toBe(before.a.ino);
    expect(after.a.mtimeMs).toBe(before.a.mtimeMs);
    expect(after.b.mtimeMs).toBeGreaterThan(before.b.mtimeMs);
    expect(Object.keys(await readManifest(manifest)).sort()).toEqual(['a.html', 'b.html']);
  });

  it('rewrites a file someone edited by hand even if the manifest says it is unchanged', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    const manifest = path.join(root, 'manifest.json');
    await writeOutput(out, [{ path: 'a.html', content: 'A' }], manifest);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(path.join(out, 'a.html'), 'tampered');
    expect(await writeOutput(out, [{ path: 'a.html', content: 'A' }], manifest)).toEqual({ written: 1, unchanged: 0 });
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('A');
  });

  it('copies files given by source path', async () => {
    const root = await temp();
    await writeFile(path.join(root, 'img.png'), Buffer.from([1, 2, 3]));
    await writeOutput(path.join(root, 'public'), [{ path: 'assets/img.png', copyFrom: path.join(root, 'img.png') }], undefined);
    expect([...(await readFile(path.join(root, 'public/assets/img.png')))]).toEqual([1, 2, 3]);
  });

  it('refuses a path outside the output folder and leaves the old output alone', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    await writeOutput(out, [{ path: 'a.html', content: 'A' }], undefined);
    await expect(writeOutput(out, [{ path: '../evil.html', content: 'x' }], undefined)).rejects.toThrow(/outside/);
    expect(await listTree(out)).toEqual(['a.html']);
    expect((await readdir(root)).sort()).toEqual(['public']);
  });

  it('removes leftovers of killed builds', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    await mkdir(path.join(root, '.public.staging-123'));
    await mkdir(path.join(root, '.public.retired-456'));
    await mkdir(path.join(root, '.publicity'));
    await removeLeftovers(out);
    expect((await readdir(root)).sort()).toEqual(['.publicity']);
    expect(path.dirname(stagingDirFor(out))).toBe(root);
  });
});
