import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFiles } from '../helpers/site.js';
import { fixtureEngine, render } from './engine-fixture.js';

describe('{% include %}', () => {
  it('passes key=value parameters as include.*', async () => {
    const { engine } = await fixtureEngine();
    const scope = { page: { title: '注意事项' } };
    expect(await render(engine, '{% include note.html type="warning" content=page.title %}', scope)).toBe('<div class="note note-warning">注意事项</div>');
    expect(await render(engine, "{% include note.html content='单引号' %}", scope)).toBe('<div class="note note-info">单引号</div>');
    expect(await render(engine, '{% include note.html %}', scope)).toBe('<div class="note note-info"></div>');
  });

  it('finds files in subfolders, in the theme’s includes, and by a name built with Liquid', async () => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, '{% include nested/deep.html n=3 %}')).toBe('deep 3');
    expect(await render(engine, '{% include footer.html %}', { site: { title: '笔记' } })).toBe('<footer>笔记</footer>');
    expect(await render(engine, '{% include {{ which }}.html %}', { which: 'three' })).toBe('one\ntwo\nthree\n');
  });

  it('names the missing file, the folders and a close match', async () => {
    const { engine } = await fixtureEngine();
    await expect(render(engine, '{% include notes.html %}')).rejects.toThrow(
      'include: no file "notes.html" in _includes, theme/_includes (did you mean "note.html"?)',
    );
  });

  it('refuses names with .. as Jekyll does', async () => {
    const { engine } = await fixtureEngine();
    expect(() => engine.parse('{% include ../secret.txt %}')).toThrow(/include: "..\/secret.txt" is not allowed/);
  });
});

describe('{% include_relative %}', () => {
  it('reads a file next to the page (page.path), with include.* parameters and Liquid', async () => {
    const { engine } = await fixtureEngine();
    const page = { path: 'notes/index.md', title: '速查' };
    expect(await render(engine, '{% include_relative snippet.md who="李雷" %}', { page })).toBe('- 第一条 李雷\n- 速查');
    expect(await render(engine, '{% include_relative sub/more.md %}', { page })).toBe('more');
  });

  it('resolves against the site root when the page has no path', async () => {
    const { engine } = await fixtureEngine();
    expect(await render(engine, '{% include_relative notes/sub/more.md %}')).toBe('more');
  });

  it('re-reads a file that changed', async () => {
    const { engine, root } = await fixtureEngine();
    const page = { path: 'notes/index.md' };
    expect(await render(engine, '{% include_relative sub/more.md %}', { page })).toBe('more');
    await writeFiles(root, { 'notes/sub/more.md': 'changed' });
    expect(await render(engine, '{% include_relative sub/more.md %}', { page })).toBe('changed');
  });

  it('refuses to leave the page’s folder with ..', async () => {
    const { engine } = await fixtureEngine();
    const page = { path: 'notes/index.md' };
    await expect(render(engine, '{% include_relative ../secret.txt %}', { page })).rejects.toThrow('include_relative: "../secret.txt" is not allowed');
    await expect(render(engine, '{% include_relative ../../../etc/passwd %}', { page })).rejects.toThrow(/not allowed/);
  });

  it('treats a leading / as the page’s folder and never reads outside the site', async () => {
    const { engine } = await fixtureEngine();
    await expect(render(engine, '{% include_relative /etc/passwd %}', { page: { path: 'notes/index.md' } })).rejects.toThrow(
      'include_relative: no file "/etc/passwd" in notes/ (next to notes/index.md)',
    );
  });

  it('refuses a symlink that points outside the site', async () => {
    const { engine, root } = await fixtureEngine();
    const outside = await fixtureEngine();
    await symlink(path.join(outside.root, 'secret.txt'), path.join(root, 'notes/link.txt'));
    await expect(render(engine, '{% include_relative link.txt %}', { page: { path: 'notes/index.md' } })).rejects.toThrow(
      'include_relative: "link.txt" is outside the site',
    );
  });

  it('names a missing file and where it looked', async () => {
    const { engine } = await fixtureEngine();
    await expect(render(engine, '{% include_relative nope.md %}', { page: { path: 'notes/index.md' } })).rejects.toThrow(
      'include_relative: no file "nope.md" in notes/ (next to notes/index.md)',
    );
  });
});
