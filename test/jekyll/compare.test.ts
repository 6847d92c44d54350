/**
 * inkstone against real Jekyll 4.3 on the same Jekyll + minima blog (test/fixtures/jekyll-blog): post and page URLs,
 * titles, heading ids, body text, code blocks, internal links, feed entry ids and sitemap URLs must match what Jekyll
 * builds — theme markup aside. Where inkstone differs on purpose, the difference is spelled out below and checked too:
 * - posts dated with a time but no offset (Jekyll reads them as UTC and moves them a day) keep their written date, and
 *   a redirect is written at the URL Jekyll gave them;
 * - relative links to post files (`./2020-01-01-some-drafts.md#内核抢占`) point at the post; Jekyll leaves them broken;
 * - kramdown's footnote markup and `{::comment}` differ (ids, backlink arrows, comments dropped).
 * Skipped when `jekyll` is not installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildReport, build } from '../../src/build.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { buildWithJekyll, DEFAULT_IGNORE_SELECTOR, jekyllAvailable, type PageSnapshot, type SiteSnapshot, snapshotSite } from '../helpers/jekyll.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/jekyll-blog');
const ORIGIN = 'https://example.github.io';
const BASE = '/notes';

/** Posts whose offset-less date Jekyll moves to the next day: Jekyll's URL → inkstone's. */
const SHIFTED: Record<string, string> = {
  '/kernel/mm/2020/05/21/oom-killer.html': '/kernel/mm/2020/05/20/oom-killer.html',
  '/shell/2020/12/01/bash-trap.html': '/shell/2020/11/30/bash-trap.html',
};
const ours = (url: string) => SHIFTED[url] ?? url;

/** The feed id / sitemap loc Jekyll writes for a site path, with inkstone's dates. */
const absolute = (sitePath: string) => `${ORIGIN}${BASE}${encodeURI(sitePath)}`;

let jekyllOut: string;
let inkstoneOut: string;
let report: BuildReport;
let jekyll: SiteSnapshot;
let inkstone: SiteSnapshot;

