import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { loadSite } from '../../src/stages/load.js';
import { REPO, writeFiles } from '../helpers/site.js';

const run = promisify(execFile);
const GOOD = '---\ntitle: good\n---\nBody.\n';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-walk-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Loads the site: the posts built, the diagnostics as printed, and what was skipped. */
async function load() {
  const { site, diagnostics, skipped } = await loadSite({ root, now: Date.parse('2030-01-01') });
  return { posts: (site?.posts ?? []).map((p) => p.source).sort(), printed: diagnostics.map(formatDiagnostic).sort(), skipped };
}

describe('nothing vanishes: the lines of the issue', () => {
  it('a symlink loop a.md → b.md → a.md is an error on each, by name', async () => {
    await writeFiles(root, { 'posts/2020-01-01-good.md': GOOD });
    await symlink('2020-01-03-b.md', path.join(root, 'posts/2020-01-02-a.md'));
    await symlink('2020-01-02-a.md', path.join(root, 'posts/2020-01-03-b.md'));
    expect(await load()).toEqual({
      posts: ['posts/2020-01-01-good.md'],
      printed: [
        'posts/2020-01-02-a.md: cannot read: a symbolic link loop (posts/2020-01-02-a.md → posts/2020-01-03-b.md → posts/2020-01-02-a.md)',
        'posts/2020-01-03-b.md: cannot read: a symbolic link loop (posts/2020-01-03-b.md → posts/2020-01-02-a.md → posts/2020-01-03-b.md)',
      ],
      skipped: ['posts/2020-01-02-a.md', 'posts/2020-01-03-b.md'],
    });
  });

  it('a dangling symlink is an error naming its target', async () => {
    await writeFiles(root, { '_posts/2020-01-01-good.md': GOOD });
    await symlink('../drafts/gone.md', path.join(root, '_posts/2020-01-02-gone.md'));
    expect(await load()).toMatchObject({
      posts: ['_posts/2020-01-01-good.md'],
      printed: ['_posts/2020-01-02-gone.md: cannot read: a symbolic link to "../drafts/gone.md", which does not exist'],
      skipped: ['_posts/2020-01-02-gone.md'],
    });
  });

  it('a directory named 2020-02-02-x.md is a warning, and what is inside is still read', async () => {
    await writeFiles(root, { 'posts/2020-02-02-x.md/2020-02-03-inner.md': GOOD, '_posts/2020-02-02-y.md/keep.txt': 'x' });
    expect(await load()).toEqual({
      posts: ['posts/2020-02-02-x.md/2020-02-03-inner.md'],
      printed: [
        '_posts/2020-02-02-y.md: warning: skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)',
        'posts/2020-02-02-x.md: warning: skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)',
      ],
      skipped: ['_posts/2020-02-02-y.md', 'posts/2020-02-02-x.md'],
    });
  });

  it('a file that is not UTF-8 is an error naming the line of the first bad byte', async () => {
    await writeFiles(root, { 'posts/2020-01-01-latin1.md': Buffer.from('---\ntitle: caf\xe9\n---\n', 'latin1') });
    expect(await load()).toMatchObject({
      printed: ['posts/2020-01-01-latin1.md: file is not valid UTF-8 text (the first bad byte is on line 2; save it as UTF-8)'],
      skipped: ['posts/2020-01-01-latin1.md'],
    });
  });

  it('a file without read permission is an error by name (checked as an ordinary user)', async () => {
    await writeFiles(root, { 'posts/2020-01-01-good.md': GOOD, 'posts/2020-01-02-locked.md': GOOD });
    await chmod(path.join(root, 'posts/2020-01-02-locked.md'), 0o000);
    if (process.getuid?.() !== 0) {
      expect(await load()).toMatchObject({
        posts: ['posts/2020-01-01-good.md'],
        printed: ['posts/2020-01-02-locked.md: cannot read file (EACCES: permission denied)'],
        skipped: ['posts/2020-01-02-locked.md'],
      });
      return;
    }
    // root reads everything: load the site in a child process running as "nobody".
    await chmod(root, 0o755);
    const script = [
      `import { loadSite } from ${JSON.stringify(path.join(REPO, 'src/stages/load.ts'))};`,
      `const { diagnostics, skipped } = await loadSite({ root: ${JSON.stringify(root)} });`,
      "console.log(JSON.stringify({ messages: diagnostics.map((d) => d.file + ': ' + d.message), skipped }));",
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, uid: 65534, gid: 65534 });
    expect(JSON.parse(stdout)).toEqual({
      messages: ['posts/2020-01-02-locked.md: cannot read file (EACCES: permission denied)'],
      skipped: ['posts/2020-01-02-locked.md'],
    });
  });
});

