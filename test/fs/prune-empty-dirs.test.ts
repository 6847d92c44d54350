/** pruneEmptyDirs on real folders: empty folders go up to the stop folder, a folder with anything in it stays. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { pruneEmptyDirs } from '../../src/fs/prune-empty-dirs.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'inkstone-prune-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

it('removes the empty folders up to, not including, the stop folder', async () => {
  await mkdir(path.join(root, 'out/a/b/c'), { recursive: true });
  await pruneEmptyDirs(path.join(root, 'out/a/b/c'), path.join(root, 'out'));
  expect(existsSync(path.join(root, 'out/a'))).toBe(false);
  expect(existsSync(path.join(root, 'out'))).toBe(true);
});

it('stops at the first folder that still holds something', async () => {
  await mkdir(path.join(root, 'out/a/b/c'), { recursive: true });
  await writeFile(path.join(root, 'out/a/keep.html'), 'x');
  await pruneEmptyDirs(path.join(root, 'out/a/b/c'), path.join(root, 'out'));
  expect(existsSync(path.join(root, 'out/a/b'))).toBe(false);
  expect(existsSync(path.join(root, 'out/a/keep.html'))).toBe(true);
});

it('touches nothing outside the stop folder', async () => {
  await mkdir(path.join(root, 'other/x'), { recursive: true });
  await pruneEmptyDirs(path.join(root, 'other/x'), path.join(root, 'out'));
  expect(existsSync(path.join(root, 'other/x'))).toBe(true);
});
