import { describe, expect, it } from 'vitest';
import { isEditorTemp, matchesPathPattern, postsEntryKind, siteEntryKind } from '../../src/site/content-paths.js';

describe('isEditorTemp', () => {
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
    ['x.md___jb_tmp___', true],
    ['x.md___jb_old___', true],
  ])('%j → %s', (name, ignored) => {
    expect(isEditorTemp(name)).toBe(ignored);
  });
});

describe('postsEntryKind', () => {
  it.each<[string, boolean, boolean, ReturnType<typeof postsEntryKind>]>([
    ['2020-01-01-x.md', false, false, 'post'],
    ['sub/2020-01-01-x.markdown', false, false, 'post'],
    ['img/a.png', false, false, 'asset'],
    ['.git/config', false, false, undefined],
    ['sub/.hidden/2020-01-01-x.md', false, false, undefined],
    ['.x.md.swp', false, false, undefined],
    ['_drafts/idea.md', false, false, undefined],
    ['_drafts/idea.md', true, false, 'post'],
    ['_private/2020-01-01-x.md', true, false, undefined],
    ['_x.md', false, false, undefined],
    ['_drafts', true, true, 'folder'],
    ['_drafts', false, true, undefined],
    ['_assets', true, true, undefined],
    ['img', false, true, 'folder'],
    ['', false, true, 'folder'],
  ])('%j (drafts %s, folder %s) → %s', (rel, drafts, folder, kind) => {
    expect(postsEntryKind(rel, drafts, folder)).toBe(kind);
  });
});

describe('siteEntryKind', () => {
  const rules = {
    postsDir: 'posts',
    layoutsDir: 'layouts',
    outDir: 'public',
    include: ['.well-known', '_redirects'],
    exclude: ['node_modules', 'vendor/bundle', 'scripts/*.sh', 'TODO.md'],
    drafts: false,
  };
  it.each<[string, boolean, ReturnType<typeof siteEntryKind>]>([
    ['_config.yml', false, 'config'],
    ['_posts/2020-01-01-a.md', false, 'post'],
    ['_posts/kernel/2020-01-01-a.md', false, 'post'],
    ['linux/_posts/2020-01-01-a.md', false, 'post'],
    ['_posts/2020-01-01-a.html', false, 'post'],
    ['_posts/img.png', false, undefined],
    ['_drafts/idea.md', false, undefined],
    ['_drafts', true, undefined],
    ['_private/_posts/2020-01-01-a.md', false, undefined],
    ['posts/2020-01-01-a.md', false, 'post'],
    ['posts/img/a.png', false, 'post-asset'],
    ['_layouts/post.html', false, 'layout'],
    ['_layouts/sub/x.html', false, undefined],
    ['layouts/post.html', false, 'layout'],
    ['layouts/_includes/x.html', false, 'include'],
    ['layouts/assets/style.css', false, 'theme-asset'],
    ['_includes/note.html', false, 'include'],
    ['_data/kernel/versions.yml', false, 'data'],
    ['_sass/custom.scss', false, 'sass'],
    ['about.md', false, 'content'],
    ['assets/img/a.png', false, 'content'],
    ['CNAME', false, 'content'],
    ['.gitignore', false, undefined],
    ['.github', true, undefined],
    ['.well-known', true, 'folder'],
    ['.well-known/security.txt', false, 'content'],
    ['_redirects', false, 'content'],
    ['_other.md', false, undefined],
    ['node_modules', true, undefined],
    ['vendor/bundle', true, undefined],
    ['vendor/other.txt', false, 'content'],
    ['scripts/deploy.sh', false, undefined],
    ['scripts/readme.txt', false, 'content'],
    ['TODO.md', false, undefined],
    ['public', true, undefined],
    ['public/index.html', false, undefined],
    ['linux', true, 'folder'],
    ['about.md~', false, undefined],
  ])('%s (folder %s) → %s', (rel, folder, kind) => {
    expect(siteEntryKind(rel, rules, folder)).toBe(kind);
  });

  it('builds drafts only when asked', () => {
    expect(siteEntryKind('_drafts/idea.md', { ...rules, drafts: true })).toBe('draft');
    expect(siteEntryKind('posts/_drafts/idea.md', { ...rules, drafts: true })).toBe('draft');
  });
});

describe('matchesPathPattern', () => {
  it.each([
    ['TODO.md', 'TODO.md', true],
    ['scripts/deploy.sh', 'scripts', true],
    ['scripts/deploy.sh', 'scripts/', true],
    ['scripts/deploy.sh', '/scripts', true],
    ['scriptsx/a', 'scripts', false],
    ['a/b/c.sass', '**/*.sass', true],
    ['c.sass', '**/*.sass', true],
    ['notes/x.md', 'notes/*.md', true],
    ['notes/sub/x.md', 'notes/*.md', false],
    ['x', '', false],
  ])('%s against %s → %s', (rel, pattern, expected) => {
    expect(matchesPathPattern(rel, pattern)).toBe(expected);
  });
});