describe.skipIf(!jekyllAvailable())('a Jekyll + minima blog, built by inkstone and by Jekyll 4.3', () => {
  beforeAll(async () => {
    jekyllOut = await mkdtemp(path.join(tmpdir(), 'inkstone-vs-jekyll-j-'));
    inkstoneOut = await mkdtemp(path.join(tmpdir(), 'inkstone-vs-jekyll-i-'));
    [, report] = await Promise.all([
      buildWithJekyll(FIXTURE, jekyllOut, { baseurl: BASE }),
      build({ root: FIXTURE, outDir: inkstoneOut, baseurl: BASE, cache: false, workers: 0, now: Date.parse('2026-12-01T00:00:00Z') }),
    ]);
    jekyll = snapshotSite(jekyllOut, { baseurl: BASE, siteUrl: ORIGIN });
    inkstone = snapshotSite(inkstoneOut, {
      baseurl: BASE,
      siteUrl: ORIGIN,
      postSelector: 'article.post:has(.post-meta)',
      contentSelector: ['.post-content', '.page-content', 'main'],
      // The default theme's `#` self-links on headings are theme markup, not content.
      ignoreSelector: `${DEFAULT_IGNORE_SELECTOR}, a.anchor, .sr-only`,
    });
  }, 180_000);

  afterAll(async () => {
    await rm(jekyllOut, { recursive: true, force: true });
    await rm(inkstoneOut, { recursive: true, force: true });
  });

  it('builds, warning only about the theme, the shifted dates and the future post', () => {
    expect(report.ok, report.diagnostics.map(formatDiagnostic).join('\n')).toBe(true);
    expect(report.diagnostics.map((d) => [d.severity, d.file, d.line, d.message])).toEqual([
      [
        'warning',
        '_config.yml',
        14,
        'theme "minima": inkstone uses its own default theme for the layouts and includes your site does not have (home, page, post, default)',
      ],
      [
        'warning',
        '_posts/2020-05-20-oom-killer.md',
        3,
        'Jekyll published this at /kernel/mm/2020/05/21/oom-killer.html (it reads a time without an offset as UTC), now /kernel/mm/2020/05/20/oom-killer.html; a redirect is written',
      ],
      [
        'warning',
        '_posts/2020-11-30-bash-trap.md',
        3,
        'Jekyll published this at /shell/2020/12/01/bash-trap.html (it reads a time without an offset as UTC), now /shell/2020/11/30/bash-trap.html; a redirect is written',
      ],
      ['warning', '_posts/2099-01-01-io-uring-future.md', 1, 'skipped: dated in the future (2099-1-1); build with --future to include it'],
    ]);
  });

  it('publishes the same posts, at the same URLs (the shifted ones at their written date, redirected from Jekyll’s)', () => {
    expect(inkstone.posts).toEqual(jekyll.posts.map(ours).sort());
    for (const [theirs, mine] of Object.entries(SHIFTED)) {
      expect(inkstone.byUrl[theirs]?.redirectTo?.target ?? snapshotRedirect(theirs)).toBe(mine);
    }
  });

  it('builds the same pages', () => {
    const pages = inkstone.pages.filter((url) => !inkstone.byUrl[url]!.redirectTo && !isOwnListPage(url));
    expect(pages).toEqual(jekyll.pages);
  });

  it('gives every post the same title, heading ids, code blocks and text', () => {
    for (const url of jekyll.posts) {
      const a = jekyll.byUrl[url]!;
      const b = inkstone.byUrl[ours(url)]!;
      expect(postTitle(b), url).toBe(postTitle(a));
      expect(
        b.headingIds.filter((id) => !id.startsWith('markdown-toc')),
        url,
      ).toEqual(a.headingIds.filter((id) => !id.startsWith('markdown-toc')));
      expect(
        b.codeBlocks.map((c) => c.text),
        url,
      ).toEqual(a.codeBlocks.map((c) => c.text));
      expect(comparableText(b), url).toBe(comparableText(a));
    }
  });

  it('links to the same places (post file links resolved, which Jekyll leaves broken)', () => {
    for (const url of jekyll.posts) {
      // Footnote links differ by design (kramdown's `#fn:x`, GitHub's `#user-content-fn-x`).
      const footnote = (t: string) => /#(fn:|fnref:|user-content-fn)/.test(t);
      const theirs = jekyll.byUrl[url]!.internalLinks.map((l) => shiftTarget(l.target)).filter((t) => !footnote(t));
      const broken = theirs.filter((t) => /\.md(#|$)/.test(t)).length;
      const mine = inkstone.byUrl[ours(url)]!.internalLinks.map((l) => l.target).filter((t) => !footnote(t));
      // Every link Jekyll wrote is there; where Jekyll left a `.md` link broken, inkstone links to a post instead.
      const resolved = mine.filter((t) => !theirs.includes(t));
      expect(resolved.length, `${url}: ${resolved.join(', ')}`).toBe(broken);
      for (const t of resolved) expect(inkstone.posts, url).toContain(t.replace(/#.*$/, ''));
      expect(
        mine.filter((t) => theirs.includes(t)),
        url,
      ).toEqual(theirs.filter((t) => !/\.md(#|$)/.test(t)));
    }
  });

  it('keeps every feed entry id (so readers see no duplicates after the move), but for the shifted posts', () => {
    const shiftedIds = new Map(
      Object.entries(SHIFTED).map(([theirs, mine]) => [absolute(theirs.replace(/\.html$/, '')), absolute(mine.replace(/\.html$/, ''))]),
    );
    expect(inkstone.feedIds).toEqual(jekyll.feedIds.map((id) => shiftedIds.get(id) ?? id));
  });

  it('lists the same URLs in the sitemap', () => {
    const shifted = new Map(Object.entries(SHIFTED).map(([theirs, mine]) => [absolute(theirs), absolute(mine)]));
    const own = new Set(inkstone.pages.filter(isOwnListPage).map(absolute));
    expect(inkstone.sitemapLocs.filter((loc) => !own.has(loc))).toEqual(jekyll.sitemapLocs.map((loc) => shifted.get(loc) ?? loc).sort());
  });

  it('copies the same static files, and compiles the Sass', () => {
    const mine = new Set(inkstone.otherFiles);
    for (const file of jekyll.otherFiles) {
      if (file.endsWith('.map') || file === '/assets/minima-social-icons.svg') continue; // theme files of minima's
      expect(mine.has(file), file).toBe(true);
    }
  });
});

/** inkstone's own list pages, which a Jekyll site does not have (the default theme's categories and tags). */
function isOwnListPage(url: string): boolean {
  return /^\/(categories|tags|search)\//.test(url);
}

/** The redirect target of an inkstone page read directly (when snapshotSite listed it among pages). */
function snapshotRedirect(url: string): string | undefined {
  return inkstone.byUrl[url]?.redirectTo?.target;
}

/** The post's title as its page shows it (`h1`), which both themes put first in the content's article. */
function postTitle(page: PageSnapshot): string {
  return page.title.replace(/ [|·] 内核与 Shell 笔记$/, '');
}

/** Text with the known differences taken out: footnote backlinks, and the `{::comment}` Jekyll keeps as a comment. */
function comparableText(page: PageSnapshot): string {
  return page.text
    .replace(/\s*↩\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Maps Jekyll's URL of a shifted post to inkstone's in a link target. */
function shiftTarget(target: string): string {
  const [p, hash] = target.split('#');
  return ours(p!) + (hash === undefined ? '' : `#${hash}`);
}
