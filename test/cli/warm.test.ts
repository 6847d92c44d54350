/**
 * `inkstone build` twice in a row does nothing the second time, and every change that matters
 * makes it build again: real builds of a Jekyll-style site in a temp folder through the command
 * line's own entry (main()), output read back from disk.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { removeDir } from '../dev/helpers.js';
import { makeSite } from '../helpers/site.js';

/** Runs the command line in this process, returning its exit code and what it printed. */
async function inkstone(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: stdoutWrite } = process.stdout;
  const { write: stderrWrite } = process.stderr;
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

const UP_TO_DATE = /^built 2 posts, \d+ pages in \d+ ms → .* \(nothing changed; /m;

const sites: string[] = [];
afterAll(async () => {
  for (const site of sites) await removeDir(site);
});

/** Lets the clock move past the files just written: a file changed as a build starts is not vouched for (see warm/stamp.ts). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Moves a file's times one minute back, so a new stamp is certain whatever the clock's resolution. */
function age(file: string): void {
  const then = new Date(Date.now() - 60_000);
  utimesSync(file, then, then);
}

describe('inkstone build: nothing changed', () => {
  it('answers from the record until something the output depends on changes', { timeout: 60_000 }, async () => {
    const root = await makeSite({
      '_config.yml': 'title: Notes\nplugins: [jekyll-gist]\n',
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nAlpha\n',
      '_posts/2020-01-02-b.md': '---\ntitle: B\n---\nBeta\n',
      '_snippets/note.md': 'snippet one',
      'about.md': '---\ntitle: About\n---\n{% include_relative _snippets/note.md %}\n',
      'assets/css/site.scss': '---\n---\n@import "vars";\nbody { color: $ink; }\n',
      'assets/css/_vars.scss': '$ink: #111;\n',
    });
    sites.push(root);
    await settle();
    const build = (...extra: string[]) => inkstone(['build', '--src', root, '--workers', '0', ...extra]);
    const about = () => readFileSync(path.join(root, 'public/about.html'), 'utf8');
    const css = () => readFileSync(path.join(root, 'public/assets/css/site.css'), 'utf8');

    const first = await build();
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(UP_TO_DATE);
    const index = path.join(root, 'public/index.html');
    const written = statSync(index).mtimeMs;

    const second = await build();
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(UP_TO_DATE);
    // The plugin warning of the build it stands for is printed again.
    expect(second.stderr).toBe(first.stderr);
    expect(second.stderr).toMatch(/^_config\.yml:2: warning: plugin "jekyll-gist" is not available/);
    expect(statSync(index).mtimeMs).toBe(written);

    // A touch is not a change.
    age(path.join(root, '_posts/2020-01-01-a.md'));
    expect((await build()).stdout).toMatch(UP_TO_DATE);

    // A file read only by include_relative, in a folder the site leaves out.
    writeFileSync(path.join(root, '_snippets/note.md'), 'snippet two');
    await settle();
    expect((await build()).stdout).not.toMatch(UP_TO_DATE);
    expect(about()).toContain('snippet two');
    expect((await build()).stdout).toMatch(UP_TO_DATE);

    // A Sass partial (underscore files are not content, but the compiler reads them).
    writeFileSync(path.join(root, 'assets/css/_vars.scss'), '$ink: #222;\n');
    await settle();
    expect((await build()).stdout).not.toMatch(UP_TO_DATE);
    expect(css()).toContain('#222');

    // A new post.
    writeFileSync(path.join(root, '_posts/2020-01-03-c.md'), '---\ntitle: C\n---\nGamma\n');
    const third = await build();
    expect(third.stdout).toMatch(/^built 3 posts/m);
    rmSync(path.join(root, '_posts/2020-01-03-c.md'));
    expect((await build()).stdout).toMatch(/^built 2 posts, \d+ pages in \d+ ms → .* \((?!nothing)/m);

    // The output damaged: the next build puts it back.
    rmSync(index);
    expect((await build()).stdout).not.toMatch(UP_TO_DATE);
    expect(statSync(index).isFile()).toBe(true);

    // Another command is another build; --no-cache never answers from the record.
    expect((await build('--drafts')).stdout).not.toMatch(UP_TO_DATE);
    expect((await build('--drafts')).stdout).toMatch(UP_TO_DATE);
    expect((await build('--drafts', '--no-cache')).stdout).not.toMatch(UP_TO_DATE);
  });

  it('builds again once a post dated in the future falls due', { timeout: 60_000 }, async () => {
    const due = new Date(Date.now() + 3000);
    const stamp = due
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' +0000');
    const root = await makeSite({
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nAlpha\n',
      [`_posts/${due.toISOString().slice(0, 10)}-soon.md`]: `---\ntitle: Soon\ndate: ${stamp}\n---\nSoon\n`,
    });
    sites.push(root);
    await settle();
    const build = () => inkstone(['build', '--src', root, '--workers', '0']);
    expect((await build()).stdout).toMatch(/^built 1 post,/m);
    expect((await build()).stdout).toMatch(/^built 1 post, .*nothing changed/m);
    await new Promise((resolve) => setTimeout(resolve, due.getTime() + 1000 - Date.now()));
    expect((await build()).stdout).toMatch(/^built 2 posts, \d+ pages in \d+ ms → .* \((?!nothing)/m);
  });

  it('says again what the build it stands for skipped', { timeout: 60_000 }, async () => {
    const root = await makeSite({
      '_posts/2020-01-01-a.md': '---\ntitle: A\n---\nAlpha\n',
      '_posts/2020-01-02-b.md': '---\ntitle: B\n---\nBeta\n',
      '_posts/2020-01-03-c.md/notes.txt': 'a folder named like a post',
    });
    sites.push(root);
    await settle();
    const build = () => inkstone(['build', '--src', root, '--workers', '0']);
    const first = await build();
    expect(first.stdout).toMatch(/^built 2 posts \(1 skipped\), /m);
    const second = await build();
    expect(second.stdout).toMatch(/^built 2 posts \(1 skipped\), \d+ pages in \d+ ms → .* \(nothing changed; /m);
    expect(second.stderr).toBe(first.stderr);
    expect(second.stderr).toMatch(/^_posts\/2020-01-03-c\.md: warning: skipped: a folder named like a post/m);
  });
});
