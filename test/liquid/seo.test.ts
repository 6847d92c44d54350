import { describe, expect, it } from 'vitest';
import { type SeoTools, seoData } from '../../src/liquid/seo.js';

/** Tools that format by trimming and make URLs absolute against one origin and base. */
const tools: SeoTools = {
  format: async (value) => (value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim()),
  absoluteUrl: (value) => `https://example.org/blog${value.startsWith('/') ? '' : '/'}${value}`,
  xmlschema: (value) => `xml(${String(value)})`,
  uriEscape: (value) => encodeURI(value),
};
const site = { title: '站点', description: '站点描述', author: '李雷', lang: 'zh-CN', url: 'https://example.org' };

describe('seoData', () => {
  it('titles a page "page | site" and a post as a BlogPosting with its dates', async () => {
    const data = await seoData('', { title: '文章', url: '/a.html', date: '2020-01-01T16:00:00+08:00' }, site, undefined, tools);
    expect(data).toMatchObject({
      show_title: true,
      title: '文章 | 站点',
      page_title: '文章',
      site_title: '站点',
      description: '站点描述',
      page_locale: 'zh_CN',
    });
    expect(data.json_ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      author: { '@type': 'Person', name: '李雷' },
      dateModified: 'xml(2020-01-01T16:00:00+08:00)',
      datePublished: 'xml(2020-01-01T16:00:00+08:00)',
      description: '站点描述',
      headline: '文章',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.org/blog/a.html' },
      url: 'https://example.org/blog/a.html',
    });
    expect(Object.keys(data.json_ld)).toEqual([...Object.keys(data.json_ld)].sort());
  });

  it('takes dateModified from last_modified_at and the description from the excerpt', async () => {
    const data = await seoData('', { url: '/p.html', title: 'P', excerpt: '摘要', last_modified_at: '2022-01-05T10:00:00+08:00' }, site, undefined, tools);
    expect(data.description).toBe('摘要');
    expect(data.json_ld).toMatchObject({ '@type': 'WebPage', dateModified: 'xml(2022-01-05T10:00:00+08:00)' });
    expect(data.json_ld).not.toHaveProperty('datePublished');
  });

  it.each([
    ['/', 'WebSite'],
    ['/index.html', 'WebSite'],
    ['/about/', 'WebSite'],
    ['/categories.html', 'WebPage'],
  ])('types %s as %s', async (url, type) => {
    expect((await seoData('', { url }, site, undefined, tools)).json_ld['@type']).toBe(type);
  });

  it('hides the title with title=false and prefixes later paginator pages', async () => {
    expect((await seoData('title=false', { title: 'x' }, site, undefined, tools)).show_title).toBe(false);
    expect((await seoData('', { url: '/page2/' }, site, { page: 2, total_pages: 5 }, tools)).title).toBe('Page 2 of 5 for 站点 | 站点描述');
  });

  it('reads an author hash, an image hash, a logo and sameAs links', async () => {
    const page = {
      url: '/',
      author: { name: 'Han', type: 'Organization', url: 'https://han.example' },
      image: { path: '/img/a b.png', width: 10, alt: 'Alt' },
    };
    const data = await seoData('', page, { ...site, logo: '/logo.png', social: { name: '社交名', links: ['https://github.com/x'] } }, undefined, tools);
    expect(data.author).toMatchObject({ name: 'Han', twitter: 'Han' });
    expect(data.image).toEqual({ path: 'https://example.org/blog/img/a%20b.png', width: 10, alt: 'Alt' });
    expect(data.json_ld).toMatchObject({
      author: { '@type': 'Organization', name: 'Han', url: 'https://han.example' },
      image: { width: 10, alt: 'Alt', url: 'https://example.org/blog/img/a%20b.png', '@type': 'imageObject' },
      name: '社交名',
      publisher: { '@type': 'Organization', logo: { '@type': 'ImageObject', url: 'https://example.org/blog/logo.png' }, name: 'Han' },
      sameAs: ['https://github.com/x'],
    });
  });

  it('looks a string author up in site.data.authors and drops an author of another type', async () => {
    const withData = { ...site, data: { authors: { 李雷: { twitter: '@lilei', url: 'https://li.example' } } } };
    expect((await seoData('', {}, withData, undefined, tools)).author).toEqual({ name: '李雷', twitter: 'lilei', url: 'https://li.example' });
    expect((await seoData('', { author: { name: 'X', type: 'Robot' } }, site, undefined, tools)).json_ld).not.toHaveProperty('author');
  });

  it('keeps an explicit canonical_url and turns /index.html into /', async () => {
    expect((await seoData('', { url: '/x/index.html' }, site, undefined, tools)).canonical_url).toBe('https://example.org/blog/x/');
    expect((await seoData('', { url: '/x/', canonical_url: 'https://elsewhere.org/x' }, site, undefined, tools)).canonical_url).toBe('https://elsewhere.org/x');
  });
});
