/** The link check and link rewriting inside real builds: the CLI's exit code and messages, copied files, rewritten pages. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { all, attr, one, parseDocument, text } from '../helpers/html.js';
import { makeSite, post, REPO } from '../helpers/site.js';

const run = promisify(execFile);
const CLI = path.join(REPO, 'src/cli/main.ts');
const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the sample blog (posts, layouts, config) in a temp folder. */
async function sampleCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-sample-'));
  cleanup.push(root);
  for (const name of ['posts', 'layouts', '_config.yml']) await cp(path.join(REPO, name), path.join(root, name), { recursive: true });
  return root;
}

/** Runs the CLI; returns its exit code and stderr lines. */
async function cli(args: string[]): Promise<{ code: number; stderr: string[]; stdout: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO });
    return { code: 0, stderr: stderr.split('\n').filter(Boolean), stdout };
  } catch (thrown) {
    const e = thrown as { code: number; stderr: string; stdout: string };
    return { code: e.code, stderr: e.stderr.split('\n').filter(Boolean), stdout: e.stdout };
  }
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('a heading renamed under a link that points at it', () => {
  async function renamedSite(): Promise<{ root: string; line: number }> {
    const root = await sampleCopy();
    await edit(path.join(root, 'posts/2020-01-01-some-drafts.md'), (t) => t.replace('## 内核抢占\n', '## 内核抢占机制\n'));
    const pipes = path.join(root, 'posts/2021-03-14-shell-pipes.md');
    // The sample's shell-pipes post links to that heading by file: ./2020-01-01-some-drafts.md#内核抢占
    const line = (await readFile(pipes, 'utf8')).split('\n').findIndex((l) => l.includes('./2020-01-01-some-drafts.md#内核抢占')) + 1;
    return { root, line };
  }

  it('fails `build --strict` naming the post, the line and the id it meant, and leaves the output alone', async () => {
    const { root, line } = await renamedSite();
    const out = path.join(root, 'public');
    await cp(path.join(root, '_config.yml'), path.join(out, 'marker.txt'), { recursive: true });
    const result = await cli(['build', '--src', root, '--strict', '--no-cache', '--workers', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      `posts/2021-03-14-shell-pipes.md:${line}: link to "./2020-01-01-some-drafts.md#内核抢占": no heading with id "内核抢占" on /basic/2020/01/01/some-drafts.html (did you mean "./2020-01-01-some-drafts.md#内核抢占机制"?)`,
      `build failed: 1 error; ${out} was left untouched`,
    ]);
    expect((await stat(path.join(out, 'marker.txt'))).isFile()).toBe(true);
  });

  it('only warns without --strict, and builds', async () => {
    const { root, line } = await renamedSite();
    const result = await cli(['build', '--src', root, '--no-cache', '--workers', '1', '--base', '/notes/']);
    expect(result.code).toBe(0);
    expect(result.stderr).toEqual([
      `posts/2021-03-14-shell-pipes.md:${line}: warning: link to "./2020-01-01-some-drafts.md#内核抢占": no heading with id "内核抢占" on /notes/basic/2020/01/01/some-drafts.html (did you mean "./2020-01-01-some-drafts.md#内核抢占机制"?)`,
    ]);
  });

  it('is an error with strict_links: true in _config.yml', async () => {
    const { root } = await renamedSite();
    await edit(path.join(root, '_config.yml'), (t) => `${t}strict_links: true\n`);
    const report = await build({ root, outDir: path.join(root, 'out'), workers: 0, cache: false });
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('links between posts, in a real build', () => {
  it('become the target URL with the base path, and the fragment resolves', async () => {
    const root = await sampleCopy();
    await edit(path.join(root, 'posts/2021-03-14-shell-pipes.md'), (t) =>
      // The sample already links to another post by its file; add a Jekyll post_url link next to it.
      t.replace('；本节参考了 APUE', '，[GDB]({% post_url 2023-11-02-gdb-cheatsheet %}#加载符号)；本节参考了 APUE'),
    );
    const out = path.join(root, 'out');
    const report = await build({ root, outDir: out, baseurl: '/notes/', strict: true, workers: 0, cache: false });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([]);
    const page = parseDocument(await readFile(path.join(out, 'shell/linux/2021/03/14/shell-pipes.html'), 'utf8'));
    const links = all(page, '.post-content a:not(.anchor):not([data-footnote-ref]):not(.data-footnote-backref)').map((a) => [text(a), attr(a, 'href')]);
    expect(links).toEqual([
      ['内核抢占', '/notes/basic/2020/01/01/some-drafts.html#%E5%86%85%E6%A0%B8%E6%8A%A2%E5%8D%A0'],
      ['GDB', '/notes/kernel/2023/11/02/gdb-cheatsheet.html#%E5%8A%A0%E8%BD%BD%E7%AC%A6%E5%8F%B7'],
    ]);
  });
});

describe('files next to posts', () => {
  it('are copied beside the page that uses them, and missing ones are reported', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const root = await makeSite({
      '_config.yml': 'title: t\n',
      'posts/kernel/2020-01-01-a.md': post(
        { title: 'A', category: 'kernel' },
        '![图](<./img/图 1.png>)\n\n![missing](./img/nope.png)\n\n[附件](files/notes.txt)\n',
      ),
      'posts/kernel/img/图 1.png': png,
      'posts/kernel/img/unused.png': png,
      'posts/kernel/files/notes.txt': 'notes\n',
      // A home page that shows excerpts, as many themes do.
      'layouts/home.html': '---\nlayout: default\n---\n{% for post in page.posts %}<article>{{ post.excerpt }}</article>{% endfor %}\n',
    });
    cleanup.push(root);
    const report = await build({ root, baseurl: '/repo', workers: 0, cache: false });
    expect(report.diagnostics.map(formatDiagnostic)).toEqual([
      'posts/kernel/2020-01-01-a.md:7: warning: image "./img/nope.png": no file posts/kernel/img/nope.png',
    ]);
    const out = path.join(root, 'public');
    expect(await readFile(path.join(out, 'kernel/2020/01/01/img/图 1.png'))).toEqual(png);
    expect(await readFile(path.join(out, 'kernel/2020/01/01/files/notes.txt'), 'utf8')).toBe('notes\n');
    await expect(stat(path.join(out, 'kernel/2020/01/01/img/unused.png'))).rejects.toThrow();
    const page = parseDocument(await readFile(path.join(out, 'kernel/2020/01/01/a.html'), 'utf8'));
    expect(attr(one(page, '.post-content img'), 'src')).toBe('./img/%E5%9B%BE%201.png');
    // The home page shows the excerpt (the first paragraph): its image must still point at the post's folder.
    const home = parseDocument(await readFile(path.join(out, 'index.html'), 'utf8'));
    expect(all(home, 'main img').map((img) => attr(img, 'src'))).toEqual(['/repo/kernel/2020/01/01/img/%E5%9B%BE%201.png']);
  });
});
