/**
 * The dev loop against real saves: a real session (watcher, pool, server) on a temp site, files
 * saved the ways editors save them, and the output folder and the live-reload stream checked.
 */
import { execFile } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
const output = (name: keyof typeof PAGES) => readFile(path.join(outDir, PAGES[name]), 'utf8');
/** GNU sed, for the real `sed -i` save. */
const SED = ['/usr/bin/sed', '/bin/sed'].find((f) => existsSync(f));

beforeAll(async () => {
  root = await fixtureSite();
  outDir = path.join(root, 'public');
  // A long grace period keeps the "save caught half-done" test independent of machine load.
  dev = await startDev({ root, port: 0, workers: 1, cache: false, graceMs: 500, checkDelayMs: 50, log: (l) => lines.push(l) });
  sse = await openEvents(dev.origin);
});

afterAll(async () => {
  sse?.close();
  await dev?.close();
  await removeDir(root);
});

/**
 * Runs `edit`, waits for the rebuild it causes (and the background check after it), and returns
 * the rebuilds seen and what changed in the output folder.
 */
async function afterEdit(what: string, edit: () => Promise<void> | void, expectWritten: string) {
  await dev.idle();
  const before = await snapshot(outDir);
  const rebuilds = recordRebuilds(dev);
  const reload = sse.next('reload', (d: { paths: string[] }) => d.paths.includes(expectWritten));
  await edit();
  const first = await rebuilds.next(what, (r) => r.mode !== 'check' && r.written.some((w) => w.path === expectWritten));
  const event = await reload;
  await dev.idle();
  rebuilds.stop();
  const changes = diff(before, await snapshot(outDir));
  return { first, event, changes, rebuilds: rebuilds.list.filter((r) => r.mode !== 'check'), checks: rebuilds.list.filter((r) => r.mode === 'check') };
}

