/**
 * Issue 12's list of mistakes, line by line, through the real command (`node --import tsx
 * src/cli/main.ts build`) on real sites in temp folders: each gets its one-line answer naming the
 * file and line, the exit code says whether anything was built, and a failed build writes nothing.
 * The dev lines are in test/dev/link-check.test.ts and editing.test.ts, the command-line lines in
 * test/cli/main.test.ts and test/dev/cli.test.ts, the workflow line in test/workflow.test.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev } from '../../src/dev/run.js';
import { REPO, writeFiles } from '../helpers/site.js';

const CLI = path.join(REPO, 'src/cli/main.ts');
const NOBODY = 65534;
const sites: string[] = [];

afterAll(async () => {
  await Promise.all(sites.map((site) => rm(site, { recursive: true, force: true })));
});

interface Outcome {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** Runs `inkstone build --src root` (as `uid` when given); exit code and output lines. */
async function build(root: string, args: string[] = [], uid?: number): Promise<Outcome> {
  const lines = (text: string) => text.split('\n').filter(Boolean);
  const argv = ['--import', 'tsx', CLI, 'build', '--src', root, '--workers', '0', '--no-cache', ...args];
  const ids = uid === undefined ? {} : { uid, gid: uid };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, argv, { cwd: REPO, env: { ...process.env, npm_lifecycle_event: '' }, ...ids });
    return { code: 0, stdout: lines(stdout), stderr: lines(stderr) };
  } catch (thrown) {
    const e = thrown as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: lines(e.stdout), stderr: lines(e.stderr) };
  }
}

/** A site in a temp folder: `_config.yml` with `config`, two posts (the first links to the second), and `files`. */
async function site(config: string, files: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-mistakes-'));
  sites.push(root);
  await writeFiles(root, {
    '_config.yml': config,
    'posts/2020-01-01-a.md': '---\ntitle: a\n---\nSee [b](2020-01-02-b.md).\n',
    'posts/2020-01-02-b.md': '---\ntitle: b\n---\nB.\n',
    ...files,
  });
  return root;
}

const built = (posts: string) => new RegExp(`^built ${posts}, \\d+ pages in \\d+ ms → .*public/ \\(inkstone dev --src .* to preview\\)$`);
const failed = (root: string, errors: string) => `build failed: ${errors}; ${path.join(root, 'public')} was left untouched`;

describe('issue 12: _config.yml', () => {
  it.concurrent('titel: 笔记 → a warning with a did-you-mean, not a silent "My notes"', async () => {
    const root = await site('titel: 笔记\n');
    const result = await build(root);
    expect(result).toMatchObject({ code: 0, stderr: ['_config.yml:1: warning: unknown key "titel" (did you mean "title"?)'] });
    expect(result.stdout).toEqual([expect.stringMatching(built('2 posts'))]);
  });

  it.concurrent('destnation: → a warning naming "destination"', async () => {
    const root = await site('title: x\ndestnation: out\n');
    expect(await build(root)).toMatchObject({ code: 0, stderr: ['_config.yml:2: warning: unknown key "destnation" (did you mean "destination"?)'] });
  });

  it.concurrent('url: example.github.io → one error on _config.yml, not warnings blaming layouts', async () => {
    const root = await site('title: x\nurl: example.github.io\n');
    expect(await build(root)).toEqual({
      code: 1,
      stdout: [],
      stderr: ['_config.yml:2: "url" should start with https:// or http:// (did you mean "https://example.github.io"?)', failed(root, '1 error')],
    });
    expect(existsSync(path.join(root, 'public'))).toBe(false);
  });

  it.concurrent('baseurl: https://u.github.io/notes → an error, and the build fails (with --strict too)', async () => {
    const root = await site('baseurl: https://u.github.io/notes\n');
    const line = '_config.yml:1: "baseurl" should be a path such as /notes, not a URL: put "https://u.github.io" in "url" and "/notes" in "baseurl"';
    expect(await build(root, ['--strict'])).toEqual({ code: 1, stdout: [], stderr: [line, failed(root, '1 error')] });
    expect(existsSync(path.join(root, 'public'))).toBe(false);
  });

  it.concurrent('permalink: pertty → one error on _config.yml, not "URL /pertty is also claimed" on each post', async () => {
    const root = await site('title: x\npermalink: pertty\n', { 'posts/2020-01-03-c.md': '---\ntitle: c\n---\nC.\n' });
    expect(await build(root)).toEqual({
      code: 1,
      stdout: [],
      stderr: ['_config.yml:2: unknown permalink style "pertty" (did you mean "pretty"?)', failed(root, '1 error')],
    });
  });

  it.concurrent('timezone: Europe/Berlim → an error on its line with the zone meant', async () => {
    const root = await site('title: x\ntimezone: Europe/Berlim\n');
    expect((await build(root)).stderr).toEqual(['_config.yml:2: unknown timezone "Europe/Berlim" (did you mean "Europe/Berlin"?)', failed(root, '1 error')]);
  });
});

