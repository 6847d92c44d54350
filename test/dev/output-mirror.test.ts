import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OutputKind, OutputMirror } from '../../src/dev/output-mirror.js';

async function fresh() {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-mirror-'));
  const outDir = path.join(root, 'public');
  await mkdir(outDir);
  const source = path.join(root, 'a.png');
  await writeFile(source, 'png-1');
  const mirror = new OutputMirror();
  const kinds = new Map<string, OutputKind>([
    ['index.html', 'list'],
    ['2020/01/01/a.html', 'post'],
    ['img/a.png', 'asset'],
  ]);
  const pages = [
    { path: 'index.html', content: '<p>index</p>' },
    { path: '2020/01/01/a.html', content: '<p>a</p>' },
  ];
  for (const page of pages) {
    await mkdir(path.dirname(path.join(outDir, page.path)), { recursive: true });
    await writeFile(path.join(outDir, page.path), page.content);
  }
  await mkdir(path.join(outDir, 'img'));
  await writeFile(path.join(outDir, 'img/a.png'), 'png-1');
  await mirror.recordFull(outDir, pages, [{ path: 'img/a.png', copyFrom: source }], kinds, new Map());
  return { root, outDir, source, mirror, kinds };
}

describe('OutputMirror', () => {
  it('writes only pages whose bytes changed, and names their kind', async () => {
    const { outDir, mirror } = await fresh();
    const before = (await stat(path.join(outDir, 'index.html'))).mtimeMs;
    const written = await mirror.writePages([
      { path: 'index.html', content: '<p>index</p>' },
      { path: '2020/01/01/a.html', content: '<p>a, edited</p>' },
    ]);
    expect(written).toEqual([{ path: '2020/01/01/a.html', kind: 'post' }]);
    expect(await readFile(path.join(outDir, '2020/01/01/a.html'), 'utf8')).toBe('<p>a, edited</p>');
    expect((await stat(path.join(outDir, 'index.html'))).mtimeMs).toBe(before);
    expect(await mirror.writePages([{ path: '2020/01/01/a.html', content: '<p>a, edited</p>' }], undefined, true)).toEqual([]);
  });

  it('copies a file again only when its source changed, and its bytes did', async () => {
    const { outDir, source, mirror } = await fresh();
    const copied = [{ path: 'img/a.png', copyFrom: source }];
    expect(await mirror.syncCopies(copied)).toEqual([]);
    await writeFile(source, 'png-2');
    expect(await mirror.syncCopies(copied)).toEqual([{ path: 'img/a.png', kind: 'asset' }]);
    expect(await readFile(path.join(outDir, 'img/a.png'), 'utf8')).toBe('png-2');
  });

  it('removes what the site no longer produces, and the folders it leaves empty', async () => {
    const { outDir, mirror } = await fresh();
    const next = new Map<string, OutputKind>([['index.html', 'list']]);
    const removed = await mirror.removeGone(next);
    expect(removed).toEqual([
      { path: '2020/01/01/a.html', kind: 'post' },
      { path: 'img/a.png', kind: 'asset' },
    ]);
    expect((await readdir(outDir)).sort()).toEqual(['index.html']);
  });
});
