/** The small pure pieces of `inkstone dev`: terminal lines, reload messages, trigger labels, script injection. */
import { describe, expect, it } from 'vitest';
import { clientTag, injectClient } from '../../src/dev/client.js';
import { reloadMessage } from '../../src/dev/run.js';
import type { RebuildResult } from '../../src/dev/session.js';

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

describe('reload messages', () => {
  it('lists output paths and URLs with the baseurl, folders in both forms', () => {
    const r = result({
      written: [
        { path: '内核/a.html', kind: 'post' },
        { path: 'tags/c/index.html', kind: 'list' },
      ],
      removed: [{ path: 'old.html', kind: 'post' }],
    });
    expect(reloadMessage('/repo', r)).toEqual({
      paths: ['内核/a.html', 'tags/c/index.html', 'old.html'],
      urls: ['/repo/内核/a.html', '/repo/tags/c/index.html', '/repo/tags/c/', '/repo/old.html'],
      all: false,
    });
  });

  it('reloads every page for assets and settings', () => {
    expect(reloadMessage('', result({ written: [{ path: 'assets/style.css', kind: 'asset' }] })).all).toBe(true);
    expect(reloadMessage('', result({ written: [{ path: 'index.html', kind: 'list' }] }), true).all).toBe(true);
  });
});

describe('script injection', () => {
  it('goes before the last </body>', () => {
    expect(injectClient('<body><p>x</p></body></html>', 'a.html')).toBe(`<body><p>x</p>${clientTag('a.html', false)}</body></html>`);
    expect(injectClient('<BODY>a</Body >', 'a.html')).toBe(`<BODY>a${clientTag('a.html', false)}</Body >`);
    expect(injectClient('<pre>&lt;/body&gt;</pre></body>', 'a.html')).toBe(`<pre>&lt;/body&gt;</pre>${clientTag('a.html', false)}</body>`);
  });

  it('appends when there is no </body>', () => {
    expect(injectClient('<p>fragment</p>', 'x.html')).toBe(`<p>fragment</p>${clientTag('x.html', false)}`);
  });

  it('escapes the file name in the attribute', () => {
    expect(clientTag('a"b<c&.html', true)).toBe('<script src="/__inkstone/client.js" data-file="a&quot;b&lt;c&amp;.html" data-missing="1"></script>');
  });
});
