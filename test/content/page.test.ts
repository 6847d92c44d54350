import { describe, expect, it } from 'vitest';
import { buildPage, pageFormat, pageUrl } from '../../src/content/page.js';

describe('pageUrl: Jekyll page URL rules', () => {
  it.each<[string, string | undefined, string, string]>([
    ['about.md', undefined, 'date', '/about.html'],
    ['about.md', undefined, 'pretty', '/about/'],
    ['about.md', undefined, '/:year/:title/', '/about/'],
    ['about.md', '/about/', 'date', '/about/'],
    ['index.md', undefined, 'date', '/'],
    ['index.html', undefined, 'pretty', '/'],
    ['notes/index.md', undefined, 'date', '/notes/'],
    ['notes/cheat.markdown', undefined, 'date', '/notes/cheat.html'],
    ['404.html', undefined, 'pretty', '/404/'],
    ['404.html', '/404.html', 'pretty', '/404.html'],
    ['feed.xml', undefined, 'pretty', '/feed.xml'],
    ['assets/main.scss', undefined, 'date', '/assets/main.css'],
    ['docs/a.md', '/:path/:basename:output_ext', 'date', '/docs/a.html'],
    ['关于.md', undefined, 'date', '/关于.html'],
  ])('%s (permalink %s, site %s) → %s', (rel, permalink, style, url) => {
    expect(pageUrl(rel, permalink, style)).toBe(url);
  });

  it.each([
    ['a.md', 'markdown'],
    ['a.markdown', 'markdown'],
    ['a.html', 'html'],
    ['a.scss', 'sass'],
    ['a.sass', 'sass'],
    ['feed.xml', 'text'],
  ] as const)('%s is %s', (rel, format) => {
    expect(pageFormat(rel)).toBe(format);
  });
});

describe('buildPage', () => {
  const page = (relPath: string, text: string, defaults = []) => buildPage({ path: relPath, relPath, text, mtimeMs: 0 }, { permalink: 'date', defaults });

  it('reads front matter, URL, output path and the layout GitHub Pages would give it', () => {
    const { page: about, diagnostics } = page('about.md', '---\ntitle: 关于\npermalink: /about/\n---\n正文\n');
    expect(diagnostics).toEqual([]);
    expect(about).toMatchObject({
      source: 'about.md',
      url: '/about/',
      outputPath: 'about/index.html',
      layout: 'page',
      format: 'markdown',
      title: '关于',
      body: '正文\n',
      bodyLine: 5,
      liquid: 'all',
    });
    expect(page('index.md', '---\n---\n').page).toMatchObject({ layout: 'home', url: '/', outputPath: 'index.html' });
    expect(page('404.html', '---\n---\n<h1>404</h1>').page).toMatchObject({ layout: 'none', format: 'html', outputPath: '404.html' });
    expect(page('x.md', '---\nlayout: null\n---\n').page?.layout).toBe('none');
  });

  it('applies defaults under its own front matter', () => {
    const defaults = [{ path: 'notes', type: 'pages' as const, values: { layout: 'note', author: '韩梅梅' } }];
    expect(page('notes/index.md', '---\nauthor: 李雷\n---\n', defaults as never).page?.data).toEqual({ layout: 'note', author: '李雷' });
    expect(page('notes/index.md', '---\n---\n', defaults as never).page?.layout).toBe('note');
    expect(page('about.md', '---\n---\n', defaults as never).page?.layout).toBe('page');
  });

  it('turns off Liquid with render_with_liquid: false', () => {
    expect(page('a.md', '---\nrender_with_liquid: false\n---\n{{ x }}').page?.liquid).toBe('none');
  });

  it('reports a bad permalink at its line', () => {
    expect(page('a.md', '---\ntitle: x\npermalink: [1]\n---\n').diagnostics).toEqual([
      { file: 'a.md', line: 3, message: '"permalink" should be text, not a list', severity: 'error' },
    ]);
    expect(page('a.md', '---\npermalink: /../x/\n---\n').diagnostics[0]).toMatchObject({ line: 2, message: expect.stringContaining('refusing URL') });
  });
});
