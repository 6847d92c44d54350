/**
 * The `_config.yml` schema: every key inkstone (and its default theme) reads, with its type (a
 * valibot schema), its default and its meaning, in the order of the README's configuration table,
 * which is tested against this list. Defaults are the ones of config/defaults.ts.
 */
import * as v from 'valibot';
import type { KeyRule } from '../content/check-keys.js';
import { PERMALINK_STYLES } from '../content/permalink.js';
import { count, flag, headingLevels, list, mapping, text, wholeNumber } from '../content/value-types.js';
import { SEARCH_DEFAULTS, SITE_DEFAULTS, THEME_DEFAULTS } from './defaults.js';
import { baseurlProblem, permalinkProblem, timezoneProblem, urlProblem } from './value-checks.js';

/** One `_config.yml` key: its rule (see content/check-keys.ts) and what the README says of it. */
export interface ConfigKey extends KeyRule {
  /** The type in words, the default as shown, and the meaning, for the README's table. */
  doc: { type: string; default: string; meaning: string };
}

/** A text that a check (returning a message, or undefined when fine) must also pass. */
const checked = (check: (value: string) => string | undefined) =>
  v.pipe(
    text,
    v.transform(String),
    v.check(
      (value) => check(value) === undefined,
      (issue) => check(String(issue.input))!,
    ),
  );

const code = (value: string | number) => `\`${value}\``;
const FLAG_NOTE = 'taken as false';
const FLAG = 'true or false';

