import { chmod, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPost, type PostSettings } from '../../src/content/post.js';
import { loadPosts, walkPosts } from '../../src/load/load-posts.js';
import { readSource } from '../../src/load/read-source.js';
import { selectPosts, sortNewestFirst } from '../../src/load/select-posts.js';
import { isEditorTemp as isIgnoredName } from '../../src/site/content-paths.js';
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

/** Writes files below the posts folder (creating folders). */
async function files(entries: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(entries)) {
    const abs = path.join(postsDir, ...rel.split('/'));
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** A post built in memory, failing loudly if it has problems. */
function mk(relPath: string, text = '', extra: Partial<PostSettings> = {}): Post {
  const result = buildPost({ path: `posts/${relPath}`, relPath, text, mtimeMs: 0 }, { ...settings, ...extra });
  if (!result.post || result.diagnostics.length) throw new Error(JSON.stringify(result.diagnostics));
  return result.post;
}

describe('isIgnoredName', () => {
  it.each([
    ['.x.md.swp', true],
    ['x.md.swp', true],
    ['x.md.swo', true],
    ['x.md.swx', true],
    ['4913', true],
    ['x.md~', true],
    ['.hidden.md', true],
    ['.DS_Store', true],
    ['#x.md#', true],
    ['x.md.tmp', true],
    ['x.md.bak', true],
    ['photo.png.crdownload', true],
    ['2020-01-01-x.md', false],
    ['x.markdown', false],
    ['photo.png', false],
    ['2020', true],
    ['2020.md', false],
    ['内核 笔记.md', false],
  ])('%j → %s', (name, ignored) => {
    expect(isIgnoredName(name)).toBe(ignored);
  });
});
