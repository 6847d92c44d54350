/** What the dev loop prints about the site's problems: each once per change of state. */
import { describe, expect, it } from 'vitest';
import type { DevDiagnostic } from '../../src/dev/link-index.js';
import { ShownDiagnostics, subjectOf } from '../../src/dev/shown-diagnostics.js';

const anchor = (line: number): DevDiagnostic => ({
  file: 'posts/x.md',
  line,
  message: 'link to "#内核抢战": no heading with id "内核抢战" on this page (did you mean "#内核抢占"?)',
  severity: 'warning',
});
const missing: DevDiagnostic = { file: 'posts/y.md', line: 3, message: 'link to "/a.html": no page at /a.html', severity: 'warning' };
const broken: DevDiagnostic = { file: 'posts/x.md', line: 2, message: 'invalid front matter: bad indentation', severity: 'error' };
const liquid: DevDiagnostic = { file: 'layouts/post.html', line: 28, message: 'Liquid syntax error: invalid value expression: ""', severity: 'error' };
const ANCHOR_LINE = 'posts/x.md:12: warning: link to "#内核抢战": no heading with id "内核抢战" on this page (did you mean "#内核抢占"?)';

describe('ShownDiagnostics', () => {
  it('prints a warning when it appears, never while it stands, and "resolved:" when it goes', () => {
    const shown = new ShownDiagnostics();
    expect(shown.update(true, [anchor(12)]).lines).toEqual([ANCHOR_LINE]);
    expect(shown.update(true, [anchor(12)]).lines).toEqual([]);
    expect(shown.update(true, [anchor(12), missing]).lines).toEqual(['posts/y.md:3: warning: link to "/a.html": no page at /a.html']);
    expect(shown.update(true, [missing]).lines).toEqual(['resolved: posts/x.md:12: link to "#内核抢战"']);
    expect(shown.update(true, []).lines).toEqual(['resolved: posts/y.md:3: link to "/a.html"']);
    expect(shown.update(true, [anchor(12)]).lines).toEqual([ANCHOR_LINE]);
  });

  it('takes a warning whose line moved for the same one', () => {
    const shown = new ShownDiagnostics();
    shown.update(true, [anchor(12)]);
    expect(shown.update(true, [anchor(14)]).lines).toEqual([]);
    expect(shown.update(true, []).lines).toEqual(['resolved: posts/x.md:14: link to "#内核抢战"']);
  });

  it('counts the same warning twice in one file', () => {
    const shown = new ShownDiagnostics();
    shown.update(true, [anchor(12), anchor(20)]);
    expect(shown.update(true, [anchor(20)]).lines).toEqual(['resolved: posts/x.md:12: link to "#内核抢战"']);
    expect(shown.update(true, [anchor(20), anchor(30)]).lines).toEqual([ANCHOR_LINE.replace(':12:', ':30:')]);
  });

  it('knows a layout warning by its key while its "(on … more pages)" changes', () => {
    const shown = new ShownDiagnostics();
    const layout = (pages: number): DevDiagnostic => ({
      file: 'layouts/post.html',
      message: `link to "/about.html": no page at /about.html (on /a.html and ${pages} more pages)`,
      severity: 'warning',
      key: 'layouts/post.html\0link to "/about.html": no page at /about.html',
    });
    expect(shown.update(true, [layout(4)]).lines).toEqual([
      'layouts/post.html: warning: link to "/about.html": no page at /about.html (on /a.html and 4 more pages)',
    ]);
    expect(shown.update(true, [layout(5)]).lines).toEqual([]);
    expect(shown.update(true, []).lines).toEqual(['resolved: layouts/post.html: link to "/about.html"']);
  });

  it('prints an error once while it stands, and again after a good build', () => {
    const shown = new ShownDiagnostics();
    expect(shown.update(false, [broken])).toEqual({ lines: ['posts/x.md:2: invalid front matter: bad indentation'], sameErrors: false });
    expect(shown.update(false, [broken])).toEqual({ lines: [], sameErrors: true });
    expect(shown.update(false, [broken, liquid])).toEqual({
      lines: ['layouts/post.html:28: Liquid syntax error: invalid value expression: ""'],
      sameErrors: false,
    });
    expect(shown.update(true, []).lines).toEqual([]);
    expect(shown.update(false, [broken]).lines).toEqual(['posts/x.md:2: invalid front matter: bad indentation']);
  });

  it('resolves nothing on a failed build (its warnings are not the whole site’s), but prints its new ones', () => {
    const shown = new ShownDiagnostics();
    shown.update(true, [anchor(12)]);
    expect(shown.update(false, [broken, missing]).lines).toEqual([
      'posts/x.md:2: invalid front matter: bad indentation',
      'posts/y.md:3: warning: link to "/a.html": no page at /a.html',
    ]);
    expect(shown.update(true, [anchor(12), missing]).lines).toEqual([]);
  });
});

describe('subjectOf', () => {
  it.each([
    ['link to "#内核抢战": no heading with id "内核抢战" on this page', 'link to "#内核抢战"'],
    ['image "./a.png": no file posts/a.png', 'image "./a.png"'],
    ['link to "/a": no page at /a (on /b.html)', 'link to "/a"'],
    ['unknown key "titel" (did you mean "title"?)', 'unknown key "titel" (did you mean "title"?)'],
    ['dated in the future; skipped', 'dated in the future; skipped'],
  ])('%s → %s', (message, subject) => {
    expect(subjectOf(message)).toBe(subject);
  });
});
