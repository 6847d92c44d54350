/**
 * The dev loop on a site laid out the Jekyll way: `_posts/`, `_layouts/`, `_includes/`, `_data/`,
 * pages and static files are watched by the loader's own rules, and each edit shows up.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevHandle, startDev } from '../../src/dev/run.js';
import { makeSite } from '../helpers/site.js';
import { recordRebuilds, removeDir } from './helpers.js';

let root: string;
let dev: DevHandle;
const out = (rel: string) => readFile(path.join(root, 'public', rel), 'utf8');

beforeAll(async () => {
  root = await makeSite({
    '_config.yml': 'title: 笔记\n',
    '_posts/2020-01-01-a.md': '---\ntitle: A\n---\n{% include note.html %} {{ site.data.links[0].name }}\n',
    '_includes/note.html': '<span class="note">注意</span>',
    '_data/links.yml': '- name: 内核\n',
    'about.md': '---\ntitle: 关于\npermalink: /about/\n---\n关于本站\n',
    'assets/a.txt': 'one\n',
  });
  dev = await startDev({ root, port: 0, workers: 0, cache: false, checkDelayMs: 50, log: () => {} });
});

afterAll(async () => {
  await dev?.close();
  await removeDir(root);
});

/** Writes a file and waits for the rebuild it causes to finish. */
async function edit(rel: string, text: string): Promise<void> {
  await dev.idle();
  const rebuilds = recordRebuilds(dev);
  await writeFile(path.join(root, rel), text);
  await rebuilds.next(rel, (r) => r.ok && r.mode !== 'check');
  await dev.idle();
  rebuilds.stop();
}

describe('inkstone dev on a Jekyll site', () => {
  it('builds posts, pages and static files on start', async () => {
    expect(dev.initial.ok).toBe(true);
    expect(await out('2020/01/01/a.html')).toContain('<span class="note">注意</span> 内核');
    expect(await out('about/index.html')).toContain('关于本站');
    expect(await out('assets/a.txt')).toBe('one\n');
  });

  // In this order: the post's own edit comes last, so the include and the data still show in it before.
  it.each([
    ['an include', '_includes/note.html', '<span class="note">小心</span>', '2020/01/01/a.html', '小心'],
    ['a data file', '_data/links.yml', '- name: 调度\n', '2020/01/01/a.html', '调度'],
    ['a page', 'about.md', '---\ntitle: 关于\npermalink: /about/\n---\n新的介绍\n', 'about/index.html', '新的介绍'],
    ['a static file', 'assets/a.txt', 'two\n', 'assets/a.txt', 'two'],
    ['a post', '_posts/2020-01-01-a.md', '---\ntitle: A\n---\n改过了\n', '2020/01/01/a.html', '改过了'],
  ])('rebuilds after editing %s', async (_what, rel, text, output, expected) => {
    await edit(rel, text);
    expect(await out(output)).toContain(expected);
  });
});
