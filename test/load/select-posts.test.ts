import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPost, type PostSettings } from '../../src/content/post.js';
import { selectPosts, sortNewestFirst } from '../../src/load/select-posts.js';
import type { Post } from '../../src/site/model.js';

const settings: PostSettings = { permalink: 'date', timezone: undefined, excerptSeparator: undefined };
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

/** A post built in memory, failing loudly if it has problems. */
function mk(relPath: string, text = '', extra: Partial<PostSettings> = {}): Post {
  const result = buildPost({ path: `posts/${relPath}`, relPath, text, mtimeMs: 0 }, { ...settings, ...extra });
  if (!result.post || result.diagnostics.length) throw new Error(JSON.stringify(result.diagnostics));
  return result.post;
}

describe('selectPosts', () => {
  const now = ms('2025-06-01T00:00:00Z');
  const base = { future: false, unpublished: false, nowMs: now };

  it('skips future posts with a warning', () => {
    const past = mk('2025-05-31-past.md');
    const later = mk('2025-06-01-later.md', '---\ndate: 2025-06-01 08:00:00 +0800\n---\n'); // 00:00Z: exactly now → not future
    const future = mk('2025-06-02-future.md');
    const result = selectPosts([past, later, future], base);
    expect(result.posts.map((p) => p.slug)).toEqual(['later', 'past']);
    expect(result.diagnostics).toEqual([
      {
        file: 'posts/2025-06-02-future.md',
        line: 1,
        message: 'skipped: dated in the future (2025-6-2); build with --future to include it',
        severity: 'warning',
      },
    ]);
  });

  it('keeps future posts with future: true', () => {
    const result = selectPosts([mk('2025-05-31-past.md'), mk('2030-01-01-future.md')], { ...base, future: true });
    expect(result.posts.map((p) => p.slug)).toEqual(['future', 'past']);
    expect(result.diagnostics).toEqual([]);
  });

  it('skips unpublished posts silently unless unpublished: true', () => {
    const hidden = mk('2020-01-01-hidden.md', '---\npublished: false\n---\n');
    const shown = mk('2020-01-02-shown.md');
    expect(selectPosts([hidden, shown], base)).toEqual({ posts: [shown], diagnostics: [] });
    expect(selectPosts([hidden, shown], { ...base, unpublished: true }).posts.map((p) => p.slug)).toEqual(['shown', 'hidden']);
  });

  it('skips an unpublished future post without a warning', () => {
    const p = mk('2030-01-01-both.md', '---\npublished: false\n---\n');
    expect(selectPosts([p], base)).toEqual({ posts: [], diagnostics: [] });
  });

  it('reports duplicate URLs naming both files', () => {
    const a = mk('2020-01-01-x.md');
    const b = mk('notes/2020-01-01-x.md');
    const c = mk('2020-01-02-y.md', '---\npermalink: /2020/01/01/x.html\n---\n');
    const result = selectPosts([a, b, c], base);
    expect(result.diagnostics).toEqual([
      { file: 'posts/notes/2020-01-01-x.md', line: 1, message: 'URL /2020/01/01/x.html is also claimed by posts/2020-01-01-x.md', severity: 'error' },
      { file: 'posts/2020-01-02-y.md', line: 1, message: 'URL /2020/01/01/x.html is also claimed by posts/2020-01-01-x.md', severity: 'error' },
    ]);
  });

  it('treats URLs differing only in case or Unicode normalization as duplicates', () => {
    const upper = mk('2020-01-01-README.md');
    const lower = mk('notes/2020-01-01-readme.md');
    const nfc = mk('2020-01-01-caf\u00e9.md');
    const nfd = mk('notes/2020-01-01-cafe\u0301.md');
    const { diagnostics } = selectPosts([upper, lower, nfc, nfd], base);
    expect(diagnostics.map((d) => [d.file, d.message])).toEqual([
      ['posts/notes/2020-01-01-readme.md', 'URL /2020/01/01/readme.html is also claimed by posts/2020-01-01-README.md'],
      ['posts/notes/2020-01-01-cafe\u0301.md', 'URL /2020/01/01/cafe\u0301.html is also claimed by posts/2020-01-01-caf\u00e9.md'],
    ]);
  });

  it('does not report a duplicate against a skipped post', () => {
    const a = mk('2020-01-01-x.md', '---\npublished: false\n---\n');
    const b = mk('notes/2020-01-01-x.md');
    expect(selectPosts([a, b], base).diagnostics).toEqual([]);
  });

  it('does not mutate its input', () => {
    const list = [mk('2020-01-01-a.md'), mk('2021-01-01-b.md')];
    selectPosts(list, base);
    expect(list.map((p) => p.slug)).toEqual(['a', 'b']);
  });
});

describe('sortNewestFirst', () => {
  it('orders newest first by instant, not by the day written', () => {
    const shanghai = mk('2020-01-01-sh.md', '---\ndate: 2020-01-01 16:00:00 +0800\n---\n'); // 08:00Z
    const utc = mk('2020-01-01-utc.md', '---\ndate: 2020-01-01 09:00:00\n---\n'); // 09:00Z
    const ny = mk('2019-12-31-ny.md', '---\ndate: 2019-12-31 23:00:00 -0500\n---\n'); // 04:00Z Jan 1
    expect(sortNewestFirst([shanghai, ny, utc]).map((p) => p.slug)).toEqual(['utc', 'sh', 'ny']);
  });

  it('breaks ties by source path, the same way whatever the input order', () => {
    const a = mk('2020-01-01-a.md');
    const b = mk('2020-01-01-b.md');
    const c = mk('x/2020-01-01-c.md');
    const older = mk('2019-01-01-old.md');
    const expected = ['posts/x/2020-01-01-c.md', 'posts/2020-01-01-b.md', 'posts/2020-01-01-a.md', 'posts/2019-01-01-old.md'];
    for (const order of [
      [a, b, c, older],
      [older, c, b, a],
      [b, older, a, c],
    ]) {
      expect(sortNewestFirst(order).map((p) => p.source)).toEqual(expected);
    }
  });
});
