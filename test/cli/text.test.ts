/** What the command line prints: the summary line, where the site went, how to preview it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtLine, failedLine, folderLabel, plural, previewCommand } from '../../src/cli/text.js';

const cwd = '/home/me/blog';

describe('summary lines', () => {
  it('says what was built, where it went and how to look at it', () => {
    expect(builtLine({ posts: 4, pages: 24, durationMs: 311.6 }, '/home/me/blog/public', 'npm run dev', cwd)).toBe(
      'built 4 posts, 24 pages in 312 ms → public/ (npm run dev to preview)',
    );
    expect(builtLine({ posts: 1, pages: 1, durationMs: 5 }, '/home/me/blog/public', undefined, cwd)).toBe('built 1 post, 1 page in 5 ms → public/');
  });

  it('counts the entries the loader skipped (issue 12: "built 5 posts" said nothing of them)', () => {
    const skipped = ['posts/2020-02-02-x.md', 'posts/a.md'];
    expect(builtLine({ posts: 5, pages: 9, durationMs: 40, skipped }, '/home/me/blog/public', 'npm run dev', cwd)).toBe(
      'built 5 posts (2 skipped), 9 pages in 40 ms → public/ (npm run dev to preview)',
    );
    expect(builtLine({ posts: 5, pages: 9, durationMs: 40, skipped: [] }, '/home/me/blog/public', undefined, cwd)).toBe(
      'built 5 posts, 9 pages in 40 ms → public/',
    );
    expect(failedLine(2, [], 'public')).toBe('build failed: 2 errors; public was left untouched');
    expect(failedLine(1, ['posts/a.md'], 'public')).toBe('build failed: 1 error, 1 entry skipped; public was left untouched');
    expect(failedLine(3, skipped, 'public')).toBe('build failed: 3 errors, 2 entries skipped; public was left untouched');
  });

  it.each([
    ['/home/me/blog/public', 'public/'],
    ['/home/me/blog/site/dist', 'site/dist/'],
    ['/home/me/blog', './'],
    ['/srv/www', '/srv/www/'],
    ['/home/me/blog-other/public', '/home/me/blog-other/public/'],
  ])('folder %s reads %s', (dir, label) => {
    expect(folderLabel(dir, cwd).split(path.sep).join('/')).toBe(label);
  });

  it.each([
    [undefined, true, 'npm run dev'],
    ['.', true, 'npm run dev'],
    ['/home/me/blog', false, 'inkstone dev'],
    ['site', true, 'npm run dev -- --src site'],
    ['site', false, 'inkstone dev --src site'],
    ['my notes', false, 'inkstone dev --src "my notes"'],
  ] as const)('previewing --src %s (npm: %s) is %s', (src, viaNpm, command) => {
    expect(previewCommand(src, viaNpm, cwd)).toBe(command);
  });

  it('counts in words', () => {
    expect([plural(0, 'post'), plural(1, 'post'), plural(2, 'page')]).toEqual(['0 posts', '1 post', '2 pages']);
  });
});