describe('symbolic links', () => {
  it('builds a linked post that resolves inside the site', async () => {
    await writeFiles(root, { 'shared/2020-01-01-shared.md': GOOD, 'posts/.keep': '' });
    await symlink('../shared/2020-01-01-shared.md', path.join(root, 'posts/2020-01-01-linked.md'));
    expect(await load()).toEqual({ posts: ['posts/2020-01-01-linked.md'], printed: [], skipped: [] });
  });

  it('refuses a linked post outside the site folder, saying why', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'inkstone-outside-'));
    try {
      await writeFile(path.join(outside, 'p.md'), GOOD);
      await writeFiles(root, { '_posts/.keep': '' });
      await symlink(path.join(outside, 'p.md'), path.join(root, '_posts/2020-01-01-out.md'));
      const { printed, posts } = await load();
      expect(posts).toEqual([]);
      expect(printed).toEqual([expect.stringMatching(/^_posts\/2020-01-01-out\.md: warning: skipped: a symbolic link to .*\/p\.md, outside the site folder/)]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('names a linked folder among the posts (linked folders are not followed)', async () => {
    await writeFiles(root, { 'elsewhere/2020-01-01-a.md': GOOD, 'posts/2020-01-02-b.md': GOOD });
    await symlink('../elsewhere', path.join(root, 'posts/linked'));
    expect(await load()).toEqual({
      posts: ['posts/2020-01-02-b.md'],
      printed: ['posts/linked: warning: skipped: a symbolic link to a folder (linked folders are not followed; link the post files themselves)'],
      skipped: ['posts/linked'],
    });
  });

  it('says nothing of links that are not posts', async () => {
    await writeFiles(root, { 'posts/2020-01-01-a.md': GOOD });
    await symlink('gone.png', path.join(root, 'posts/pic.png'));
    await symlink('nowhere', path.join(root, 'notes.txt'));
    expect(await load()).toEqual({ posts: ['posts/2020-01-01-a.md'], printed: [], skipped: [] });
  });

  it('reports the same for a posts folder outside the site (posts_dir)', async () => {
    await writeFiles(root, { 'site/_config.yml': 'posts_dir: ../notes\n', 'notes/2020-01-01-a.md': GOOD, 'notes/2020-02-02-dir.md/x.txt': 'x' });
    await symlink('gone.md', path.join(root, 'notes/2020-01-02-gone.md'));
    const { site, diagnostics, skipped } = await loadSite({ root: path.join(root, 'site') });
    expect(site?.posts.map((p) => p.relPath)).toEqual(['2020-01-01-a.md']);
    expect(diagnostics.map(formatDiagnostic).sort()).toEqual([
      '../notes/2020-01-02-gone.md: cannot read: a symbolic link to "gone.md", which does not exist',
      '../notes/2020-02-02-dir.md: warning: skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)',
    ]);
    expect(skipped).toEqual(['../notes/2020-01-02-gone.md', '../notes/2020-02-02-dir.md']);
  });
});

describe('layouts', () => {
  it('a layout name that does not exist gets a did-you-mean', async () => {
    await writeFiles(root, { 'posts/2020-01-01-a.md': '---\ntitle: a\nlayout: pots\n---\nx\n' });
    expect((await load()).printed).toEqual([
      'posts/2020-01-01-a.md:3: layout "pots" does not exist in _layouts/, layouts/ or the default theme (did you mean "post"?)',
    ]);
  });

  it('a folder in the posts folder that cannot be listed is an error (as an ordinary user)', async () => {
    if (process.getuid?.() === 0) return;
    await writeFiles(root, { 'posts/2020-01-01-a.md': GOOD, 'posts/private/2020-01-02-b.md': GOOD });
    await chmod(path.join(root, 'posts/private'), 0o000);
    try {
      expect((await load()).printed).toEqual(['posts/private: cannot read folder (EACCES)']);
    } finally {
      await chmod(path.join(root, 'posts/private'), 0o755);
    }
  });
});

describe('what is empty', () => {
  it('a site without problems skips nothing', async () => {
    await mkdir(path.join(root, 'posts'));
    await writeFile(path.join(root, 'posts/2020-01-01-a.md'), GOOD);
    expect(await load()).toEqual({ posts: ['posts/2020-01-01-a.md'], printed: [], skipped: [] });
  });
});
