import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadTheme } from '../../src/load/load-theme.js';
import { layoutChain, renderWithLayout, TemplateError, usesSiteLists } from '../../src/render/liquid.js';
import { absoluteUrl, relativeUrl } from '../../src/urls.js';
import { all, attr, one, parseDocument, parseFragment, text } from '../helpers/html.js';

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

const scope = (page: Record<string, unknown> = {}, site: Record<string, unknown> = {}) => ({ page, site });

describe('relativeUrl', () => {
  it.each([
    ['/', '', '/'],
    ['/', '/blog', '/blog/'],
    ['', '/blog', '/blog/'],
    ['about/', '/blog', '/blog/about/'],
    ['/feed.xml', '/blog', '/blog/feed.xml'],
    ['/a b/', '/blog', '/blog/a%20b/'],
    ['/categories/内核/', '', '/categories/%E5%86%85%E6%A0%B8/'],
    ['/categories/内核/', '/博客', '/%E5%8D%9A%E5%AE%A2/categories/%E5%86%85%E6%A0%B8/'],
    ['/tags/c++/', '', '/tags/c++/'],
    ['/a%20b/', '', '/a%20b/'],
    ['/categories/%E5%86%85%E6%A0%B8/', '', '/categories/%E5%86%85%E6%A0%B8/'],
    ['/100%/', '', '/100%25/'],
    ['/a?x=1&y=2#frag', '', '/a?x=1&y=2#frag'],
    ['/e\u0301t\u00e9/', '', '/%C3%A9t%C3%A9/'],
    ['https://x.org/a b', '/blog', 'https://x.org/a b'],
    ['HTTP://X.ORG/', '/blog', 'HTTP://X.ORG/'],
    ['//cdn.example.com/a.js', '/blog', '//cdn.example.com/a.js'],
    ['mailto:me@example.org', '/blog', 'mailto:me@example.org'],
    [undefined, '/blog', '/blog/'],
    [null, '', '/'],
    [2020, '', '/2020'],
  ])('%j with baseurl %j → %j', (input, baseurl, expected) => {
    expect(relativeUrl(input, baseurl)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/', SETTINGS, 'https://example.org/blog/'],
    ['/2020/01/01/x.html', SETTINGS, 'https://example.org/blog/2020/01/01/x.html'],
    ['/categories/内核/', { url: 'https://example.org', baseurl: '' }, 'https://example.org/categories/%E5%86%85%E6%A0%B8/'],
    ['https://other.org/x', SETTINGS, 'https://other.org/x'],
    ['//cdn.example.com/a.js', SETTINGS, '//cdn.example.com/a.js'],
    ['/x/', { url: '', baseurl: '/blog' }, '/blog/x/'],
  ])('%j with %j → %j', (input, settings, expected) => {
    expect(absoluteUrl(input, settings)).toBe(expected);
  });
});

describe('loadTheme and renderWithLayout', () => {
  it('chains post → default, passing content, page and site', async () => {
    const { theme, errors } = await loadSite({
      'theme/default.html':
        '<!doctype html><html lang="{{ site.lang }}"><head><title>{{ page.title | escape }}</title></head><body><main>{{ content }}</main></body></html>',
      'theme/post.html': '---\nlayout: default\n---\n<article><h1>{{ page.title | escape }}</h1>{{ content }}</article>',
    });
    expect(errors).toEqual([]);
    expect(layoutChain(theme, 'post').map((l) => l.name)).toEqual(['post', 'default']);
    const html = await renderWithLayout(theme, 'post', '<p>正文</p>', scope({ title: '标题 <1>' }, { lang: 'zh-CN' }));
    const doc = parseDocument(html);
    expect(attr(one(doc, 'html'), 'lang')).toBe('zh-CN');
    expect(text(one(doc, 'title'))).toBe('标题 <1>');
    expect(text(one(doc, 'main > article > h1'))).toBe('标题 <1>');
    expect(text(one(doc, 'main > article > p'))).toBe('正文');
  });

  it('records where each layout’s template starts in its file', async () => {
    const { theme } = await loadSite({
      'theme/default.html': '{{ content }}',
      'theme/post.html': '---\nlayout: default\ntitle: x\n---\n{{ content }}',
    });
    expect(theme.layouts.get('default')).toMatchObject({ name: 'default', file: 'theme/default.html', parent: undefined, line: 1 });
    expect(theme.layouts.get('post')).toMatchObject({ name: 'post', file: 'theme/post.html', parent: 'default', line: 5, source: '{{ content }}' });
  });

  it('applies relative_url and absolute_url with the site’s url and baseurl', async () => {
    const { theme } = await loadSite({
      'layouts/links.html':
        '<a id="r" href="{{ page.url | relative_url }}">r</a><a id="a" href="{{ page.url | absolute_url }}">a</a><a id="f" href="{{ "/feed.xml" | relative_url }}">f</a>',
    });
    const root = parseFragment(await renderWithLayout(theme, 'links', '', scope({ url: '/categories/内核/' })));
    expect(attr(one(root, '#r'), 'href')).toBe('/blog/categories/%E5%86%85%E6%A0%B8/');
    expect(attr(one(root, '#a'), 'href')).toBe('https://example.org/blog/categories/%E5%86%85%E6%A0%B8/');
    expect(attr(one(root, '#f'), 'href')).toBe('/blog/feed.xml');
  });

  it('renders a layout that waits on the site (highlight, markdownify) as one that does not', async () => {
    const root = await tempTree({
      '_layouts/plain.html': '<p id="n">{% increment n %}{% increment n %}</p><p id="t">{{ page.title | upcase }}</p>',
      '_layouts/waits.html':
        '<p id="n">{% increment n %}{% increment n %}</p><div id="md">{{ page.note | markdownify }}</div>{% highlight c %}int x;{% endhighlight %}',
      '_posts/2020-01-01-a.md': '---\ntitle: abc\nlayout: plain\n---\nA\n',
      '_posts/2020-01-02-b.md': '---\ntitle: b\nlayout: waits\nnote: "*强调*"\n---\nB\n',
      '_posts/2020-01-03-c.md': '---\ntitle: c\nlayout: waits\nnote: "*再次*"\n---\nC\n',
    });
    const report = await build({ root, workers: 0, cache: false });
    expect(report.diagnostics).toEqual([]);
    const plain = parseFragment(await readFile(path.join(root, 'public/2020/01/01/a.html'), 'utf8'));
    expect([text(one(plain, '#n')), text(one(plain, '#t'))]).toEqual(['01', 'ABC']);
    for (const [file, note] of [
      ['2020/01/02/b.html', '强调'],
      ['2020/01/03/c.html', '再次'],
    ] as const) {
      const waits = parseFragment(await readFile(path.join(root, 'public', file), 'utf8'));
      // The counter starts again from 0: the synchronous attempt that stopped at markdownify left no trace.
      expect(text(one(waits, '#n'))).toBe('01');
      expect(text(one(waits, '#md em'))).toBe(note);
      expect(text(one(waits, 'figure.highlight pre code'))).toBe('int x;');
    }
  });

  it('includes from _includes with Jekyll-style parameters', async () => {
    const { theme, errors } = await loadSite({
      'layouts/card-page.html': '<section>{% include card.html title=page.title count=3 %}{% include card.html title="literal" count=page.n %}</section>',
      'layouts/_includes/card.html': '<div class="card" data-count="{{ include.count }}">{{ include.title | escape }}</div>',
    });
    expect(errors).toEqual([]);
    const root = parseFragment(await renderWithLayout(theme, 'card-page', '', scope({ title: '<b>x</b>', n: 7 })));
    const cards = all(root, 'section > div.card');
    expect(cards.map(text)).toEqual(['<b>x</b>', 'literal']);
    expect(cards.map((c) => attr(c, 'dataCount'))).toEqual(['3', '7']);
    expect(all(root, 'b')).toEqual([]);
  });

  it('lets the site’s layouts and includes override the built-in ones', async () => {
    const { theme, errors } = await loadSite({
      'theme/default.html': '<div id="theme-default">{{ content }}{% include footer.html %}</div>',
      'theme/post.html': '---\nlayout: default\n---\n<article id="theme-post">{{ content }}</article>',
      'theme/_includes/footer.html': '<footer id="theme-footer"></footer>',
      'layouts/default.html': '<div id="site-default">{{ content }}{% include footer.html %}</div>',
      'layouts/_includes/footer.html': '<footer id="site-footer"></footer>',
    });
    expect(errors).toEqual([]);
    expect(theme.layouts.get('default')!.file).toBe('layouts/default.html');
    expect(theme.layouts.get('post')!.file).toBe('theme/post.html');
    const root = parseFragment(await renderWithLayout(theme, 'post', '<p>x</p>', scope()));
    expect(all(root, '[id]').map((el) => attr(el, 'id'))).toEqual(['site-default', 'theme-post', 'site-footer']);
  });

  it('falls back to the built-in include when the site has none', async () => {
    const { theme } = await loadSite({
      'layouts/default.html': '<div>{% include footer.html %}</div>',
      'theme/_includes/footer.html': '<footer id="theme-footer"></footer>',
    });
    const root = parseFragment(await renderWithLayout(theme, 'default', '', scope()));
    expect(all(root, 'footer').map((el) => attr(el, 'id'))).toEqual(['theme-footer']);
  });

  it('returns the content as is for layout none or no layout', async () => {
    const { theme } = await loadSite({ 'theme/default.html': '<main>{{ content }}</main>' });
    expect(await renderWithLayout(theme, 'none', '<p>raw</p>', scope())).toBe('<p>raw</p>');
    expect(await renderWithLayout(theme, '', '<p>raw</p>', scope())).toBe('<p>raw</p>');
  });

  it('stops a chain at a layout whose front matter says layout: none', async () => {
    const { theme, errors } = await loadSite({
      'theme/default.html': '<main>{{ content }}</main>',
      'theme/bare.html': '---\nlayout: none\n---\n<pre>{{ content }}</pre>',
    });
    expect(errors).toEqual([]);
    expect(layoutChain(theme, 'bare').map((l) => l.name)).toEqual(['bare']);
    expect(await renderWithLayout(theme, 'bare', 'x', scope())).toBe('<pre>x</pre>');
  });

  it('throws a TemplateError for an unknown layout', async () => {
    const { theme } = await loadSite({ 'theme/default.html': '{{ content }}' });
    await expect(renderWithLayout(theme, 'nosuch', '', scope())).rejects.toThrow(TemplateError);
    await expect(renderWithLayout(theme, 'nosuch', '', scope())).rejects.toThrow(/layout "nosuch" does not exist/);
  });

  it('loads nothing, without errors, from folders that do not exist', async () => {
    const { theme, errors } = await loadSite({});
    expect(errors).toEqual([]);
    expect(theme.layouts.size).toBe(0);
  });
});

describe('runtime errors', () => {
  it('throw a TemplateError with the layout file and line', async () => {
    const { theme, errors } = await loadSite({
      'theme/default.html': '<main>{{ content }}</main>',
      'layouts/page.html': '---\nlayout: default\ntitle: t\n---\n<p>line 5</p>\n<p>line 6</p>\n{% include missing.html %}\n',
    });
    expect(errors).toEqual([]);
    const thrown = await renderWithLayout(theme, 'page', '', scope()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(TemplateError);
    const error = thrown as TemplateError;
    expect(error.file).toBe('layouts/page.html');
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/^Liquid error in layout "page": .*missing\.html/);
    expect(error.message).not.toMatch(/\n/);
  });

  it('name the outer layout when the error is there', async () => {
    const { theme } = await loadSite({
      'theme/default.html': '<main>\n{{ content }}\n{% include nope.html %}</main>',
      'theme/post.html': '---\nlayout: default\n---\n{{ content }}',
    });
    const error = (await renderWithLayout(theme, 'post', 'x', scope()).catch((e: unknown) => e)) as TemplateError;
    expect(error).toBeInstanceOf(TemplateError);
    expect([error.file, error.line]).toEqual(['theme/default.html', 3]);
  });
});

describe('usesSiteLists', () => {
  it.each([
    ['{% for p in site.posts %}{{ p.title }}{% endfor %}', true],
    ['{{ site.categories | size }}', true],
    ['{{ site.tags.size }}', true],
    ['{% include post-list.html %}', true],
    ['{%- include post-list.html -%}', true],
    ['{{ site.title }} {{ page.posts }}', false],
    ['{{ content }}', false],
  ])('%j → %s', async (source, expected) => {
    const { theme, errors } = await loadSite({ 'layouts/x.html': source, 'layouts/_includes/post-list.html': '' });
    expect(errors).toEqual([]);
    expect(usesSiteLists(theme, 'x')).toBe(expected);
  });

  it('looks at the whole chain', async () => {
    const { theme } = await loadSite({
      'layouts/default.html': '<nav>{% for c in site.categories %}{{ c.name }}{% endfor %}</nav>{{ content }}',
      'layouts/post.html': '---\nlayout: default\n---\n{{ content }}',
      'layouts/bare.html': '{{ content }}',
    });
    expect(usesSiteLists(theme, 'post')).toBe(true);
    expect(usesSiteLists(theme, 'bare')).toBe(false);
    expect(usesSiteLists(theme, 'nosuch')).toBe(false);
  });
});
