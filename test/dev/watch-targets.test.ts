import { describe, expect, it } from 'vitest';
import { isWatched, kindOf, type WatchTargets, watchRoots } from '../../src/dev/watch-targets.js';
import { JEKYLL_DEFAULT_EXCLUDES } from '../../src/site/content-paths.js';

const targets: WatchTargets = {
  root: '/site',
  configFile: '/site/_config.yml',
  postsDir: '/site/posts',
  layoutsDir: '/site/layouts',
  outDir: '/site/public',
  drafts: false,
  rules: { postsDir: 'posts', layoutsDir: 'layouts', outDir: 'public', include: [], exclude: [...JEKYLL_DEFAULT_EXCLUDES, 'TODO.md'], drafts: false },
};
const withDrafts = { ...targets, drafts: true, rules: { ...targets.rules, drafts: true } };

describe('kindOf', () => {
  it.each([
    ['/site/_config.yml', 'config'],
    ['/site/posts/2020-01-01-a.md', 'post'],
    ['/site/posts/2020/img.png', 'post'],
    ['/site/posts/2020/10/2020-10-01-a.md', 'post'],
    ['/site/layouts/post.html', 'layout'],
    ['/site/layouts/_includes/post-list.html', 'layout'],
    ['/site/layouts/assets/style.css', 'layout'],
    ['/site/posts/.2020-01-01-a.md.swp', undefined],
    ['/site/posts/2020-01-01-a.md___jb_tmp___', undefined],
    ['/site/posts/.2020-01-01-a.md.swx', undefined],
    ['/site/posts/2020-01-01-a.md~', undefined],
    ['/site/posts/4913', undefined],
    ['/site/posts/.#2020-01-01-a.md', undefined],
    ['/site/posts/.git/HEAD', undefined],
    ['/site/posts/_drafts/idea.md', undefined],
    ['/site/posts/_private/x.md', undefined],
    ['/site/layouts/.post.html.swp', undefined],
    ['/site/README.md', 'content'],
    ['/site/TODO.md', undefined],
    ['/site/_posts/2020-01-01-a.md', 'post'],
    ['/site/linux/_posts/2020-01-01-a.md', 'post'],
    ['/site/_layouts/post.html', 'layout'],
    ['/site/_includes/note.html', 'layout'],
    ['/site/_data/links.yml', 'content'],
    ['/site/_sass/custom.scss', 'content'],
    ['/site/about.md', 'content'],
    ['/site/assets/img/a.png', 'content'],
    ['/site/.github/workflows/pages.yml', undefined],
    ['/site/public/index.html', undefined],
    ['/site/node_modules/x/index.js', undefined],
    ['/site/_config.yml.swp', undefined],
    ['/sitemap/posts/a.md', undefined],
  ])('%s → %s', (file, kind) => {
    expect(kindOf(targets, file)).toBe(kind);
  });

  it('tells folders from files: a folder named 2020 is content, a file named 4913 is not', () => {
    expect(kindOf(targets, '/site/posts/2020', true)).toBe('folder');
    expect(kindOf(targets, '/site/posts/2020', false)).toBeUndefined();
    expect(kindOf(targets, '/site/posts/.git', true)).toBeUndefined();
    expect(kindOf(targets, '/site/posts/_drafts', true)).toBeUndefined();
    expect(isWatched(targets, '/site/posts/2020')).toBe(true);
    expect(isWatched(targets, '/site/posts/4913', false)).toBe(false);
  });

  it('watches drafts when drafts are built', () => {
    expect(kindOf(withDrafts, '/site/posts/_drafts/idea.md')).toBe('post');
    expect(kindOf(withDrafts, '/site/_drafts/idea.md')).toBe('post');
  });

  it('never watches the output folder, even inside the posts folder', () => {
    expect(
      kindOf({ ...targets, outDir: '/site/posts/public', rules: { ...targets.rules, outDir: 'posts/public' } }, '/site/posts/public/index.html'),
    ).toBeUndefined();
  });
});

describe('isWatched and watchRoots', () => {
  it('lets chokidar into the folders on the way to a source, and nowhere else', () => {
    expect(isWatched(targets, '/site')).toBe(true);
    expect(isWatched(targets, '/site/posts')).toBe(true);
    expect(isWatched(targets, '/site/node_modules')).toBe(false);
    expect(isWatched(targets, '/site/.cache')).toBe(false);
    expect(isWatched({ ...targets, postsDir: '/site/content/posts', rules: { ...targets.rules, postsDir: 'content/posts' } }, '/site/content')).toBe(true);
  });

  it('adds source folders that live outside the site root', () => {
    expect(watchRoots(targets)).toEqual(['/site']);
    expect(watchRoots({ ...targets, postsDir: '/notes/posts' })).toEqual(['/site', '/notes/posts']);
  });
});
