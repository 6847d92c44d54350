/**
 * Dev reports what build reports: every rebuild re-checks the links of the pages it wrote and of
 * the pages pointing into them, and the terminal says each new and each resolved warning once, and
 * each error once per change of state. Real sessions on temp sites; every wait is for an event.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevRebuild, startDev } from '../../src/dev/run.js';
import { fixtureSite, PAGES, postText, SOURCES } from './fixture.js';
import { recordRebuilds, removeDir } from './helpers.js';

/** The 1-based line of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

/** A dev session on a fresh fixture site, with every terminal line kept. */
async function session(checkDelayMs: number) {
  const root = await fixtureSite(true);
  const lines: string[] = [];
  const dev = await startDev({ root, port: 0, workers: 1, cache: false, checkDelayMs, log: (l) => lines.push(l) });
  // The lines each kind of rebuild printed (a rebuild prints its lines, then reports itself).
  const printedBy: Record<string, string[]> = {};
  let mark = lines.length;
  dev.on('rebuild', (r: DevRebuild) => {
    (printedBy[r.mode] ??= []).push(...lines.slice(mark));
    mark = lines.length;
  });
  /** Runs `edit`, waits for the first rebuild passing `test` and then for quiet; returns it and the lines printed meanwhile. */
  const afterEdit = async (what: string, edit: () => Promise<void>, test: (r: DevRebuild) => boolean = (r) => r.mode !== 'check') => {
    await dev.idle();
    const from = lines.length;
    const rebuilds = recordRebuilds(dev);
    await edit();
    const first = await rebuilds.next(what, test);
    await dev.idle();
    rebuilds.stop();
    return { first, printed: lines.slice(from), all: rebuilds.list };
  };
  return { root, lines, printedBy, dev, afterEdit, source: (name: keyof typeof SOURCES) => path.join(root, 'posts', SOURCES[name]) };
}

