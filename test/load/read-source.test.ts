import { chmod, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSource } from '../../src/load/read-source.js';

const ms = (iso: string): number => Date.parse(iso);

let root: string;
let postsDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-load-'));
  postsDir = path.join(root, 'posts');
  await mkdir(postsDir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes files below the posts folder (creating folders). */
async function files(entries: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(entries)) {
    const abs = path.join(postsDir, ...rel.split('/'));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

describe('readSource', () => {
  it('reads text with a site-relative path and mtime', async () => {
    await files({ 'sub dir/2020-01-01-内核.md': '---\ntitle: 内核\n---\n正文\n' });
    const abs = path.join(postsDir, 'sub dir', '2020-01-01-内核.md');
    await utimes(abs, new Date(ms('2020-05-20T15:50:00Z')), new Date(ms('2020-05-20T15:50:00Z')));
    expect(await readSource(root, { relPath: 'sub dir/2020-01-01-内核.md', absPath: abs })).toEqual({
      path: 'posts/sub dir/2020-01-01-内核.md',
      relPath: 'sub dir/2020-01-01-内核.md',
      text: '---\ntitle: 内核\n---\n正文\n',
      mtimeMs: ms('2020-05-20T15:50:00Z'),
    });
  });

  it('turns invalid UTF-8 into an error record naming the file', async () => {
    await files({ '2020-01-01-latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0x20, 0xe9, 0x74, 0xe9, 0x0a]) });
    expect(await readSource(root, { relPath: '2020-01-01-latin1.md', absPath: path.join(postsDir, '2020-01-01-latin1.md') })).toEqual({
      file: 'posts/2020-01-01-latin1.md',
      line: undefined,
      message: 'file is not valid UTF-8 text (the first bad byte is on line 2; save it as UTF-8)',
      severity: 'error',
    });
  });

  it('reports a missing file with its error code', async () => {
    expect(await readSource(root, { relPath: 'gone.md', absPath: path.join(postsDir, 'gone.md') })).toEqual({
      file: 'posts/gone.md',
      line: undefined,
      message: 'cannot read file (ENOENT: it was deleted while the site was read)',
      severity: 'error',
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    await files({ 'locked.md': 'x' });
    const abs = path.join(postsDir, 'locked.md');
    await chmod(abs, 0o000);
    try {
      expect(await readSource(root, { relPath: 'locked.md', absPath: abs })).toMatchObject({
        file: 'posts/locked.md',
        message: 'cannot read file (EACCES: permission denied)',
        severity: 'error',
      });
    } finally {
      await chmod(abs, 0o644);
    }
  });
});