describe('inkstone dev: saving posts', () => {
  it('builds the site first and serves it with the reload script injected (never written to disk)', async () => {
    expect(dev.initial.ok).toBe(true);
    const onDisk = await output('alpha');
    expect(onDisk).toContain('Alpha 笔记');
    expect(onDisk).not.toContain('__inkstone');
    const served = await (await fetch(`${dev.origin}/${PAGES.alpha}`)).text();
    expect(served).toContain('<script src="/__inkstone/client.js" data-file="kernel/2021/01/01/alpha.html"></script></body>');
  });

  it('a plain write re-renders that post only and announces it', async () => {
    const { changes, event, rebuilds, checks } = await afterEdit(
      'alpha rewritten',
      async () => {
        await writeFile(source('alpha'), postText('Alpha 笔记', 'kernel', 'c', '\n普通保存之后的新段落。\n'));
      },
      PAGES.alpha,
    );
    expect(changes).toEqual({ added: [], removed: [], changed: [PAGES.alpha], touched: [] });
    expect(await output('alpha')).toContain('普通保存之后的新段落。');
    expect(event.data.paths).toEqual([PAGES.alpha]);
    expect(event.data.urls).toEqual([`/${PAGES.alpha}`]);
    expect(rebuilds).toHaveLength(1);
    expect(rebuilds[0]!.mode).toBe('fast');
    expect(checks.every((c) => c.ok && c.written.length === 0 && c.removed.length === 0)).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/2021-01-01-alpha\.md → 1 page in \d+ ms$/));
  });

  it('a link to another post by its file is rewritten on the fast path, as in a full build', async () => {
    const { rebuilds, checks } = await afterEdit(
      'alpha links to beta',
      async () => {
        await writeFile(source('alpha'), postText('Alpha 笔记', 'kernel', 'c', `\n见 [beta](./${SOURCES.beta})。\n`));
      },
      PAGES.alpha,
    );
    expect(rebuilds[0]!.mode).toBe('fast');
    const hrefs = [...(await output('alpha')).matchAll(/<a href="([^"]*)">beta<\/a>/g)].map((m) => m[1]);
    expect(hrefs).toEqual([`/${PAGES.beta}`]);
    // The background re-plan agrees with the fast path: nothing left to fix.
    expect(checks.every((c) => c.ok && c.written.length === 0)).toBe(true);
  });

  it('an edit to a post in the feed updates its page and the feed, nothing else', async () => {
    const { changes, rebuilds } = await afterEdit(
      'epsilon appended',
      async () => {
        await writeFile(source('epsilon'), postText('Epsilon 内存', 'kernel', 'mm', '\n页面回收的补充说明。\n'));
      },
      PAGES.epsilon,
    );
    expect(changes).toEqual({ added: [], removed: [], changed: ['feed.xml', PAGES.epsilon].sort(), touched: [] });
    expect(await readFile(path.join(outDir, 'feed.xml'), 'utf8')).toContain('页面回收的补充说明。');
    expect(rebuilds).toHaveLength(1);
  });

  it('truncate then write (VS Code) is one rebuild with the final content', async () => {
    const text = postText('Beta 管道', 'shell', 'bash', '\n截断后写入的内容。\n');
    const { changes, rebuilds } = await afterEdit(
      'beta truncated and written',
      () => {
        const fd = openSync(source('beta'), 'r+');
        ftruncateSync(fd, 0);
        writeSync(fd, text, 0);
        closeSync(fd);
      },
      PAGES.beta,
    );
    expect(rebuilds).toHaveLength(1);
    expect(rebuilds[0]!.ok).toBe(true);
    expect(changes.changed).toEqual([PAGES.beta]);
    expect(await output('beta')).toContain('截断后写入的内容。');
  });

  it('a save caught half-done (empty file for a moment) waits for the rest', async () => {
    const text = postText('Beta 管道', 'shell', 'bash', '\n慢一点的保存。\n');
    const errors = sse.events.filter((e) => e.name === 'build-error').length;
    const { changes, rebuilds } = await afterEdit(
      'beta truncated, then written later',
      async () => {
        await writeFile(source('beta'), '');
        // Longer than the quiet period, well within the grace period given to empty files.
        await new Promise((resolve) => setTimeout(resolve, 40));
        await writeFile(source('beta'), text);
      },
      PAGES.beta,
    );
    expect(rebuilds).toHaveLength(1);
    expect(changes.changed).toEqual([PAGES.beta]);
    expect(await output('beta')).toContain('慢一点的保存。');
    expect(sse.events.filter((e) => e.name === 'build-error')).toHaveLength(errors);
  });

  it('write to a temp file, then rename over the post (atomic save) is one rebuild', async () => {
    const temp = path.join(root, 'posts', `.${SOURCES.gamma}.tmp-1234`);
    const { changes, rebuilds } = await afterEdit(
      'gamma replaced by rename',
      async () => {
        await writeFile(temp, postText('Gamma 调度', 'kernel', 'c, sched', '\n原子保存。\n'));
        await rename(temp, source('gamma'));
      },
      PAGES.gamma,
    );
    expect(rebuilds).toHaveLength(1);
    expect(changes).toEqual({ added: [], removed: [], changed: [PAGES.gamma], touched: [] });
    expect(await output('gamma')).toContain('原子保存。');
  });

  it("vim's save (probe file 4913, swap file, backup rename, new file) is one rebuild", async () => {
    const dir = path.join(root, 'posts');
    const { changes, rebuilds } = await afterEdit(
      'alpha saved like vim',
      async () => {
        await writeFile(path.join(dir, `.${SOURCES.alpha}.swp`), 'swap');
        await writeFile(path.join(dir, '4913'), '');
        await unlink(path.join(dir, '4913'));
        await rename(source('alpha'), `${source('alpha')}~`);
        await writeFile(source('alpha'), postText('Alpha 笔记', 'kernel', 'c', '\nvim 写入的新内容。\n'));
        await unlink(`${source('alpha')}~`);
        await unlink(path.join(dir, `.${SOURCES.alpha}.swp`));
      },
      PAGES.alpha,
    );
    expect(rebuilds).toHaveLength(1);
    expect([...rebuilds[0]!.plan!.files.keys()].map((f) => path.basename(f))).toEqual([SOURCES.alpha]);
    expect(changes).toEqual({ added: [], removed: [], changed: [PAGES.alpha], touched: [] });
    expect(await output('alpha')).toContain('vim 写入的新内容。');
  });

  it.skipIf(!SED)('sed -i (a temp file beside the post, renamed over it) is one rebuild, named after the post', async () => {
    // The text sed will change, saved first and waited for: its own rebuild must not land in the one measured below.
    await afterEdit('delta prepared for sed', () => writeFile(source('delta'), postText('Delta 杂记', 'misc', 'notes', '\n用 sed 修改之前。\n')), PAGES.delta);
    const { changes, rebuilds, first } = await afterEdit(
      'delta edited with sed -i',
      () => new Promise<void>((resolve, reject) => execFile(SED!, ['-i', 's/修改之前/修改之后/', source('delta')], (e) => (e ? reject(e) : resolve()))),
      PAGES.delta,
    );
    expect(rebuilds).toHaveLength(1);
    expect([...first.plan!.files.keys()]).toEqual([source('delta')]);
    expect(first.trigger).toBe(`posts/${SOURCES.delta}`);
    expect(lines.at(-1)).toMatch(/^posts\/2021-04-01-delta\.md → 1 page \+ 1 list in \d+ ms$/);
    expect(changes.changed).toContain(PAGES.delta);
    expect(await output('delta')).toContain('用 sed 修改之后。');
  });

  it('editor temp files and hidden files never start a rebuild of their own', async () => {
    const dir = path.join(root, 'posts');
    const { rebuilds } = await afterEdit(
      'gamma after temp files',
      async () => {
        await writeFile(path.join(dir, `${SOURCES.beta}~`), 'backup');
        await writeFile(path.join(dir, `.#${SOURCES.beta}`), 'lock');
        await writeFile(path.join(dir, `.${SOURCES.beta}.swx`), 'swap');
        await mkdir(path.join(dir, '.hidden'), { recursive: true });
        await writeFile(path.join(dir, '.hidden', 'x.md'), 'hidden');
        await writeFile(source('gamma'), postText('Gamma 调度', 'kernel', 'c, sched', '\n临时文件之后。\n'));
      },
      PAGES.gamma,
    );
    expect(rebuilds).toHaveLength(1);
    expect([...rebuilds[0]!.plan!.files.keys()].map((f) => path.basename(f))).toEqual([SOURCES.gamma]);
  });

  it('a second save right after the first is not lost (chokidar drops changes 50 ms apart)', async () => {
    await dev.idle();
    const rebuilds = recordRebuilds(dev);
    await writeFile(source('gamma'), postText('Gamma 调度', 'kernel', 'c, sched', '\n第一次保存。\n'));
    await rebuilds.next('first save', (r) => r.mode !== 'check' && r.written.some((w) => w.path === PAGES.gamma));
    await writeFile(source('gamma'), postText('Gamma 调度', 'kernel', 'c, sched', '\n第二次保存。\n'));
    await rebuilds.next('second save', (r) => r.mode !== 'check' && r.written.some((w) => w.path === PAGES.gamma));
    expect(await output('gamma')).toContain('第二次保存。');
    await dev.idle();
    rebuilds.stop();
  });

  it('a broken front matter save keeps the last good page and shows the error; the fixed save clears it', async () => {
    await dev.idle();
    const page = path.join(outDir, PAGES.delta);
    const good = await readFile(page, 'utf8');
    const mtime = (await stat(page)).mtimeMs;
    const rebuilds = recordRebuilds(dev);
    const shown = sse.next('build-error');
    await writeFile(source('delta'), '---\ntitle: [oops\n---\n坏掉的 front matter\n');
    const failed = await rebuilds.next('delta broken');
    expect(failed.ok).toBe(false);
    const error = (await shown).data.errors[0];
    expect(error).toMatchObject({ file: `posts/${SOURCES.delta}`, line: 2 });
    expect(error.message).toMatch(/invalid front matter/);
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/2021-04-01-delta\.md → 1 error in \d+ ms; still serving the last good pages$/));
    expect(lines).toContainEqual(expect.stringMatching(/^posts\/2021-04-01-delta\.md:2: invalid front matter: /));
    // The last good page stays on disk and is served.
    expect(await readFile(page, 'utf8')).toBe(good);
    expect((await stat(page)).mtimeMs).toBe(mtime);
    expect(await (await fetch(`${dev.origin}/${PAGES.delta}`)).text()).toContain('Delta 杂记');
    // A page opened now gets the error at once.
    const late = await openEvents(dev.origin);
    expect(late.events[0]!.data.errors).toHaveLength(1);
    late.close();

    const cleared = sse.next('build-ok');
    const reload = sse.next('reload', (d: { paths: string[] }) => d.paths.includes(PAGES.delta));
    await writeFile(source('delta'), postText('Delta 杂记', 'misc', 'notes', '\n修好了。\n'));
    await rebuilds.next('delta fixed', (r) => r.ok);
    await cleared;
    await reload;
    expect(await readFile(page, 'utf8')).toContain('修好了。');
    rebuilds.stop();
  });
});
