/**
 * The dev loop when the shape of the site changes: posts deleted, renamed, added, retitled;
 * layouts edited (and broken); theme assets; `_config.yml`. Real session on a temp site.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevHandle, startDev } from '../../src/dev/run.js';
import { fixtureSite, PAGES, postText, SOURCES } from './fixture.js';
import { diff, openEvents, recordRebuilds, removeDir, type SseClient, snapshot } from './helpers.js';

let root: string;
let outDir: string;
let dev: DevHandle;
let sse: SseClient;
const lines: string[] = [];
const source = (name: keyof typeof SOURCES) => path.join(root, 'posts', SOURCES[name]);
/** GNU sed, for the real `sed -i` save. */
const SED = ['/usr/bin/sed', '/bin/sed'].find((f) => existsSync(f));

beforeAll(async () => {
  root = await fixtureSite(true);
  outDir = path.join(root, 'public');
  dev = await startDev({ root, port: 0, workers: 1, cache: false, checkDelayMs: 50, log: (l) => lines.push(l) });
  sse = await openEvents(dev.origin);
});

afterAll(async () => {
  if (process.env.DEV_TEST_LOG) console.log(lines.join('\n'));
  sse?.close();
  await dev?.close();
  await removeDir(root);
});

/** Runs `edit` and waits for the first rebuild that passes `test`, then for quiet; returns what changed. */
async function afterChange(what: string, edit: () => Promise<void>, test: (r: import('../../src/dev/run.js').DevRebuild) => boolean) {
  await dev.idle();
  const before = await snapshot(outDir);
  const rebuilds = recordRebuilds(dev);
  await edit();
  const first = await rebuilds.next(what, (r) => r.mode !== 'check' && test(r));
  await dev.idle();
  rebuilds.stop();
  return { first, changes: diff(before, await snapshot(outDir)), rebuilds: rebuilds.list.filter((r) => r.mode !== 'check') };
}

