/**
 * Old URLs that keep working: jekyll-redirect-from's `redirect_from:` (pages written at the old
 * paths, pointing to the document) and `redirect_to:` (the document's own page points elsewhere),
 * and, for Jekyll posts whose date Jekyll read differently, a redirect from the URL Jekyll gave
 * them. Each redirect page is jekyll-redirect-from's: a meta refresh, a canonical link, a script
 * and a visible link; none is listed in the sitemap.
 */
import { outputPathForUrl } from '../content/permalink.js';
import type { Document, Post } from '../site/model.js';
import { absoluteUrl, isExternal, type UrlSettings } from '../urls.js';
import { escapeXml } from './xml.js';

/** A redirect page to write. */
export interface Redirect {
  /** Output path of the redirect page. */
  path: string;
  /** Where it sends readers (absolute URL). */
  to: string;
  /** The document that asked for it, for messages. */
  source: string;
}

/** The HTML of a page that sends readers to `to` (jekyll-redirect-from's shape). */
export function redirectHtml(to: string): string {
  const url = escapeXml(to);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-US">',
    '<meta charset="utf-8">',
    '<title>Redirecting&hellip;</title>',
    `<link rel="canonical" href="${url}">`,
    `<script>location=${JSON.stringify(to).replace(/</g, '\\u003c')}</script>`,
    `<meta http-equiv="refresh" content="0; url=${url}">`,
    '<meta name="robots" content="noindex">',
    '<h1>Redirecting&hellip;</h1>',
    `<a href="${url}">Click here if you are not redirected.</a>`,
    '</html>',
    '',
  ].join('\n');
}

/** `redirect_from:` as a list of site paths (a string or a list of strings). */
export function redirectFromOf(data: Record<string, unknown>): string[] {
  const value = data.redirect_from;
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return list.map((p) => (p.startsWith('/') ? p : `/${p}`));
}

/** `redirect_to:` as an absolute URL, if the document has one. */
export function redirectToOf(data: Record<string, unknown>, settings: UrlSettings): string | undefined {
  const value = Array.isArray(data.redirect_to) ? data.redirect_to[0] : data.redirect_to;
  if (typeof value !== 'string' || !value) return undefined;
  return isExternal(value) ? value : absoluteUrl(value, settings);
}

/** Every redirect the site's documents ask for, and the URLs Jekyll gave shifted posts. */
export function redirectsOf(documents: readonly (Document | Post)[], settings: UrlSettings): Redirect[] {
  const redirects: Redirect[] = [];
  for (const doc of documents) {
    const to = absoluteUrl(doc.url, settings);
    for (const from of redirectFromOf(doc.data)) redirects.push({ path: outputPathForUrl(from), to, source: doc.source });
    if ('jekyllUrl' in doc && doc.jekyllUrl) redirects.push({ path: outputPathForUrl(doc.jekyllUrl), to, source: doc.source });
  }
  return redirects;
}
