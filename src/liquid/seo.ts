/**
 * What `{% seo %}` shows, computed as jekyll-seo-tag 2.8's drops compute it (`drop.rb`,
 * `author_drop.rb`, `image_drop.rb`, `json_ld_drop.rb`): titles, description, canonical URL, locale,
 * author, image and the JSON-LD object, from `page`, `site` and `paginator`.
 */
import { isHash, isNil, rubyToS } from './ruby.js';

type Data = Record<string, unknown>;

/** The functions seo data needs from the engine. */
export interface SeoTools {
  /** jekyll-seo-tag's `format_string`: markdownify, strip_html, normalize_whitespace, escape_once; undefined when empty. */
  format(value: unknown): Promise<string | undefined>;
  /** The `absolute_url` filter. */
  absoluteUrl(value: string): string;
  /** The `date_to_xmlschema` filter. */
  xmlschema(value: unknown): string;
  /** The `uri_escape` filter. */
  uriEscape(value: string): string;
}

/** The `seo_tag` object the template reads. */
export interface SeoTag {
  version: string;
  show_title: boolean;
  title: string | undefined;
  page_title: string | undefined;
  site_title: string | undefined;
  description: string | undefined;
  author: Data;
  page_locale: string;
  canonical_url: string;
  image: Data | undefined;
  json_ld: Data;
}

const HOMEPAGE_OR_ABOUT = /^\/(about\/)?(index.html?)?$/;
const subHash = (value: unknown, key: string): Data => (isHash(value) && isHash(value[key]) ? value[key] : {});
const present = (value: unknown): boolean => !isNil(value) && value !== false;
const isAbsoluteUrl = (value: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(value);

/** AuthorDrop: `page.author`, the first of `page.authors`, or `site.author`; a name is looked up in `site.data.authors`. */
function authorOf(page: Data, site: Data): Data {
  const sources = [page.author, Array.isArray(page.authors) ? page.authors[0] : undefined, site.author];
  const resolved = sources.find((s) => rubyToS(s) !== '');
  let hash: Data = {};
  if (isHash(resolved)) hash = resolved;
  else if (typeof resolved === 'string') {
    const authors = subHash(site, 'data')['authors'];
    const extra = isHash(authors) && isHash(authors[resolved]) ? authors[resolved] : {};
    hash = { name: resolved, ...extra };
  }
  const twitter = hash.twitter ?? hash.name;
  return { ...hash, twitter: typeof twitter === 'string' ? twitter.replace(/^@/, '') : undefined };
}

/** ImageDrop: `page.image` as a path or `{path, height, width, alt}`, made absolute and escaped; undefined without a path. */
function imageOf(page: Data, tools: SeoTools): Data | undefined {
  const meta = page.image;
  const hash: Data = isHash(meta) ? { path: undefined, ...meta } : typeof meta === 'string' ? { path: meta } : { path: undefined };
  const raw = hash.path ?? hash.facebook ?? hash.twitter;
  if (isNil(raw) || raw === '') return undefined;
  const absolute = typeof raw === 'string' && !isAbsoluteUrl(raw) ? tools.absoluteUrl(raw) : rubyToS(raw);
  return { ...hash, path: tools.uriEscape(absolute) };
}

/** The JSON-LD object: keys sorted, nils left out, as JSONLDDrop's `to_json` writes it. */
function jsonLd(fields: Data): Data {
  const out: Data = {};
  for (const key of Object.keys(fields).sort()) if (!isNil(fields[key])) out[key] = fields[key];
  return out;
}

/** Computes `seo_tag` for a page. `markup` is the tag's argument text (`title=false` hides the `<title>`). */
export async function seoData(markup: string, page: Data, site: Data, paginator: unknown, tools: SeoTools): Promise<SeoTag> {
  const seo = subHash(page, 'seo');
  const social = subHash(site, 'social');
  const siteTitle = await tools.format(site.title ?? site.name);
  const siteTagline = await tools.format(site.tagline);
  const siteDescription = await tools.format(site.description);
  const pageTitle = (await tools.format(page.title)) ?? siteTitle;
  let title: string | undefined;
  if (siteTitle && pageTitle !== siteTitle) title = `${pageTitle} | ${siteTitle}`;
  else if (siteDescription && siteTitle) title = `${siteTitle} | ${siteTagline ?? siteDescription}`;
  else title = pageTitle ?? siteTitle;
  const current = isHash(paginator) ? Number(paginator.page) : Number.NaN;
  if (title && current > 1) {
    const message = typeof site.seo_paginator_message === 'string' ? site.seo_paginator_message : 'Page %<current>s of %<total>s for ';
    title = message.replace('%<current>s', String(current)).replace('%<total>s', rubyToS((paginator as Data).total_pages)) + title;
  }
  const url = typeof page.url === 'string' ? page.url : '';
  const homeOrAbout = HOMEPAGE_OR_ABOUT.test(url);
  const description = (await tools.format(present(page.description) ? page.description : page.excerpt)) ?? siteDescription;
  const author = authorOf(page, site);
  const canonical = rubyToS(page.canonical_url) !== '' ? rubyToS(page.canonical_url) : url ? tools.absoluteUrl(url).replace(/\/index\.html$/, '/') : '';
  const image = imageOf(page, tools);
  const lang = rubyToS(page.lang || site.lang || 'en_US');
  const locale = rubyToS(page.locale || site.locale || lang).replace(/-/g, '_');
  const type = present(seo.type) ? rubyToS(seo.type) : homeOrAbout ? 'WebSite' : present(page.date) ? 'BlogPosting' : 'WebPage';
  const modified = seo.date_modified ?? page.last_modified_at ?? page.date;
  const name = present(seo.name) ? await tools.format(seo.name) : homeOrAbout ? ((await tools.format(social.name)) ?? siteTitle) : undefined;
  const logo = typeof site.logo === 'string' && site.logo ? tools.uriEscape(isAbsoluteUrl(site.logo) ? site.logo : tools.absoluteUrl(site.logo)) : undefined;
  const authorType = author.type;
  const validAuthor = present(author.name) && (isNil(authorType) || authorType === 'Person' || authorType === 'Organization');
  const imageKeys = image ? Object.keys(image).filter((k) => !isNil(image[k])) : [];
  const { path: imagePath, ...imageRest } = image ?? {};
  return {
    version: '2.8.0',
    show_title: Boolean(title) && !/title=false/i.test(markup),
    title,
    page_title: pageTitle,
    site_title: siteTitle,
    description,
    author,
    page_locale: locale,
    canonical_url: canonical,
    image,
    json_ld: jsonLd({
      '@context': 'https://schema.org',
      '@type': type,
      author: validAuthor ? { '@type': authorType ?? 'Person', name: author.name, ...(present(author.url) ? { url: author.url } : {}) } : undefined,
      dateModified: present(modified) ? tools.xmlschema(modified) : undefined,
      datePublished: present(page.date) ? tools.xmlschema(page.date) : undefined,
      description,
      headline: pageTitle,
      image: image ? (imageKeys.length === 1 ? imagePath : { ...imageRest, url: imagePath, '@type': 'imageObject' }) : undefined,
      mainEntityOfPage: type === 'BlogPosting' || type === 'CreativeWork' ? { '@type': 'WebPage', '@id': canonical } : undefined,
      name,
      publisher: logo
        ? { '@type': 'Organization', logo: { '@type': 'ImageObject', url: logo }, ...(present(author.name) ? { name: author.name } : {}) }
        : undefined,
      sameAs: seo.links ?? (homeOrAbout ? social.links : undefined),
      url: canonical,
    }),
  };
}