describe('inkstone dev: links are checked on every rebuild', () => {
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    s = await session(50);
  });
  afterAll(async () => {
    await s?.dev.close();
    if (s) await removeDir(s.root);
  });

  it('a broken #anchor is printed once, from the fast path; edits around it are quiet; the fix says "resolved"', async () => {
    const text = postText('Alpha 笔记', 'kernel', 'c', '\n## 内核抢占\n\n见 [上文](#内核抢战)。\n');
    const line = lineOf(text, '[上文]');
    const warningLine = `posts/${SOURCES.alpha}:${line}: warning: link to "#内核抢战": no heading with id "内核抢战" on this page (did you mean "#内核抢占"?)`;
    const added = await s.afterEdit('anchor added', () => writeFile(s.source('alpha'), text));
    expect(added.first.mode).toBe('fast');
    expect(added.first.linksChecked).toBe(1);
    expect(added.printed).toEqual([expect.stringMatching(/^posts\/2021-01-01-alpha\.md → 1 page in \d+ ms$/), warningLine]);
    expect(added.first.diagnostics).toEqual([expect.objectContaining({ file: `posts/${SOURCES.alpha}`, line, pages: [PAGES.alpha] })]);

    // A paragraph above it moves its line: the same warning, not news. Another post's edit: nothing.
    const moved = await s.afterEdit('text above it', () => writeFile(s.source('alpha'), text.replace('## 内核抢占', '新的一段。\n\n## 内核抢占')));
    expect(moved.printed).toEqual([expect.stringMatching(/→ 1 page in \d+ ms$/)]);
    const other = await s.afterEdit('beta edited', () => writeFile(s.source('beta'), postText('Beta 管道', 'shell', 'bash', '\n别的修改。\n')));
    expect(other.printed).toEqual([expect.stringMatching(/^posts\/2021-02-01-beta\.md → 1 page in \d+ ms$/)]);

    const fixed = await s.afterEdit('anchor fixed', () => writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c')));
    expect(fixed.printed).toEqual([expect.stringMatching(/→ 1 page in \d+ ms$/), `resolved: posts/${SOURCES.alpha}:${line + 2}: link to "#内核抢战"`]);
    expect(s.lines.filter((l) => l.includes('"#内核抢战"'))).toHaveLength(2);
  });

  it('a link to a missing post warns; adding the post resolves it', async () => {
    const text = postText('Alpha 笔记', 'kernel', 'c', '\n见 [zeta](./2021-06-01-zeta.md) 和 [zeta 页面](/net/2021/06/01/zeta.html)。\n');
    const line = lineOf(text, '[zeta]');
    const linked = await s.afterEdit('links to zeta', () => writeFile(s.source('alpha'), text));
    expect(linked.printed.slice(1)).toEqual([
      `posts/${SOURCES.alpha}:${line}: warning: link to "./2021-06-01-zeta.md": no post posts/2021-06-01-zeta.md in this build (did you mean "./2021-02-01-beta.md"?)`,
      `posts/${SOURCES.alpha}:${line}: warning: link to "/net/2021/06/01/zeta.html": no page at /net/2021/06/01/zeta.html`,
    ]);
    const zeta = path.join(s.root, 'posts', '2021-06-01-zeta.md');
    const added = await s.afterEdit('zeta added', () => writeFile(zeta, postText('Zeta 网络', 'net', 'tcp')));
    expect(added.printed.slice(1)).toEqual([
      `resolved: posts/${SOURCES.alpha}:${line}: link to "./2021-06-01-zeta.md"`,
      `resolved: posts/${SOURCES.alpha}:${line}: link to "/net/2021/06/01/zeta.html"`,
    ]);
    await s.afterEdit(
      'zeta removed',
      () => unlink(zeta),
      (r) => r.removed.length > 0,
    );
    const clean = await s.afterEdit('alpha as it was', () => writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c')));
    expect(clean.first.diagnostics).toEqual([]);
  });

  it("renaming a heading breaks another post's #fragment link into it, found by re-checking that post (not rendering it)", async () => {
    const text = postText('Epsilon 内存', 'kernel', 'mm', `\n见 [alpha](/${PAGES.alpha}#alpha-笔记基本原理)。\n`);
    const line = lineOf(text, '[alpha]');
    await s.afterEdit('epsilon links into alpha', () => writeFile(s.source('epsilon'), text));
    const renamed = await s.afterEdit('alpha heading renamed', () =>
      writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c').replace('：基本原理', '：新的原理')),
    );
    expect(renamed.first.mode).toBe('fast');
    expect(renamed.first.written.map((w) => w.path)).toEqual([PAGES.alpha]);
    expect(renamed.first.linksChecked).toBe(2);
    expect(renamed.printed.slice(1)).toEqual([
      `posts/${SOURCES.epsilon}:${line}: warning: link to "/${PAGES.alpha}#alpha-笔记基本原理": no heading with id "alpha-笔记基本原理" on /${PAGES.alpha} (did you mean "/${PAGES.alpha}#alpha-笔记新的原理"?)`,
    ]);
    const back = await s.afterEdit('alpha heading back', () => writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c')));
    expect(back.printed.slice(1)).toEqual([`resolved: posts/${SOURCES.epsilon}:${line}: link to "/${PAGES.alpha}#alpha-笔记基本原理"`]);
  });

  it('deleting a post breaks the links to it from pages that are not rendered again; bringing it back resolves them', async () => {
    // Delta shares no tag or category with alpha and is not its neighbour, so deleting alpha leaves
    // delta's page as it is: only the link check can find the broken link.
    await s.afterEdit('epsilon as it was', () => writeFile(s.source('epsilon'), postText('Epsilon 内存', 'kernel', 'mm')));
    const text = postText('Delta 杂记', 'misc', 'notes', `\n见 [alpha](/${PAGES.alpha}#alpha-笔记基本原理)。\n`);
    const line = lineOf(text, '[alpha]');
    await s.afterEdit('delta links into alpha', () => writeFile(s.source('delta'), text));
    const deleted = await s.afterEdit(
      'alpha deleted',
      () => unlink(s.source('alpha')),
      (r) => r.removed.length > 0,
    );
    expect(deleted.first.written.map((w) => w.path)).not.toContain(PAGES.delta);
    expect(deleted.printed.slice(1)).toEqual([
      `posts/${SOURCES.delta}:${line}: warning: link to "/${PAGES.alpha}#alpha-笔记基本原理": no page at /${PAGES.alpha}`,
    ]);
    const back = await s.afterEdit('alpha back', () => writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c')));
    expect(back.printed.slice(1)).toEqual([`resolved: posts/${SOURCES.delta}:${line}: link to "/${PAGES.alpha}#alpha-笔记基本原理"`]);
    await s.afterEdit('delta as it was', () => writeFile(s.source('delta'), postText('Delta 杂记', 'misc', 'notes')));
  });

  it('a broken link in a layout is one warning for all the pages it breaks on, and stays one as posts come', async () => {
    const layout = path.join(s.root, 'layouts', 'post.html');
    const good = await readFile(layout, 'utf8');
    const broken = await s.afterEdit('layout links to /about.html', () =>
      writeFile(layout, good.replace('<article class="post">', '<article class="post"><a href="/about.html">关于</a>')),
    );
    expect(broken.printed.slice(1)).toEqual([
      `layouts/post.html: warning: link to "/about.html": no page at /about.html (on /${PAGES.epsilon} and 4 more pages)`,
    ]);
    expect(broken.first.diagnostics[0]!.pages).toHaveLength(5);
    const eta = path.join(s.root, 'posts', '2021-07-01-eta.md');
    const added = await s.afterEdit('eta added', () => writeFile(eta, postText('Eta', 'net', 'tcp')));
    expect(added.printed).toHaveLength(1);
    expect(added.first.diagnostics[0]!.message).toMatch(/and 5 more pages\)$/);
    const fixed = await s.afterEdit('layout fixed', () => writeFile(layout, good));
    expect(fixed.printed.slice(1)).toEqual(['resolved: layouts/post.html: link to "/about.html"']);
    await s.afterEdit(
      'eta removed',
      () => unlink(eta),
      (r) => r.removed.length > 0,
    );
  });

  it('the background checks after the fast rebuilds agreed with them: they printed nothing', () => {
    expect(s.printedBy.fast?.length).toBeGreaterThan(0);
    expect(s.printedBy.check ?? []).toEqual([]);
  });
});

describe('inkstone dev: each error once per change of state', () => {
  let s: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    // A long check delay: the broken save surely lands while the check after the edit is pending.
    s = await session(1000);
  });
  afterAll(async () => {
    await s?.dev.close();
    if (s) await removeDir(s.root);
  });

  it('a broken save right after an ordinary edit prints its error once, and the loop goes quiet', async () => {
    const error = `posts/${SOURCES.alpha}:2: invalid front matter: `;
    await s.dev.idle();
    const rebuilds = recordRebuilds(s.dev);
    await writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c', '\n普通的修改。\n'));
    const edit = await rebuilds.next('the edit');
    expect(edit).toMatchObject({ mode: 'fast', needsCheck: true });
    await writeFile(s.source('alpha'), '---\ntitle: [broken\n---\n');
    const failed = await rebuilds.next('the broken save', (r) => !r.ok);
    expect(failed.needsCheck).toBe(false);
    expect(s.dev.session.checkDue).toBe(false);
    // Before the fix, the check re-ran on the failing state every checkDelayMs: idle() never came.
    await s.dev.idle();
    rebuilds.stop();
    expect(rebuilds.list.filter((r) => r.mode === 'check')).toEqual([]);
    expect(s.lines.filter((l) => l.startsWith(error))).toHaveLength(1);

    // The same error from another broken save: said to be as before, not printed again.
    const again = await s.afterEdit('broken again', () => writeFile(s.source('alpha'), '---\ntitle: [broken\n---\n还是坏的\n'));
    expect(again.printed).toEqual([
      expect.stringMatching(/^posts\/2021-01-01-alpha\.md → 1 error \(as before\) in \d+ ms; still serving the last good pages$/),
    ]);
    await s.afterEdit(
      'fixed',
      () => writeFile(s.source('alpha'), postText('Alpha 笔记', 'kernel', 'c')),
      (r) => r.ok,
    );
  });

  it('a Liquid error in a layout and a _config.yml error are printed once each', async () => {
    const layout = path.join(s.root, 'layouts', 'post.html');
    const good = await readFile(layout, 'utf8');
    await s.afterEdit('an edit first', () => writeFile(s.source('beta'), postText('Beta 管道', 'shell', 'bash', '\n先改一下。\n')));
    const liquid = await s.afterEdit('layout broken', () => writeFile(layout, good.replace('</article>', '{% if %}\n</article>')));
    expect(liquid.printed).toEqual([
      expect.stringMatching(/^layouts\/post\.html → 1 error in \d+ ms; still serving the last good pages$/),
      expect.stringMatching(/^layouts\/post\.html:\d+: Liquid syntax error: /),
    ]);
    await s.afterEdit(
      'layout fixed',
      () => writeFile(layout, good),
      (r) => r.ok,
    );

    const config = path.join(s.root, '_config.yml');
    const settings = await readFile(config, 'utf8');
    const yaml = await s.afterEdit('config broken', () => writeFile(config, `${settings}feed: [unclosed\n`));
    expect(yaml.printed).toEqual([
      expect.stringMatching(/^_config\.yml → 1 error in \d+ ms; still serving the last good pages$/),
      expect.stringMatching(/^_config\.yml:\d+: invalid YAML: /),
    ]);
    await s.afterEdit(
      'config fixed',
      () => writeFile(config, settings),
      (r) => r.ok,
    );
    expect(s.lines.filter((l) => /Liquid syntax error|invalid YAML/.test(l))).toHaveLength(2);
  });
});
