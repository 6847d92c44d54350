/** The small pure pieces of `inkstone dev`: terminal lines, reload messages, trigger labels, script injection. */
import { describe, expect, it } from 'vitest';
import type { RebuildPlan } from '../../src/dev/batcher.js';
import type { RebuildResult } from '../../src/dev/session.js';
import { describeChanges, summaryLine, triggerLabel } from '../../src/dev/summary.js';

const result = (over: Partial<RebuildResult>): RebuildResult => ({
  ok: true,
  mode: 'fast',
  needsCheck: false,
  diagnostics: [],
  written: [],
  removed: [],
  rendered: 0,
  linksChecked: 0,
  full: false,
  posts: 4,
  pages: 24,
  durationMs: 17.6,
  finishedAt: 0,
  skipped: [],
  outDir: '/site/public',
  ...over,
});

const plan = (files: [string, RebuildPlan['files'] extends Map<string, infer V> ? V : never][]): RebuildPlan => ({
  files: new Map(files),
  config: false,
  layouts: false,
  posts: true,
  check: false,
});

describe('terminal lines', () => {
  it('names pages and lists', () => {
    const r = result({
      written: [
        { path: 'basic/2020/01/01/some-drafts.html', kind: 'post' },
        { path: 'index.html', kind: 'list' },
        { path: 'archive/index.html', kind: 'list' },
        { path: 'feed.xml', kind: 'raw' },
      ],
    });
    expect(summaryLine('posts/2020-01-01-some-drafts.md', r)).toBe('posts/2020-01-01-some-drafts.md → 1 page + 3 lists in 18 ms');
  });

  it('counts removals and assets, and says when nothing changed', () => {
    expect(describeChanges(result({ removed: [{ path: 'a.html', kind: 'post' }], written: [{ path: 'index.html', kind: 'list' }] }))).toBe('1 list, 1 removed');
    expect(describeChanges(result({ written: [{ path: 'assets/style.css', kind: 'asset' }] }))).toBe('1 asset');
    expect(describeChanges(result({}))).toBe('no pages changed');
    expect(describeChanges(result({ full: true, pages: 24 }))).toBe('full rebuild, 24 pages');
  });

  it('says how many errors and that the last good pages stay', () => {
    const r = result({ ok: false, diagnostics: [{ file: 'posts/a.md', line: 2, message: 'x', severity: 'error' }] });
    expect(summaryLine('posts/a.md', r)).toBe('posts/a.md → 1 error in 18 ms; still serving the last good pages');
  });

  it('labels the trigger by the first changed file, the config first', () => {
    expect(triggerLabel('/site', plan([['/site/posts/a.md', { event: 'change', kind: 'post' }]]))).toBe('posts/a.md');
    expect(triggerLabel('/site', plan([['/site/posts/a.md', { event: 'unlink', kind: 'post' }]]))).toBe('posts/a.md (removed)');
    expect(
      triggerLabel(
        '/site',
        plan([
          ['/site/posts/a.md', { event: 'change', kind: 'post' }],
          ['/site/_config.yml', { event: 'change', kind: 'config' }],
          ['/site/posts/b.md', { event: 'change', kind: 'post' }],
        ]),
      ),
    ).toBe('_config.yml and 2 more');
  });
});
