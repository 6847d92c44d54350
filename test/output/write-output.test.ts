import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listTree } from '../../src/fs/list-tree.js';
import { readManifest } from '../../src/output/manifest.js';
import { insideDir, repairFromJournal, writeOutput } from '../../src/output/write-output.js';

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
  it('writes every file, deletes what is no longer produced, and leaves nothing beside the output folder', async () => {
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
    expect(stats).toEqual({ written: 2, unchanged: 0, paths: ['index.html', '内核/a.html'] });
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
    expect(stats).toEqual({ written: 1, unchanged: 1, paths: ['a.html', 'b.html'] });
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
    expect(await writeOutput(out, [{ path: 'a.html', content: 'A' }], manifest)).toEqual({ written: 1, unchanged: 0, paths: ['a.html'] });
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

  it('keeps .git and .svn, and deletes temp files a killed build left', async () => {
    const root = await temp();
    const out = path.join(root, 'public');
    await mkdir(path.join(out, '.git'), { recursive: true });
    await writeFile(path.join(out, '.git', 'HEAD'), 'ref');
    await writeFile(path.join(out, '.a.html.999.inkstone-tmp'), 'half');
    await writeOutput(out, [{ path: 'a.html', content: 'A' }], undefined);
    expect((await listAll(out)).sort()).toEqual(['.git/HEAD', 'a.html']);
  });
});

describe('the journal', () => {
  /** A finished site, then a write cut short at `phase`, as a killed build leaves it. */
  async function cutShort(phase: 'writing' | 'renaming') {
    const root = await temp();
    const out = path.join(root, 'public');
    const manifest = path.join(root, 'manifest.json');
    await writeOutput(
      out,
      [
        { path: 'a.html', content: 'old A' },
        { path: 'gone.html', content: 'G' },
      ],
      manifest,
    );
    await writeFile(path.join(out, '.a.html.1.inkstone-tmp'), phase === 'writing' ? 'hal' : 'new A');
    await writeFile(path.join(out, '.b.html.1.inkstone-tmp'), 'new B');
    const saved = JSON.parse(await readFile(manifest, 'utf8'));
    const journal = {
      phase,
      writes: [
        ['a.html', '.a.html.1.inkstone-tmp'],
        ['b.html', '.b.html.1.inkstone-tmp'],
      ],
      removes: ['gone.html'],
    };
    await writeFile(manifest, JSON.stringify({ ...saved, journal }));
    return { out, manifest, journal };
  }

  it('drops the temps of a build killed while writing them: the old output stands', async () => {
    const { out, journal } = await cutShort('writing');
    await repairFromJournal(out, journal as never);
    expect((await listAll(out)).sort()).toEqual(['a.html', 'gone.html']);
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('old A');
  });

  it('finishes a build killed while renaming: the new output stands', async () => {
    const { out, journal } = await cutShort('renaming');
    await repairFromJournal(out, journal as never);
    expect((await listAll(out)).sort()).toEqual(['a.html', 'b.html']);
    expect(await readFile(path.join(out, 'a.html'), 'utf8')).toBe('new A');
  });

  it('repairs before writing, so the next build starts from a whole output', async () => {
    const { out, manifest } = await cutShort('renaming');
    const stats = await writeOutput(
      out,
      [
        { path: 'a.html', content: 'new A' },
        { path: 'b.html', content: 'new B' },
      ],
      manifest,
    );
    expect((await listAll(out)).sort()).toEqual(['a.html', 'b.html']);
    expect(stats.written + stats.unchanged).toBe(2);
    expect(JSON.parse(await readFile(manifest, 'utf8')).journal).toBeUndefined();
  });
});

/** Every file below `dir`, hidden ones included. */
async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