describe('issue 12: front matter of the wrong type', () => {
  it.concurrent('title: [a, b], categories: {x: 1}, layout: {a: 1} and a typo’d layout: one line each; published: "no" hides its post', async () => {
    const root = await site('title: x\n', {
      'posts/2020-02-01-title.md': '---\ntitle: [a, b]\n---\nx\n',
      'posts/2020-02-02-categories.md': '---\ntitle: c\ncategories: {x: 1}\n---\nx\n',
      'posts/2020-02-03-layout.md': '---\ntitle: l\nlayout: {a: 1}\n---\nx\n',
      'posts/2020-02-04-pots.md': '---\ntitle: p\nlayout: pots\n---\nx\n',
    });
    expect(await build(root)).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'posts/2020-02-01-title.md:2: "title" should be text, not a list',
        'posts/2020-02-02-categories.md:3: "categories" should be text or a list of text, not a mapping',
        'posts/2020-02-03-layout.md:3: "layout" should be text, not a mapping',
        'posts/2020-02-04-pots.md:3: layout "pots" does not exist in _layouts/, layouts/ or the default theme (did you mean "post"?)',
        failed(root, '4 errors'),
      ],
    });
  });

  it.concurrent('published: no (unquoted), "no", off and n never publish; published: maybe warns and does not publish', async () => {
    const hidden = { no: 'no', quoted: '"no"', off: 'Off', n: 'n', maybe: 'maybe' };
    const files = Object.fromEntries(
      Object.entries(hidden).map(([name, value]) => [`posts/2020-03-01-${name}.md`, `---\ntitle: ${name}\npublished: ${value}\n---\nSecret.\n`]),
    );
    const root = await site('title: x\n', files);
    const result = await build(root);
    expect(result).toMatchObject({
      code: 0,
      stderr: ['posts/2020-03-01-maybe.md:3: warning: "published" should be true or false, not "maybe"; it is not published (write true to publish it)'],
    });
    expect(result.stdout).toEqual([expect.stringMatching(built('2 posts'))]);
    const written = await readdir(path.join(root, 'public/2020'), { recursive: true });
    expect(written.filter((f) => f.endsWith('.html')).sort()).toEqual(['01/01/a.html', '01/02/b.html']);
  });
});

describe('issue 12: a post that cannot be read never disappears without a word', () => {
  it.concurrent('a symlink loop, a dangling link and a folder named like a post: each named (errors first), the build fails, the summary counts them', async () => {
    const root = await site('title: x\n');
    const posts = path.join(root, 'posts');
    await symlink('2020-04-02-b.md', path.join(posts, '2020-04-01-a.md'));
    await symlink('2020-04-01-a.md', path.join(posts, '2020-04-02-b.md'));
    await symlink('gone.md', path.join(posts, '2020-04-03-dangling.md'));
    await mkdir(path.join(posts, '2020-02-02-x.md'));
    expect(await build(root)).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'posts/2020-04-01-a.md: cannot read: a symbolic link loop (posts/2020-04-01-a.md → posts/2020-04-02-b.md → posts/2020-04-01-a.md)',
        'posts/2020-04-02-b.md: cannot read: a symbolic link loop (posts/2020-04-02-b.md → posts/2020-04-01-a.md → posts/2020-04-02-b.md)',
        'posts/2020-04-03-dangling.md: cannot read: a symbolic link to "gone.md", which does not exist',
        'posts/2020-02-02-x.md: warning: skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)',
        failed(root, '3 errors, 4 entries skipped'),
      ],
    });
  });

  it.concurrent('a folder named like a post alone is a warning: the site builds and the summary says what was skipped', async () => {
    const root = await site('title: x\n');
    await mkdir(path.join(root, 'posts/2020-02-02-x.md'));
    const result = await build(root);
    expect(result).toMatchObject({ code: 0, stderr: [expect.stringMatching(/^posts\/2020-02-02-x\.md: warning: skipped: a folder named like a post/)] });
    expect(result.stdout).toEqual([expect.stringMatching(built('2 posts \\(1 skipped\\)'))]);
  });

  it.concurrent('a file without read permission is an error by name (the build runs as an ordinary user)', async () => {
    const root = await site('title: x\n', { 'posts/2020-05-01-locked.md': '---\ntitle: locked\n---\nx\n' });
    await chmod(path.join(root, 'posts/2020-05-01-locked.md'), 0o000);
    // root reads every file: build as "nobody" then (the temp folder must be open to it).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmod(root, 0o755);
    expect(await build(root, [], asRoot ? NOBODY : undefined)).toEqual({
      code: 1,
      stdout: [],
      stderr: ['posts/2020-05-01-locked.md: cannot read file (EACCES: permission denied)', failed(root, '1 error, 1 entry skipped')],
    });
  });

  it('dev says the same on its first build: the folder named by name, the summary counting it', async () => {
    const root = await site('title: x\n');
    await mkdir(path.join(root, 'posts/2020-02-02-x.md'));
    const lines: string[] = [];
    const dev = await startDev({ root, port: 0, workers: 0, cache: false, log: (line) => lines.push(line) });
    try {
      expect(lines).toEqual([
        'posts/2020-02-02-x.md: warning: skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)',
        expect.stringMatching(/^built 2 posts \(1 skipped\), \d+ pages in \d+ ms → /),
      ]);
    } finally {
      await dev.close();
    }
  });
});