describe('inkstone dev: changes to the shape of the site', () => {
  it('deleting a post removes its page, updates its lists and announces the removal', async () => {
    const reload = sse.next('reload', (d: { paths: string[] }) => d.paths.includes(PAGES.gamma));
    const { changes, rebuilds } = await afterChange(
      'gamma deleted',
      () => unlink(source('gamma')),
      (r) => r.removed.length > 0,
    );
    expect(rebuilds).toHaveLength(1);
    expect(changes.removed).toEqual([PAGES.gamma, 'tags/sched/index.html']);
    expect(changes.added).toEqual([]);
    // Lists that named gamma, and its neighbours (their previous/next links).
    for (const page of [
      'index.html',
      'archive/index.html',
      'categories/kernel/index.html',
      'tags/c/index.html',
      'tags/index.html',
      'sitemap.xml',
      PAGES.beta,
      PAGES.delta,
      // Posts that listed gamma among their related posts (same category and tag).
      PAGES.alpha,
    ]) {
      expect(changes.changed).toContain(page);
    }
    // Pages that never showed gamma are left alone.
    for (const page of ['categories/shell/index.html', 'tags/bash/index.html', '404.html', 'feed.xml']) {
      expect(changes.changed).not.toContain(page);
    }
    expect(changes.touched).toEqual([]);
    await reload;
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/2021-03-01-gamma\.md \(removed\) → .*2 removed in \d+ ms$/));
  });

  it('renaming a post moves its page', async () => {
    const renamed = path.join(root, 'posts', '2021-02-01-beta-moved.md');
    const { changes } = await afterChange(
      'beta renamed',
      () => rename(source('beta'), renamed),
      (r) => r.removed.length > 0,
    );
    expect(changes.removed).toEqual([PAGES.beta]);
    expect(changes.added).toEqual(['shell/2021/02/01/beta-moved.html']);
    expect(changes.changed).toContain('index.html');
    const back = await afterChange(
      'beta renamed back',
      () => rename(renamed, source('beta')),
      (r) => r.removed.length > 0,
    );
    expect(back.changes.added).toEqual([PAGES.beta]);
  });

  it('a new post gets its page and its lists', async () => {
    const { changes } = await afterChange(
      'zeta added',
      () => writeFile(path.join(root, 'posts', '2021-06-01-zeta.md'), postText('Zeta 网络', 'net', 'tcp')),
      (r) => r.written.some((w) => w.path.includes('zeta')),
    );
    expect(changes.added).toEqual(['categories/net/index.html', 'net/2021/06/01/zeta.html', 'tags/tcp/index.html']);
    expect(changes.changed).toEqual(
      ['archive/index.html', 'categories/index.html', 'feed.xml', 'index.html', 'sitemap.xml', 'tags/index.html', PAGES.epsilon].sort(),
    );
  });

  it('a post added in a new year folder (posts/2021/) is picked up, and so are its later edits', async () => {
    const folder = path.join(root, 'posts', '2021');
    const file = path.join(folder, '2021-07-01-eta.md');
    const { changes } = await afterChange(
      'eta added in a folder',
      async () => {
        await mkdir(folder);
        await writeFile(file, postText('Eta 文件夹', 'net', 'tcp'));
      },
      (r) => r.written.some((w) => w.path.includes('eta')),
    );
    expect(changes.added).toEqual(['net/2021/07/01/eta.html']);
    const edit = await afterChange(
      'eta edited',
      () => writeFile(file, postText('Eta 文件夹', 'net', 'tcp', '\n子目录里的修改。\n')),
      (r) => r.written.length > 0,
    );
    expect(edit.changes.changed).toContain('net/2021/07/01/eta.html');
    const removed = await afterChange(
      'eta removed',
      () => unlink(file),
      (r) => r.removed.length > 0,
    );
    expect(removed.changes.removed).toEqual(['net/2021/07/01/eta.html']);
  });

  it('a new title updates the lists and the neighbours, not unrelated pages', async () => {
    const { changes, first } = await afterChange(
      'alpha retitled',
      () => writeFile(source('alpha'), postText('Alpha 新标题', 'kernel', 'c')),
      (r) => r.written.some((w) => w.path === PAGES.alpha),
    );
    expect(first.mode).toBe('replan');
    expect(changes.changed).toEqual(
      expect.arrayContaining([PAGES.alpha, PAGES.beta, 'index.html', 'archive/index.html', 'categories/kernel/index.html', 'tags/c/index.html']),
    );
    // Posts sharing no category or tag with alpha do not list it among their related posts.
    expect(changes.changed).not.toContain(PAGES.delta);
    expect(changes.changed).not.toContain('tags/bash/index.html');
  });

  it('a layout edit re-renders the pages that use it, and only those', async () => {
    const layout = path.join(root, 'layouts', 'post.html');
    const original = await readFile(layout, 'utf8');
    const reload = sse.next('reload', (d: { paths: string[] }) => d.paths.includes(PAGES.alpha));
    const { changes, first } = await afterChange(
      'post layout edited',
      () => writeFile(layout, original.replace('<article class="post">', '<article class="post" data-edited="1">')),
      (r) => r.written.length > 0,
    );
    const posts = Object.values(PAGES)
      .filter((p) => !p.includes('gamma'))
      .concat('net/2021/06/01/zeta.html')
      .sort();
    expect(changes.changed).toEqual(posts);
    expect(lines).toContainEqual(expect.stringMatching(/^layouts\/post\.html → 5 pages in \d+ ms$/));
    expect(first.trigger).toBe('layouts/post.html');
    expect((await reload).data.all).toBe(false);
  });

  it.skipIf(!SED)('sed -i on a layout rebuilds once, and the line names the layout, not the temp file', async () => {
    const layout = path.join(root, 'layouts', 'post.html');
    const { first, rebuilds } = await afterChange(
      'post layout edited with sed -i',
      () => new Promise<void>((resolve, reject) => execFile(SED!, ['-i', 's/data-edited="1"/data-edited="2"/', layout], (e) => (e ? reject(e) : resolve()))),
      (r) => r.written.length > 0,
    );
    expect(rebuilds).toHaveLength(1);
    expect([...first.plan!.files.keys()]).toEqual([layout]);
    expect(first.trigger).toBe('layouts/post.html');
    expect(lines).toContainEqual(expect.stringMatching(/^layouts\/post\.html → \d+ pages in \d+ ms$/));
    expect(lines.filter((l) => /layouts\/sed/.test(l))).toEqual([]);
    expect(await readFile(path.join(outDir, PAGES.alpha), 'utf8')).toContain('data-edited="2"');
  });

  it('a broken layout shows the Liquid error with file and line; fixing it clears the overlay', async () => {
    const layout = path.join(root, 'layouts', 'post.html');
    const good = await readFile(layout, 'utf8');
    const page = await readFile(path.join(outDir, PAGES.alpha), 'utf8');
    const shown = sse.next('build-error');
    await writeFile(layout, good.replace('</article>', '{% if %}\n</article>'));
    const error = (await shown).data.errors[0];
    expect(error.file).toBe('layouts/post.html');
    expect(error.line).toBeGreaterThan(3);
    expect(error.message).toMatch(/Liquid/);
    expect(await readFile(path.join(outDir, PAGES.alpha), 'utf8')).toBe(page);
    const cleared = sse.next('build-ok');
    await writeFile(layout, good);
    await cleared;
    await dev.idle();
  });

  it('a theme asset change copies the asset and reloads every page', async () => {
    const reload = sse.next('reload', (d: { paths: string[] }) => d.paths.includes('assets/style.css'));
    await mkdir(path.join(root, 'layouts', 'assets'), { recursive: true });
    const { changes } = await afterChange(
      'site stylesheet added',
      () => writeFile(path.join(root, 'layouts', 'assets', 'style.css'), 'body { color: rebeccapurple }\n'),
      (r) => r.written.some((w) => w.kind === 'asset'),
    );
    expect(changes.changed).toEqual(['assets/style.css']);
    expect(await readFile(path.join(outDir, 'assets/style.css'), 'utf8')).toContain('rebeccapurple');
    expect((await reload).data.all).toBe(true);
  });

  it('a _config.yml change rebuilds everything', async () => {
    const config = path.join(root, '_config.yml');
    const text = await readFile(config, 'utf8');
    const reload = sse.next('reload', (d: { all: boolean }) => d.all);
    const { changes, first } = await afterChange(
      'config edited',
      () => writeFile(config, text.replace('测试笔记', '新的站名')),
      (r) => r.written.length > 0,
    );
    expect(first.trigger).toBe('_config.yml');
    const html = [...(await snapshot(outDir)).keys()].filter((p) => p.endsWith('.html'));
    expect(changes.changed).toEqual(expect.arrayContaining(html));
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toContain('新的站名');
    await reload;
  });

  it('a broken _config.yml keeps serving the last good site; fixing it recovers', async () => {
    const config = path.join(root, '_config.yml');
    const good = await readFile(config, 'utf8');
    const shown = sse.next('build-error');
    await writeFile(config, good + 'feed: [unclosed\n');
    expect((await shown).data.errors[0].file).toBe('_config.yml');
    expect((await fetch(`${dev.origin}/`)).status).toBe(200);
    const cleared = sse.next('build-ok');
    await writeFile(config, good);
    await cleared;
    await dev.idle();
  });
});
