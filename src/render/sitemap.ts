/** sitemap.xml per sitemaps.org, and robots.txt pointing at it. */
import { absoluteUrl, type UrlSettings } from '../urls.js';
import { escapeXml } from './xml.js';

/** A URL to list, with its last modification date (W3C datetime) when known. */
export interface SitemapEntry {
  url: string;
  lastmod?: string | undefined;
}

/** The sitemap document for these site paths. */
export function renderSitemap(site: UrlSettings, entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    lines.push('<url>', `<loc>${escapeXml(absoluteUrl(entry.url, site))}</loc>`);
    if (entry.lastmod) lines.push(`<lastmod>${entry.lastmod}</lastmod>`);
    lines.push('</url>');
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** robots.txt allowing everything and naming the sitemap. */
export function renderRobots(site: UrlSettings): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site)}\n`;
}
