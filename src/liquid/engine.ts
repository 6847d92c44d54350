/**
 * The Jekyll-compatible Liquid engine: liquidjs with its Jekyll options, Jekyll 4.3's filters where
 * liquidjs lacks them or differs (see filters-text.ts, filters-array.ts, smartify.ts), and Jekyll's
 * tags: highlight, post_url, link, include, include_relative, feed_meta, seo. One engine per build;
 * it caches parsed includes and layouts. The highlight tag, `markdownify` and `{% seo %}` wait on the
 * site's hooks, so they need an asynchronous render; in a synchronous one they throw
 * NeedsAsyncRender (see hooks.ts) and the caller renders again asynchronously.
 */
import path from 'node:path';
import { type FilterImplOptions, Liquid, toValue } from 'liquidjs';
import { absoluteUrl, encodeHref, relativeUrl, type UrlSettings } from '../urls.js';
import { ARRAY_FILTERS } from './filters-array.js';
import { dividedBy } from './filters-number.js';
import { inspect, jsonify, normalizeWhitespace, numberOfWords, slugify, toInteger, uriEscape, xmlEscape } from './filters-text.js';
import { type JekyllSiteHooks, requireAsync } from './hooks.js';
import { isHash, isNil } from './ruby.js';
import { smartify } from './smartify.js';
import { feedMetaTag } from './tag-feed-meta.js';
import { highlightTag } from './tag-highlight.js';
import { includeRelativeTag, includeTag } from './tag-include.js';
import { linkTag, postUrlTag } from './tag-links.js';
import { seoTag } from './tag-seo.js';

export type { JekyllSiteHooks, UrlLookup } from './hooks.js';

/** How to build the engine for a site. */
export interface JekyllEngineOptions {
  /** `_includes` folders searched in order (site first, then theme). */
  includeDirs: string[];
  /** Layout folders, for liquidjs's `layouts` option. */
  layoutDirs: string[];
  /** The site root: `{% include_relative %}` resolves against the including document's folder (`page.path`), never outside the root. */
  root: string;
  urls: UrlSettings;
  hooks: JekyllSiteHooks;
  /** `_config.yml` liquid.strict_variables / strict_filters. Default false (Jekyll: undefined renders empty). */
  strictVariables?: boolean;
  strictFilters?: boolean;
  /** IANA zone (`_config.yml` `timezone`) that `Date` values are shown in; date strings always keep their own offset. */
  timezone?: string;
  /** Files `{% include_relative %}` reads are added here (they count as the site's inputs). */
  reads?: Set<string>;
}

/** What relative_url and absolute_url read from their input: nil stays nil, a document gives its `url`. */
function urlInput(input: unknown): string | undefined {
  const value = toValue(input);
  if (isNil(value)) return undefined;
  if (isHash(value) && typeof value.url === 'string') return value.url;
  return String(value);
}

/** `YYYY-MM-DD` alone is a calendar day (JavaScript would read it as UTC midnight and show the previous day west of UTC). */
function dateInput(input: unknown): unknown {
  const value = toValue(input);
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T00:00:00` : input;
}

/** The date filters, reading a bare `YYYY-MM-DD` as that day before liquidjs's own implementation runs. */
function dateFilters(engine: Liquid): Record<string, FilterImplOptions> {
  const wrapped: Record<string, FilterImplOptions> = {};
  for (const name of ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string']) {
    const own = engine.filters[name]!;
    const handler = typeof own === 'function' ? own : own.handler;
    wrapped[name] = function (this: ThisParameterType<typeof handler>, input: unknown, ...args: unknown[]) {
      return handler.call(this, dateInput(input), ...args);
    };
  }
  return wrapped;
}

/** Jekyll's URL and conversion filters, bound to the site's settings and hooks. */
function siteFilters(urls: UrlSettings, hooks: JekyllSiteHooks): Record<string, FilterImplOptions> {
  return {
    relative_url: (input: unknown) => {
      const value = urlInput(input);
      if (value === undefined) return undefined;
      return value === '' ? encodeHref(urls.baseurl) : relativeUrl(value, urls.baseurl);
    },
    absolute_url: (input: unknown) => {
      const value = urlInput(input);
      if (value === undefined) return undefined;
      return value === '' ? urls.url + encodeHref(urls.baseurl) : absoluteUrl(value, urls);
    },
    strip_index: (input: unknown) => {
      const value = toValue(input);
      return isNil(value) || value === '' ? undefined : String(value).replace(/\/index\.html?$/, '/');
    },
    markdownify(this: { context: { sync: boolean } }, input: unknown) {
      requireAsync(this.context, 'markdownify');
      const text = isNil(toValue(input)) ? '' : String(toValue(input));
      return text ? hooks.markdownify(text) : Promise.resolve('');
    },
    smartify,
    xml_escape: xmlEscape,
    uri_escape: uriEscape,
    slugify,
    normalize_whitespace: normalizeWhitespace,
    number_of_words: numberOfWords,
    jsonify,
    inspect,
    to_integer: toInteger,
    divided_by: dividedBy,
  };
}

/** Creates the engine: liquidjs in Jekyll mode with Jekyll's filters and tags registered. */
export function createJekyllEngine(options: JekyllEngineOptions): Liquid {
  const { urls, hooks } = options;
  const root = path.resolve(options.root);
  const engine = new Liquid({
    root: [root],
    partials: options.includeDirs,
    layouts: options.layoutDirs,
    extname: '.html',
    jekyllInclude: true,
    jekyllWhere: true,
    preserveTimezones: true,
    cache: true,
    locale: 'en-US',
    strictVariables: options.strictVariables ?? false,
    strictFilters: options.strictFilters ?? false,
    ...(options.timezone ? { timezoneOffset: options.timezone } : {}),
  });
  const filters = { ...dateFilters(engine), ...siteFilters(urls, hooks), ...ARRAY_FILTERS };
  for (const [name, filter] of Object.entries(filters)) engine.registerFilter(name, filter);
  engine.registerTag('highlight', highlightTag(hooks));
  engine.registerTag('post_url', postUrlTag(hooks, urls));
  engine.registerTag('link', linkTag(hooks, urls));
  engine.registerTag('include', includeTag(options.includeDirs, root));
  engine.registerTag('include_relative', includeRelativeTag(root, options.reads));
  engine.registerTag('feed_meta', feedMetaTag(urls));
  engine.registerTag('seo', seoTag(hooks, urls));
  return engine;
}
