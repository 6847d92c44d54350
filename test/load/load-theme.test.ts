import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTheme } from '../../src/load/load-theme.js';

const SETTINGS = { url: 'https://example.org', baseurl: '/blog' };

/** Writes `{relative path: content}` into a fresh temp folder and returns it. */
async function tempTree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-templates-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

/** A site with `layouts/` (the site's own) and `theme/` (standing in for the built-in theme). */
async function loadSite(files: Record<string, string>, settings = SETTINGS) {
  const root = await tempTree(files);
  const dirs = [path.join(root, 'layouts'), path.join(root, 'theme')];
  return { root, ...(await loadTheme(root, dirs, settings)) };
}

describe('loadTheme errors', () => {
  it('names the file of a layout whose parent does not exist', async () => {
    const { errors } = await loadSite({ 'layouts/orphan.html': '---\nlayout: ghost\n---\n{{ content }}' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'layouts/orphan.html', line: 2, severity: 'error' });
    expect(errors[0]!.message).toMatch(/^layout "ghost" does not exist/);
  });

  it('reports a layout loop', async () => {
    const { errors } = await loadSite({
      'layouts/a.html': '---\nlayout: b\n---\n{{ content }}',
      'layouts/b.html': '---\nlayout: c\n---\n{{ content }}',
      'layouts/c.html': '---\nlayout: a\n---\n{{ content }}',
      'layouts/self.html': '---\nlayout: self\n---\n{{ content }}',
    });
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ['layouts/a.html', 'layouts form a loop: a → b → c → a'],
      ['layouts/b.html', 'layouts form a loop: b → c → a → b'],
      ['layouts/c.html', 'layouts form a loop: c → a → b → c'],
      ['layouts/self.html', 'layouts form a loop: self → self'],
    ]);
  });

  it.each([
    ['no front matter', '<p>one</p>\n<p>two</p>\n{% if %}\n', 3],
    ['three lines of front matter', '---\nlayout: default\ntitle: x\n---\n<p>5</p>\n<p>6 {% if %}</p>\n', 6],
    ['an unclosed tag', '---\nlayout: default\n---\nline 4\nline 5\n{% for x in y %}\nline 7\n', 6],
    ['an unknown tag', '---\n---\n\n\n{% frobnicate %}\n', 5],
  ])('reports a Liquid syntax error with the file line (%s)', async (_name, source, line) => {
    const { errors } = await loadSite({ 'theme/default.html': '{{ content }}', 'layouts/bad.html': source });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'layouts/bad.html', line, severity: 'error' });
    expect(errors[0]!.message).toMatch(/^Liquid syntax error: /);
    // One line, without liquidjs's absolute path and position suffix.
    expect(errors[0]!.message).not.toMatch(/\n|file:|line:\d|col:\d/);
  });

  it('reports invalid front matter in a layout', async () => {
    const { errors, theme } = await loadSite({ 'layouts/fm.html': '---\nlayout: [unclosed\n---\nx' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'layouts/fm.html', severity: 'error' });
    expect(errors[0]!.message).toMatch(/^invalid front matter/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
    expect(theme.layouts.has('fm')).toBe(false);
  });

  it('reports a broken layout once, not again as a missing parent', async () => {
    const { errors } = await loadSite({
      'layouts/default.html': '{% if %}',
      'layouts/post.html': '---\nlayout: default\n---\n{{ content }}',
    });
    expect(errors.map((e) => e.file)).toEqual(['layouts/default.html']);
  });

  it('collects errors from every layout in one pass', async () => {
    const { errors } = await loadSite({
      'layouts/one.html': '{% if %}',
      'layouts/two.html': '---\nlayout: nowhere\n---\n',
      'theme/three.html': '{% endfor %}',
    });
    expect(errors.map((e) => e.file).sort()).toEqual(['layouts/one.html', 'layouts/two.html', 'theme/three.html']);
  });
});
