/**
 * The warm check against real files in a temp folder: a record stamped from a finished "build"
 * stays fresh while nothing changes, survives a touch and a save of the same bytes, and goes stale
 * for every change that would change the output.
 */
import { appendFileSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkWarmRecord } from '../../src/warm/check.js';
import { folderNames, type WarmRecord } from '../../src/warm/record.js';
import { type StampRequest, stampBuild } from '../../src/warm/stamp.js';

let root: string;
let out: string;

/** A record of a build of `root` that read posts/a.md and _config.yml and wrote out/index.html. */
function stamped(overrides: Partial<StampRequest> = {}): WarmRecord {
  const posts = path.join(root, 'posts');
  const result = stampBuild({
    key: 'k',
    inputs: {
      folders: new Map([
        [root, folderNames(root)],
        [posts, folderNames(posts)],
      ]),
      files: [path.join(root, '_config.yml'), path.join(posts, 'a.md')],
      trees: [],
      read: new Set(),
    },
    outputs: [path.join(out, 'index.html')],
    outDir: out,
    own: [],
    startedMs: Date.now() + 60_000,
    until: undefined,
    report: { posts: 1, pages: 1, outDir: out, diagnostics: [] },
    ...overrides,
  });
  if (!('record' in result)) throw new Error(result.refused);
  return result.record;
}

/** Moves a file's times one minute back, as an editor's save a minute ago would leave them. */
function age(file: string): void {
  const then = new Date(Date.now() - 60_000);
  utimesSync(file, then, then);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'inkstone-warm-'));
  out = path.join(root, 'public');
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  mkdirSync(out);
  writeFileSync(path.join(root, '_config.yml'), 'title: Notes\n');
  writeFileSync(path.join(root, 'posts/a.md'), '# A\n');
  writeFileSync(path.join(out, 'index.html'), '<h1>A</h1>\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('checkWarmRecord', () => {
  it('is fresh when nothing changed', () => {
    expect(checkWarmRecord(stamped(), 'k', Date.now())).toEqual({ fresh: true, restamped: false });
  });

  it('is fresh after a touch, and restamps the file so the next check is stat-only', () => {
    const record = stamped();
    const file = path.join(root, 'posts/a.md');
    age(file);
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: true, restamped: true });
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: true, restamped: false });
  });

  it('is fresh after a save of the same bytes through a new file (a new inode, as editors save)', () => {
    const record = stamped();
    const file = path.join(root, 'posts/a.md');
    rmSync(file);
    writeFileSync(file, '# A\n');
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: true, restamped: true });
  });

  it('goes stale when an input changes, even to the same size', () => {
    const record = stamped();
    writeFileSync(path.join(root, 'posts/a.md'), '# B\n');
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: false, reason: `${path.join(root, 'posts/a.md')} changed` });
  });

  it('goes stale when an input is deleted', () => {
    const record = stamped();
    rmSync(path.join(root, '_config.yml'));
    expect(checkWarmRecord(record, 'k', Date.now()).fresh).toBe(false);
  });

  it('goes stale when a file is added to a folder the build read', () => {
    const record = stamped();
    writeFileSync(path.join(root, 'posts/b.md'), '# B\n');
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: false, reason: `${path.join(root, 'posts')} has files added or removed` });
  });

  it('stays fresh when a file comes and goes in a folder (an editor swap file)', () => {
    const record = stamped();
    writeFileSync(path.join(root, 'posts/.a.md.swp'), '');
    rmSync(path.join(root, 'posts/.a.md.swp'));
    expect(checkWarmRecord(record, 'k', Date.now()).fresh).toBe(true);
  });

  it('goes stale when an output file was changed, deleted, or a file was added to the output', () => {
    const index = path.join(out, 'index.html');
    let record = stamped();
    appendFileSync(index, '<!-- edited -->');
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: false, reason: `${index} is not as the last build wrote it` });
    record = stamped();
    rmSync(index);
    expect(checkWarmRecord(record, 'k', Date.now()).fresh).toBe(false);
    writeFileSync(index, '<h1>A</h1>\n');
    record = stamped();
    writeFileSync(path.join(out, 'stray.html'), '');
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: false, reason: `${out} has files added or removed` });
  });

  it('goes stale for another command (key) and once a future post is due', () => {
    expect(checkWarmRecord(stamped(), 'other', Date.now()).fresh).toBe(false);
    const record = stamped({ until: 2_000_000_000_000 });
    expect(checkWarmRecord(record, 'k', 1_999_999_999_999).fresh).toBe(true);
    expect(checkWarmRecord(record, 'k', 2_000_000_000_000)).toEqual({ fresh: false, reason: 'a post dated in the future is due' });
  });

  it('hashes no file above the limit: a changed stamp on a large file is a change', () => {
    const big = path.join(root, 'posts/big.bin');
    writeFileSync(big, Buffer.alloc((1 << 20) + 1));
    const record = stamped({
      inputs: { folders: new Map([[path.join(root, 'posts'), folderNames(path.join(root, 'posts'))]]), files: [big], trees: [], read: new Set() },
    });
    expect(record.files[big]?.[3]).toBeNull();
    age(big);
    expect(checkWarmRecord(record, 'k', Date.now())).toEqual({ fresh: false, reason: `${big} changed` });
  });
});

describe('stampBuild', () => {
  it('refuses when an input changed after the build started', () => {
    const result = stampBuild({
      key: 'k',
      inputs: { folders: new Map(), files: [path.join(root, 'posts/a.md')], trees: [], read: new Set() },
      outputs: [],
      outDir: out,
      own: [],
      startedMs: Date.now() - 60_000,
      until: undefined,
      report: { posts: 0, pages: 0, outDir: out, diagnostics: [] },
    });
    expect(result).toEqual({ refused: `${path.join(root, 'posts/a.md')} changed while the build ran` });
  });

  it('refuses when a folder gained a file after the loader listed it, unless the build made it', () => {
    const seen = folderNames(root);
    const request = (own: string[]): StampRequest => ({
      key: 'k',
      inputs: { folders: new Map([[root, seen]]), files: [], trees: [], read: new Set() },
      outputs: [],
      outDir: out,
      own,
      startedMs: Date.now() + 60_000,
      until: undefined,
      report: { posts: 0, pages: 0, outDir: out, diagnostics: [] },
    });
    mkdirSync(path.join(root, '.cache'));
    expect(stampBuild(request([]))).toEqual({ refused: `${root} had files added or removed while the build ran` });
    expect('record' in stampBuild(request([path.join(root, '.cache')]))).toBe(true);
  });

  it('stamps whole trees (a theme outside the site): every folder and file in them', () => {
    const theme = path.join(root, 'theme');
    mkdirSync(path.join(theme, '_includes'), { recursive: true });
    writeFileSync(path.join(theme, '_includes/head.html'), '<meta>');
    const record = stamped({ inputs: { folders: new Map(), files: [], trees: [theme], read: new Set() } });
    expect(Object.keys(record.folders)).toEqual(expect.arrayContaining([theme, path.join(theme, '_includes')]));
    expect(Object.keys(record.files)).toEqual([path.join(theme, '_includes/head.html')]);
    writeFileSync(path.join(theme, '_includes/foot.html'), '');
    expect(checkWarmRecord(record, 'k', Date.now()).fresh).toBe(false);
  });
});
