import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSass } from '../../src/render/sass.js';

async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-sass-'));
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  return root;
}

describe('compileSass', () => {
  it('compiles SCSS with partials from _sass/ and the file’s folder', async () => {
    const root = await site({ '_sass/custom.scss': '$c: #e8f4fd;\n.note { background: $c; }\n', 'assets/_local.scss': '.x { color: red; }\n' });
    const css = await compileSass('@import "custom";\n@import "local";\n', { root, source: 'assets/main.scss', bodyLine: 3 });
    expect(css).toContain('.note {\n  background: #e8f4fd;\n}');
    expect(css).toContain('.x {\n  color: red;\n}');
  });

  it('compiles the indented syntax by extension', async () => {
    const root = await site({});
    expect(await compileSass('.a\n  color: red\n', { root, source: 'a.sass', bodyLine: 1 })).toContain('.a {\n  color: red;\n}');
  });

  it('stands inkstone’s stylesheet in for minima’s', async () => {
    const root = await site({});
    expect(await compileSass('@import "minima";\n', { root, source: 'assets/main.scss', bodyLine: 3 })).toContain('.post-content');
  });

  it('reports errors at the file line, after front matter, or in the partial', async () => {
    const root = await site({ '_sass/bad.scss': '.a {\n  color: $nope;\n}\n' });
    await expect(compileSass('.a {\n  color: red\n  b: c;\n', { root, source: 'assets/main.scss', bodyLine: 3 })).rejects.toThrow(
      expect.objectContaining({ file: 'assets/main.scss', line: expect.any(Number), message: expect.stringMatching(/^Sass error: /) }),
    );
    await expect(compileSass('@import "bad";\n', { root, source: 'assets/main.scss', bodyLine: 3 })).rejects.toThrow(
      expect.objectContaining({ file: '_sass/bad.scss', line: 2 }),
    );
  });
});
