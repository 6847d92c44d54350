import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderRobots, renderSitemap } from '../../src/render/sitemap.js';

interface UrlSet {
  '@xmlns': string;
  url: { loc: string; lastmod?: string }[];
}

function parseSitemap(xml: string): UrlSet {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => name === 'url',
  }).parse(xml) as { '?xml': Record<string, string>; urlset: UrlSet };
  expect(parsed['?xml']).toEqual({ '@version': '1.0', '@encoding': 'UTF-8' });
  return { ...parsed.urlset, url: parsed.urlset.url ?? [] };
}

const SITE = { url: 'https://user.github.io', baseurl: '/notes' };

describe('renderSitemap', () => {
  it('lists every URL absolute, with lastmod when known', () => {
    const set = parseSitemap(
      renderSitemap(SITE, [
        { url: '/basic/2020/01/01/some-drafts.html', lastmod: '2020-01-01T16:00:00+08:00' },
        { url: '/' },
        { url: '/categories/内核/', lastmod: undefined },
        { url: '/archive/' },
      ]),
    );
    expect(set['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(set.url).toEqual([
      { loc: 'https://user.github.io/notes/basic/2020/01/01/some-drafts.html', lastmod: '2020-01-01T16:00:00+08:00' },
      { loc: 'https://user.github.io/notes/' },
      { loc: 'https://user.github.io/notes/categories/%E5%86%85%E6%A0%B8/' },
      { loc: 'https://user.github.io/notes/archive/' },
    ]);
  });

  it('escapes & in locations', () => {
    const xml = renderSitemap({ url: 'https://example.org', baseurl: '' }, [{ url: '/a&b/?x=1&y=2' }]);
    expect(parseSitemap(xml).url).toEqual([{ loc: 'https://example.org/a&b/?x=1&y=2' }]);
  });

  it.each([
    [{ url: 'https://example.org', baseurl: '' }, '/x/', 'https://example.org/x/'],
    [{ url: 'https://example.org', baseurl: '/repo' }, '/', 'https://example.org/repo/'],
    [{ url: 'https://example.org', baseurl: '/博客' }, '/a b.html', 'https://example.org/%E5%8D%9A%E5%AE%A2/a%20b.html'],
  ])('with %j, %j → %j', (site, url, loc) => {
    expect(parseSitemap(renderSitemap(site, [{ url }])).url).toEqual([{ loc }]);
  });

  it('is a valid empty urlset for no pages', () => {
    expect(parseSitemap(renderSitemap(SITE, [])).url).toEqual([]);
  });
});

describe('renderRobots', () => {
  it.each([
    [SITE, 'https://user.github.io/notes/sitemap.xml'],
    [{ url: 'https://example.org', baseurl: '' }, 'https://example.org/sitemap.xml'],
  ])('allows everything and names the sitemap (%j)', (site, sitemap) => {
    const lines = renderRobots(site).split('\n');
    expect(lines).toEqual(['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemap}`, '']);
  });
});