/** Every key inkstone reads, in the README's order. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: 'title', schema: text, doc: { type: 'text', default: code(SITE_DEFAULTS.title), meaning: 'the site title: header, `<title>`, feed' } },
  { key: 'description', schema: text, doc: { type: 'text', default: 'empty', meaning: 'one line about the site: home page, feed, meta tags' } },
  {
    key: 'author',
    schema: v.union([text, v.looseObject({ name: v.optional(v.nullable(text)) })], 'text or a mapping with "name"'),
    doc: { type: 'text, or `{ name: … }`', default: 'empty', meaning: 'shown by the theme and the feed' },
  },
  {
    key: 'url',
    schema: checked(urlProblem),
    doc: { type: 'URL with `https://`', default: 'empty', meaning: '`https://user.github.io`: makes feed, sitemap and canonical URLs absolute' },
  },
  {
    key: 'baseurl',
    schema: checked(baseurlProblem),
    doc: { type: 'path', default: 'empty', meaning: '`/repo` for a project site; applied to every link the site writes' },
  },
  {
    key: 'permalink',
    schema: checked(permalinkProblem),
    doc: { type: 'style or pattern', default: code(SITE_DEFAULTS.permalink), meaning: `${Object.keys(PERMALINK_STYLES).map(code).join(', ')}, or a pattern` },
  },
  {
    key: 'timezone',
    schema: checked(timezoneProblem),
    doc: { type: 'IANA zone', default: 'UTC', meaning: 'zone (`Asia/Shanghai`) for dates written without an offset' },
  },
  { key: 'lang', schema: text, doc: { type: 'text', default: 'detected', meaning: '`lang` attribute; `zh-CN` when most of the text is CJK, else `en`' } },
  {
    key: 'future',
    schema: flag,
    fallback: false,
    fallbackNote: FLAG_NOTE,
    doc: { type: FLAG, default: 'false', meaning: 'build posts dated in the future (`--future`)' },
  },
  {
    key: 'unpublished',
    schema: flag,
    fallback: false,
    fallbackNote: FLAG_NOTE,
    doc: { type: FLAG, default: 'false', meaning: 'build posts with `published: false` (`--unpublished`)' },
  },
  { key: 'show_drafts', schema: flag, fallback: false, fallbackNote: FLAG_NOTE, doc: { type: FLAG, default: 'false', meaning: 'build drafts (`--drafts`)' } },
  { key: 'excerpt_separator', schema: v.string('text'), doc: { type: 'text', default: 'first paragraph', meaning: 'text that ends the excerpt' } },
  { key: 'feed', schema: mapping, doc: { type: 'mapping', default: 'none', meaning: "jekyll-feed's settings (`path`, `posts_limit`, …)" } },
  { key: 'feed.posts_limit', schema: count, doc: { type: 'whole number', default: code(SITE_DEFAULTS.feedLimit), meaning: 'posts in `feed.xml`' } },
  {
    key: 'feed.path',
    schema: text,
    doc: { type: 'path', default: '`feed.xml`', meaning: 'where `{% feed_meta %}` links (the feed is written to `feed.xml`)' },
  },
  {
    key: 'destination',
    schema: text,
    doc: { type: 'folder', default: code(SITE_DEFAULTS.destination), meaning: 'output folder; never the site folder or one holding it' },
  },
  {
    key: 'posts_dir',
    schema: text,
    doc: { type: 'folder', default: code(SITE_DEFAULTS.postsDir), meaning: "inkstone's posts folder (`_posts/` is always read too)" },
  },
  {
    key: 'layouts_dir',
    schema: text,
    doc: { type: 'folder', default: code(SITE_DEFAULTS.layoutsDir), meaning: "inkstone's layouts folder (`_layouts/` is always read too)" },
  },
  { key: 'include', schema: list, doc: { type: 'list of paths', default: 'none', meaning: 'paths that are content although they start with `_` or `.`' } },
  { key: 'exclude', schema: list, doc: { type: 'list of paths', default: "Jekyll's default excludes", meaning: 'paths that are not site content' } },
  {
    key: 'defaults',
    schema: v.array(
      v.looseObject({
        scope: v.optional(v.nullable(v.looseObject({ path: v.optional(v.nullable(text)), type: v.optional(v.nullable(text)) }, 'a mapping'))),
        values: mapping,
      }),
      'a list of { scope, values }',
    ),
    doc: { type: 'list of `{ scope, values }`', default: 'none', meaning: 'front matter defaults by `scope: { path, type }` (`posts`, `drafts`, `pages`)' },
  },
  { key: 'paginate', schema: count, doc: { type: 'whole number', default: 'off', meaning: 'posts per index page' } },
  {
    key: 'paginate_path',
    schema: v.string('text'),
    doc: { type: 'path with `:num`', default: code(SITE_DEFAULTS.paginatePath), meaning: 'where index pages 2, 3, … go' },
  },
  { key: 'liquid', schema: mapping, doc: { type: 'mapping', default: 'none', meaning: "Jekyll's Liquid options" } },
  {
    key: 'liquid.strict_variables',
    schema: flag,
    fallback: false,
    fallbackNote: FLAG_NOTE,
    doc: { type: FLAG, default: 'false', meaning: 'an undefined variable is an error' },
  },
  {
    key: 'liquid.strict_filters',
    schema: flag,
    fallback: false,
    fallbackNote: FLAG_NOTE,
    doc: { type: FLAG, default: 'false', meaning: 'an unknown filter is an error' },
  },
  {
    key: 'liquid_in_code',
    schema: flag,
    fallbackNote: 'Liquid runs in code by folder',
    doc: { type: FLAG, default: 'by folder', meaning: 'run Liquid inside code in every post (`true`) or in none (`false`)' },
  },
  {
    key: 'strict_links',
    schema: flag,
    fallback: false,
    fallbackNote: FLAG_NOTE,
    doc: { type: FLAG, default: 'false', meaning: 'broken links are errors (`--strict`)' },
  },
  { key: 'plugins', schema: list, doc: { type: 'list of names', default: 'none', meaning: 'built-in plugins need nothing, others get a warning' } },
  { key: 'gems', schema: list, doc: { type: 'list of names', default: 'none', meaning: "Jekyll 3's name for `plugins`" } },
  { key: 'theme', schema: text, doc: { type: 'name', default: 'none', meaning: "recognised: inkstone's default theme fills in missing layouts" } },
  // Read by the default theme (render/theme-settings.ts) and the search index (search/settings.ts).
  {
    key: 'search',
    schema: flag,
    fallback: SEARCH_DEFAULTS.enabled,
    fallbackNote: 'taken as true',
    doc: { type: FLAG, default: String(SEARCH_DEFAULTS.enabled), meaning: 'the search page `/search/` and its index of post titles and bodies' },
  },
  {
    key: 'toc',
    schema: flag,
    fallback: THEME_DEFAULTS.toc,
    fallbackNote: 'taken as true',
    doc: { type: FLAG, default: String(THEME_DEFAULTS.toc), meaning: "a table of contents on posts (a post's own `toc:` wins)" },
  },
  {
    key: 'toc_levels',
    schema: headingLevels,
    doc: {
      type: 'levels',
      default: code(`${THEME_DEFAULTS.tocLevels[0]}..${THEME_DEFAULTS.tocLevels.at(-1)}`),
      meaning: 'heading levels the table of contents lists (`2..3`, `1,2,3`, `[2, 3]`)',
    },
  },
  {
    key: 'toc_min_headings',
    schema: wholeNumber,
    doc: { type: 'whole number', default: code(THEME_DEFAULTS.tocMinHeadings), meaning: 'fewer headings than this and a post gets no table of contents' },
  },
  {
    key: 'related_posts',
    schema: wholeNumber,
    doc: {
      type: 'whole number',
      default: code(THEME_DEFAULTS.relatedPosts),
      meaning: 'related posts (shared tags and categories) under each post; `0` for none',
    },
  },
  {
    key: 'date_format',
    schema: v.string('text'),
    doc: { type: 'strftime text', default: "the language's", meaning: 'dates shown to readers (`%Y-%m-%d`); default `2020年1月1日` or `Jan 1, 2020`' },
  },
  {
    key: 'i18n',
    schema: mapping,
    doc: { type: 'mapping', default: 'none', meaning: "the theme's interface strings to replace (`{ posts: 笔记 }`); the rest follow `lang`" },
  },
  // Read by the default theme's `{% seo %}` (jekyll-seo-tag's keys).
  { key: 'name', schema: text, doc: { type: 'text', default: 'empty', meaning: '`{% seo %}`: the site name when `title` is not set' } },
  { key: 'tagline', schema: text, doc: { type: 'text', default: 'empty', meaning: '`{% seo %}`: the home page title after the site title' } },
  { key: 'locale', schema: text, doc: { type: 'text', default: '`lang`', meaning: '`{% seo %}`: `og:locale`' } },
  { key: 'logo', schema: text, doc: { type: 'path or URL', default: 'none', meaning: '`{% seo %}`: the logo in the JSON-LD' } },
  { key: 'twitter', schema: mapping, doc: { type: '`{ username, card }`', default: 'none', meaning: '`{% seo %}`: Twitter card tags' } },
  { key: 'facebook', schema: mapping, doc: { type: '`{ app_id, publisher, admins }`', default: 'none', meaning: '`{% seo %}`: Facebook tags' } },
  { key: 'social', schema: mapping, doc: { type: '`{ name, links }`', default: 'none', meaning: '`{% seo %}`: the JSON-LD `sameAs` links' } },
  { key: 'webmaster_verifications', schema: mapping, doc: { type: 'mapping', default: 'none', meaning: '`{% seo %}`: `google`, `bing`, … verification tags' } },
  { key: 'google_site_verification', schema: text, doc: { type: 'text', default: 'none', meaning: '`{% seo %}`: the Google verification tag' } },
  {
    key: 'seo_paginator_message',
    schema: v.string('text'),
    doc: { type: 'text', default: '`Page %<current>s of %<total>s for `', meaning: '`{% seo %}`: title prefix of index pages 2, 3, …' },
  },
];
