import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostSettings } from '../../src/content/post.js';
import { loadPosts, walkPosts } from '../../src/load/load-posts.js';

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

/** Writes files below the posts folder (creating folders). */
async function files(entries: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(entries)) {
    const abs = path.join(postsDir, ...rel.split('/'));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** Walks an inkstone posts folder and loads it, as the loader does for a folder outside the site. */
async function loadFolder(root: string, dir: string, settings: Parameters<typeof loadPosts>[2] & { drafts: boolean }) {
  const { posts, assets } = await walkPosts(dir, settings.drafts);
  return { ...(await loadPosts(root, posts, settings)), assets };
}

describe('walkPosts', () => {
  const tree = {
    '2020-01-01-a.md': 'a',
    '2021-05-05-b.markdown': 'b',
    '2020/2020-02-02-in-year-folder.md': 'y',
    '2020/03/2020-03-03-deeper.MD': 'd',
    'nested/deeper/2021-01-01-deep.markdown': 'n',
    '2022-01-01-with space.md': 's',
    '2022-02-02-内核笔记.md': 'c',
    '图片/截图 1.png': 'png',
    'img.png': 'png',
    'nested/pic.PNG': 'png',
    '.x.md.swp': 'swap',
    'nested/.2020-01-01-x.md.swp': 'swap',
    '4913': 'vim probe',
    'x.md~': 'backup',
    '.hidden.md': 'hidden',
    '.git/2020-01-01-git.md': 'hidden folder',
    '#2020-01-01-autosave.md#': 'emacs',
    '_drafts/idea.md': 'draft',
    '_drafts/sketch.png': 'draft asset',
    '_private/2020-01-01-secret.md': 'underscore folder',
    '_2020-01-01-underscore.md': 'underscore file',
  };

  it('lists posts and assets sorted, skipping editor files, hidden and _ folders', async () => {
    await files(tree);
    await mkdir(path.join(postsDir, 'folder.md'));
    const { posts, assets } = await walkPosts(postsDir, false);
    expect(posts.map((f) => f.relPath)).toEqual([
      '2020-01-01-a.md',
      '2020/03/2020-03-03-deeper.MD',
      '2020/2020-02-02-in-year-folder.md',
      '2021-05-05-b.markdown',
      '2022-01-01-with space.md',
      '2022-02-02-内核笔记.md',
      'nested/deeper/2021-01-01-deep.markdown',
    ]);
    expect(assets.map((f) => f.relPath)).toEqual(['img.png', 'nested/pic.PNG', '图片/截图 1.png']);
    expect(posts[0]!.absPath).toBe(path.join(postsDir, '2020-01-01-a.md'));
    expect(assets[2]!.absPath).toBe(path.join(postsDir, '图片', '截图 1.png'));
  });

  it('includes _drafts only when asked', async () => {
    await files(tree);
    const { posts, assets } = await walkPosts(postsDir, true);
    expect(posts.map((f) => f.relPath)).toContain('_drafts/idea.md');
    expect(assets.map((f) => f.relPath)).toContain('_drafts/sketch.png');
    expect(posts.map((f) => f.relPath).filter((p) => p.startsWith('_'))).toEqual(['_drafts/idea.md']);
  });

  it('returns nothing for a missing posts folder', async () => {
    expect(await walkPosts(path.join(root, 'nope'), true)).toEqual({ posts: [], assets: [], problems: [], skipped: [] });
  });

  it('returns nothing for an empty posts folder', async () => {
    expect(await walkPosts(postsDir, false)).toEqual({ posts: [], assets: [], problems: [], skipped: [] });
  });
});

describe('loadPosts', () => {
  const options = { ...settings, future: false, unpublished: false, drafts: false, nowMs: ms('2025-01-01T00:00:00Z') };

  it('loads a small site end to end', async () => {
    await files({
      '2020-01-01-some-drafts.md': '---\nlayout: post\ndate: 2020-01-01 16:00:00 +0800\ntitle: "Some drafts"\ncategory: basic\n---\n\n## 内核抢占\n',
      '2020/2021-03-14-shell.md': '---\ncategories: [shell, linux]\ntags: bash fd\n---\nbody\n',
      '2022-07-09-内核 笔记.markdown': '正文\n',
      'img.png': 'png',
      '.2020-01-01-some-drafts.md.swp': 'swap',
      '_drafts/idea.md': '---\ntitle: idea\n---\n',
    });
    const result = await loadFolder(root, postsDir, { ...options, timezone: 'Asia/Shanghai' });
    expect(result.diagnostics).toEqual([]);
    expect(result.posts.map((p) => [p.source, p.url, p.title])).toEqual([
      ['posts/2022-07-09-内核 笔记.markdown', '/2022/07/09/内核 笔记.html', '内核 笔记'],
      ['posts/2020/2021-03-14-shell.md', '/shell/linux/2021/03/14/shell.html', 'Shell'],
      ['posts/2020-01-01-some-drafts.md', '/basic/2020/01/01/some-drafts.html', 'Some drafts'],
    ]);
    expect(result.posts[1]!.tags).toEqual(['bash', 'fd']);
    expect(result.assets).toEqual([{ relPath: 'img.png', absPath: path.join(postsDir, 'img.png') }]);
  });

  it('builds drafts dated by mtime when drafts are on', async () => {
    await files({ '_drafts/idea.md': '---\ntitle: idea\n---\n', '2020-01-01-a.md': '' });
    const mtime = new Date(ms('2020-05-20T15:50:00Z'));
    await utimes(path.join(postsDir, '_drafts', 'idea.md'), mtime, mtime);
    const result = await loadFolder(root, postsDir, { ...options, drafts: true, timezone: 'Asia/Shanghai' });
    expect(result.diagnostics).toEqual([]);
    expect(result.posts.map((p) => [p.url, p.draft])).toEqual([
      ['/2020/05/20/idea.html', true],
      ['/2020/01/01/a.html', false],
    ]);
    expect(result.posts[0]!.date).toMatchObject({ hour: 23, minute: 50, offsetMinutes: 480 });
  });

  it('collects every error from several bad files in one run', async () => {
    await files({
      '2020-01-01-good.md': '---\ntitle: good\n---\nok\n',
      '2020-01-02-quote.md': '---\nlayout: post\ntitle: ok\nbad: "unclosed\n---\nbody\n',
      'undated.md': '# no date\n',
      '2020-02-30-impossible.md': '',
      '2020-01-03-bad-date.md': '---\ntitle: x\ndate: someday\n---\n',
      '2020-01-04-escape.md': '---\ncategory: ..\n---\n',
      '2020-01-05-unclosed.md': '---\ntitle: x\n',
      'latin1/2020-01-06-bytes.md': Buffer.from([0xe9, 0x0a]),
      'dup/2020-01-01-good.md': 'same URL as the good one\n',
      '2030-01-01-future.md': 'later\n',
    });
    const result = await loadFolder(root, postsDir, options);
    expect(result.posts.map((p) => p.source)).toEqual(['posts/dup/2020-01-01-good.md', 'posts/2020-01-01-good.md']);
    expect(result.diagnostics.map((d) => [d.severity, d.file, d.line, d.message])).toEqual([
      ['error', 'posts/2020-01-02-quote.md', 4, 'invalid front matter: Missing closing "quote'],
      ['error', 'posts/2020-01-03-bad-date.md', 3, 'invalid date "someday" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)'],
      ['error', 'posts/2020-01-04-escape.md', 2, 'category or tag ".." may not contain "/", "\\" or be "." or ".."'],
      ['error', 'posts/2020-01-05-unclosed.md', 1, 'invalid front matter: front matter has no closing "---" line'],
      ['error', 'posts/2020-02-30-impossible.md', 1, 'file name has an impossible date 2020-2-30'],
      ['error', 'posts/latin1/2020-01-06-bytes.md', undefined, 'file is not valid UTF-8 text (the first bad byte is on line 1; save it as UTF-8)'],
      ['error', 'posts/undated.md', 1, 'post has no date: name it YYYY-MM-DD-title.md or set "date:" in the front matter'],
      ['warning', 'posts/2030-01-01-future.md', 1, 'skipped: dated in the future (2030-1-1); build with --future to include it'],
      ['error', 'posts/dup/2020-01-01-good.md', 1, 'URL /2020/01/01/good.html is also claimed by posts/2020-01-01-good.md'],
    ]);
  });

  it('returns nothing and no errors without a posts folder', async () => {
    expect(await loadFolder(root, path.join(root, 'missing'), options)).toEqual({ posts: [], assets: [], diagnostics: [], skipped: [] });
  });
});
