import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempName, tempPathFor, writeAtomic, writeAtomicSync } from '../../src/fs/atomic-write.js';

const temp = () => mkdtemp(path.join(tmpdir(), 'inkstone-atomic-'));

describe('tempPathFor / isTempName', () => {
  it('names a hidden temp file beside the target, unique to the process', () => {
    const file = tempPathFor('/out/a/b.html');
    expect(path.dirname(file)).toBe('/out/a');
    expect(path.basename(file)).toBe(`.b.html.${process.pid}.inkstone-tmp`);
    expect(isTempName(path.basename(file))).toBe(true);
    expect(isTempName('b.html')).toBe(false);
  });
});

describe('writeAtomic', () => {
  it.each([
    ['async', writeAtomic],
    ['sync', async (...args: Parameters<typeof writeAtomicSync>) => writeAtomicSync(...args)],
  ] as const)('%s: writes bytes or a copy, creates the folder when asked, leaves no temp file', async (_name, write) => {
    const dir = await temp();
    await write(path.join(dir, 'sub', 'a.txt'), { content: '内核' }, true);
    await writeFile(path.join(dir, 'src.bin'), Buffer.from([0, 1, 2]));
    await write(path.join(dir, 'sub', 'b.bin'), { copyFrom: path.join(dir, 'src.bin') });
    expect(await readFile(path.join(dir, 'sub', 'a.txt'), 'utf8')).toBe('内核');
    expect([...(await readFile(path.join(dir, 'sub', 'b.bin')))]).toEqual([0, 1, 2]);
    expect((await readdir(path.join(dir, 'sub'))).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('replaces an existing file, and on failure leaves it and no temp file behind', async () => {
    const dir = await temp();
    const target = path.join(dir, 'a.txt');
    await writeAtomic(target, { content: 'old' });
    await writeAtomic(target, { content: 'new' });
    expect(await readFile(target, 'utf8')).toBe('new');
    await expect(writeAtomic(target, { copyFrom: path.join(dir, 'missing') })).rejects.toThrow(/ENOENT/);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });
});
