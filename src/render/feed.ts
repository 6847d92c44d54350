/** Atom feed in jekyll-feed's shape: newest posts, full content, absolute URLs, dates with their own offset. */
import { type PostDate, toIsoString } from '../content/dates.js';
import type { Post } from '../site/model.js';
import { absoluteUrl, type UrlSettings } from '../urls.js';
import { escapeXml, stripInvalidXmlChars } from './xml.js';

/** What the feed says about the site. */
export interface FeedSite extends UrlSettings {
  title: string;
  description: string;
  author: string;
  /** Where the feed itself lives (`/feed.xml`). */
  feedPath: string;
}

/** A post with its rendered HTML. */
export interface FeedEntry {
  post: Post;
  html: string;
  excerptHtml: string;
  /** The entry's `<id>` as jekyll-feed writes it: the post's id (its URL without `.html`), made absolute. */
  id?: string;
  /** `<updated>`: `last_modified_at` when the post has one, else its date. */
  updated?: PostDate;
}

const text = (s: string) => escapeXml(stripInvalidXmlChars(s));

/** The Atom document for the newest `limit` entries (entries arrive newest first). */
export function renderFeed(site: FeedSite, entries: readonly FeedEntry[], limit: number, generatedAt: string): string {
  const home = absoluteUrl('/', site);
  const self = absoluteUrl(site.feedPath, site);
  const newest = entries.slice(0, limit);
  const dates = newest.map((e) => e.updated ?? e.post.date);
  const latest = dates.reduce<PostDate | undefined>((a, d) => (a && a.epochMs >= d.epochMs ? a : d), undefined);
  const updated = latest ? toIsoString(latest) : generatedAt;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<generator uri="https://github.com/inkstone">inkstone</generator>`,
    `<link href="${text(self)}" rel="self" type="application/atom+xml"/>`,
    `<link href="${text(home)}" rel="alternate" type="text/html"/>`,
    `<updated>${updated}</updated>`,
    `<id>${text(self)}</id>`,
    // Titles are plain text: with type="html" a title like `<stdio.h>` would be read as markup.
    `<title type="text">${text(site.title)}</title>`,
  ];
  if (site.description) lines.push(`<subtitle>${text(site.description)}</subtitle>`);
  if (site.author) lines.push(`<author><name>${text(site.author)}</name></author>`);
  for (const { post, html, excerptHtml, id, updated: entryUpdated } of newest) {
    const url = absoluteUrl(post.url, site);
    lines.push(
      '<entry>',
      `<title type="text">${text(post.title)}</title>`,
      `<link href="${text(url)}" rel="alternate" type="text/html" title="${text(post.title)}"/>`,
      `<published>${toIsoString(post.date)}</published>`,
      `<updated>${toIsoString(entryUpdated ?? post.date)}</updated>`,
      `<id>${text(id ?? url)}</id>`,
      `<content type="html" xml:base="${text(url)}">${text(html)}</content>`,
      ...post.categories.map((c) => `<category term="${text(c)}"/>`),
      ...post.tags.map((t) => `<category term="${text(t)}"/>`),
      excerptHtml ? `<summary type="html">${text(excerptHtml)}</summary>` : '',
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
