/**
 * A harness for comparing a site built by another generator (inkstone) with the site real Jekyll builds from the same
 * source: run Jekyll, then reduce a built site folder to plain data (URLs, titles, heading ids, body text, code blocks,
 * internal links, feed entry ids, sitemap URLs) that two builds can be compared on with `toEqual`.
 *
 * Everything here reads finished output only; nothing depends on inkstone's internals. HTML is parsed with
 * hast-util-from-html and queried with hast-util-select, XML with fast-xml-parser: never regular expressions over
 * markup. (Regular expressions are only used on extracted *text*, for the normalizations documented below.)
 *
 * Normalizations (each one is applied identically to both sides of a comparison):
 * - URL paths ("site paths") are decoded (`%E5%AE%B9` → `容`) and given relative to the site's baseurl, so a page
 *   written to `linux/容器/x.html` and a link `href="/notes/linux/%E5%AE%B9%E5%99%A8/x.html"` both become
 *   `/linux/容器/x.html`. An HTML file `a/index.html` is the URL `/a/`, `index.html` is `/`, any other file keeps its
 *   name (`/about.html`, `/404.html`).
 * - Text (`<title>`, heading text, body text) is NFC-normalized, every run of whitespace (spaces, tabs, newlines,
 *   NBSP, U+3000 — JavaScript's `\s`) becomes one space, and the result is trimmed. Block-level elements count as
 *   whitespace boundaries, so `<p>a</p><p>b</p>` and `<p>a</p>\n<p>b</p>` both give `a b`. Elements matching
 *   `ignoreSelector` (scripts, styles, `hidden`, `aria-hidden`, line-number gutters) contribute no text; HTML comments
 *   are never text.
 * - Code block text (`pre`) keeps its lines: `\r\n` → `\n`, trailing spaces/tabs on each line removed, leading and
 *   trailing blank lines removed, NFC. Only outermost `pre` elements count (Rouge's `linenos` table nests a
 *   `pre.lineno` and a code `pre` inside the outer one) and line-number gutters (`lineNumberSelector`) are dropped.
 * - Feed ids and sitemap `<loc>`s are *not* normalized beyond trimming surrounding whitespace: feed readers and
 *   search engines compare them as exact strings, so they must match exactly, percent-encoding included.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select, selectAll } from 'hast-util-select';

// ---------------------------------------------------------------------------------------------------------------
// Running Jekyll
// ---------------------------------------------------------------------------------------------------------------

let available: boolean | undefined;

/** Whether a `jekyll` executable is on PATH and runs (`jekyll --version` exits 0 within 30 s). Cached. */
export function jekyllAvailable(): boolean {
  if (available === undefined) {
    let result: SpawnSyncReturns<string> | undefined;
    try {
      result = spawnSync('jekyll', ['--version'], { encoding: 'utf8', timeout: 30_000 });
    } catch {
      result = undefined;
    }
    available = result !== undefined && !result.error && result.status === 0 && /^jekyll \d/m.test(result.stdout);
  }
  return available;
}

/** The version `jekyll --version` reports (`4.3.1`), or undefined when Jekyll is not available. */
export function jekyllVersion(): string | undefined {
  if (!jekyllAvailable()) return undefined;
  const out = spawnSync('jekyll', ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout;
  return /^jekyll (\S+)/m.exec(out)?.[1];
}

export interface JekyllBuildOptions {
  /** Passed as `--baseurl` (e.g. `/notes`); omitted when undefined, so `_config.yml`'s value applies. */
  baseurl?: string;
  /** More command-line arguments, e.g. `['--future', '--drafts']`. */
  extraArgs?: string[];
  /** Kill Jekyll after this long (default 120 s). */
  timeoutMs?: number;
  /** Extra environment. `JEKYLL_ENV` defaults to `development` (minima adds analytics only in `production`). */
  env?: Record<string, string>;
}

export interface JekyllBuildResult {
  /** The full command line, for error messages and reports. */
  command: string[];
  stdout: string;
  stderr: string;
}

/**
 * Builds `source` into `dest` with `jekyll build`. Resolves with Jekyll's output; rejects (with that output in the
 * message) when Jekyll exits non-zero, cannot be started, or runs longer than the timeout.
 *
 * `--disable-disk-cache` is always passed so that Jekyll does not write `.jekyll-cache/` into the source folder (the
 * fixture lives in the repository).
 */
export function buildWithJekyll(source: string, dest: string, options: JekyllBuildOptions = {}): Promise<JekyllBuildResult> {
  const args = ['build', '--source', source, '--destination', dest, '--disable-disk-cache'];
  if (options.baseurl !== undefined) args.push('--baseurl', options.baseurl);
  args.push(...(options.extraArgs ?? []));
  const command = ['jekyll', ...args];
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = spawn('jekyll', args, {
      env: { ...process.env, JEKYLL_ENV: 'development', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${command.join(' ')}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && !timedOut) {
        resolve({ command, stdout, stderr });
        return;
      }
      const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
      reject(new Error(`${command.join(' ')} ${why}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Files and URLs
// ---------------------------------------------------------------------------------------------------------------

/** Every file below `siteDir`, as sorted site paths (`/assets/main.css`, `/linux/容器/2020/08/10/cgroup-v2.html`). */
export function listFiles(siteDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const relPath = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(abs, relPath);
      else out.push(relPath.normalize('NFC'));
    }
  };
  walk(siteDir, '');
  return out.sort();
}

/** The URL path an output file is served at: `/a/index.html` → `/a/`, `/index.html` → `/`, others unchanged. */
export function fileToUrl(sitePath: string): string {
  const p = sitePath.startsWith('/') ? sitePath : `/${sitePath}`;
  if (p === '/index.html') return '/';
  if (p.endsWith('/index.html')) return p.slice(0, -'index.html'.length);
  return p;
}

/** The file a URL path is served from: `/a/` → `/a/index.html`. */
export function urlToFile(url: string): string {
  return url.endsWith('/') ? `${url}index.html` : url;
}

/** Percent-decodes a URL path (leaving it as it is if it is not valid percent-encoding) and NFC-normalizes it. */
export function decodePath(p: string): string {
  try {
    return decodeURIComponent(p).normalize('NFC');
  } catch {
    return p.normalize('NFC');
  }
}

/** Reads an output file as UTF-8, by site path. */
export function readSiteFile(siteDir: string, sitePath: string): string {
  return readFileSync(path.join(siteDir, ...sitePath.split('/').filter(Boolean)), 'utf8');
}

/** Parses an output HTML page (lenient, as a browser would). */
export function parseHtmlFile(siteDir: string, url: string): Root {
  return fromHtml(readSiteFile(siteDir, urlToFile(url)));
}

export interface SiteUrlOptions {
  /**
   * An element present on post pages only. Default: minima's post article
   * (`article.post.h-entry`, `[itemtype="http://schema.org/BlogPosting"]`).
   */
  postSelector?: string;
}

/** minima 2.5's markup for a post page. */
export const MINIMA_POST_SELECTOR = 'article.h-entry, [itemtype="http://schema.org/BlogPosting"]';

/** Post URLs and page URLs of a built site: every HTML file as a URL path, split by `postSelector`. Sorted. */
export function siteUrls(siteDir: string, options: SiteUrlOptions = {}): { posts: string[]; pages: string[] } {
  const postSelector = options.postSelector ?? MINIMA_POST_SELECTOR;
  const posts: string[] = [];
  const pages: string[] = [];
  for (const file of listFiles(siteDir)) {
    if (!file.endsWith('.html')) continue;
    const url = fileToUrl(file);
    const tree = fromHtml(readSiteFile(siteDir, file));
    (select(postSelector, tree) ? posts : pages).push(url);
  }
  return { posts: posts.sort(), pages: pages.sort() };
}

// ---------------------------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------------------------

export interface PageExtractOptions {
  /** The site's baseurl as the pages were built with (`/notes`, or `''`). Used to turn hrefs into site paths. */
  baseurl?: string;
  /** The site's `url` (`https://example.github.io`): absolute links to it count as internal. */
  siteUrl?: string;
  /**
   * Where the content is. A list is tried in order, first match wins. Default: minima's post body, then its page body,
   * then `main`, then `body`.
   */
  contentSelector?: string | string[];
  /** Elements that contribute no visible text and no headings/links (in addition to HTML comments). */
  ignoreSelector?: string;
  /** Line-number gutters inside code blocks, dropped from code text and body text. */
  lineNumberSelector?: string;
}

/** minima 2.5: post body, page body, then any main / body. */
export const MINIMA_CONTENT_SELECTORS = ['[itemprop="articleBody"]', '.post-content', 'main', 'body'];
export const DEFAULT_IGNORE_SELECTOR = 'script, style, template, noscript, [hidden], [aria-hidden="true"]';
/** Rouge's `linenos` table gutter (`td.gutter` > `pre.lineno`) and common alternatives. */
export const DEFAULT_LINE_NUMBER_SELECTOR = '.rouge-gutter, .gutter, .lineno, .line-number, .line-numbers';

export interface Heading {
  rank: number;
  /** The `id` attribute, or `undefined` when the heading has none. */
  id: string | undefined;
  text: string;
}

export interface CodeBlock {
  /**
   * The language the markup declares: `data-lang`, else a `language-*` class on the `pre`, its `code` child or an
   * ancestor inside the content (Rouge's fenced blocks put it on the wrapping `div.language-c`).
   */
  lang: string | undefined;
  text: string;
}

export interface LinkTarget {
  /** Site path (decoded, without baseurl) plus `#fragment` (decoded) when there is one. */
  target: string;
  /** The link was only a fragment (`#fn:1`, a TOC entry): it points into the page itself. */
  fragmentOnly: boolean;
  /** The link's path is not below the baseurl (e.g. `/assets/x.png` written without `relative_url`). */
  outsideBase: boolean;
}

export interface PageSnapshot {
  url: string;
  /** `<title>` text. */
  title: string;
  /** h1–h6 inside the content, in document order. */
  headings: Heading[];
  /** The ids of those headings that have one, in order. */
  headingIds: string[];
  /** Visible text of the content. */
  text: string;
  /** Outermost `pre` elements inside the content. */
  codeBlocks: CodeBlock[];
  /** `a[href]` inside the content pointing into the site (same origin or `siteUrl`). */
  internalLinks: LinkTarget[];
  /** `img[src]` inside the content pointing into the site. */
  internalImages: LinkTarget[];
  /** Target of a `<meta http-equiv="refresh">`, as a LinkTarget, when the page is a redirect. */
  redirectTo: LinkTarget | undefined;
}

/** Normalizes text as documented at the top of this file. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Normalizes code text as documented at the top of this file. */
export function normalizeCode(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Raw text of a node, skipping elements matching `skip`; block elements are surrounded by spaces when `blocks`. */
function collectText(node: Root | Element | ElementContent | RootContent, skip: string, blocks: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && skip && matches(skip, node)) return '';
  let out = '';
  for (const child of node.children) out += collectText(child, skip, blocks);
  if (blocks && node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName)) out = ` ${out} `;
  return out;
}

/** Visible text of an element, normalized; `ignoreSelector` elements are left out. */
export function visibleText(node: Root | Element, ignoreSelector: string = DEFAULT_IGNORE_SELECTOR): string {
  return normalizeText(collectText(node, ignoreSelector, true));
}

function stringAttr(el: Element, name: string): string | undefined {
  const value = el.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function classList(el: Element): string[] {
  const value = el.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Finds the content element: the first selector (in order) that matches. */
export function findContent(tree: Root, contentSelector: string | string[] = MINIMA_CONTENT_SELECTORS): Element | undefined {
  const selectors = Array.isArray(contentSelector) ? contentSelector : [contentSelector];
  for (const selector of selectors) {
    const found = select(selector, tree);
    if (found) return found;
  }
  return undefined;
}

/** Every element below `root` (document order) whose ancestors (below `root`) don't match `skip`. */
function elementsOutside(root: Element, skip: string, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (skip && matches(skip, child)) continue;
      if (test(child)) out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Outermost `pre` elements below `root`, with the ancestor chain of each (for the language lookup). */
function outermostPres(root: Element, skip: string): { pre: Element; ancestors: Element[] }[] {
  const out: { pre: Element; ancestors: Element[] }[] = [];
  const walk = (el: Element, ancestors: Element[]): void => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (skip && matches(skip, child)) continue;
      if (child.tagName === 'pre') out.push({ pre: child, ancestors });
      else walk(child, [...ancestors, child]);
    }
  };
  walk(root, [root]);
  return out;
}

function languageOf(pre: Element, ancestors: Element[]): string | undefined {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  for (const el of [code, pre].filter((e): e is Element => e !== undefined)) {
    const dataLang = stringAttr(el, 'dataLang');
    if (dataLang) return dataLang;
  }
  for (const el of [code, pre, ...[...ancestors].reverse()].filter((e): e is Element => e !== undefined)) {
    const cls = classList(el).find((c) => c.startsWith('language-'));
    if (cls) return cls.slice('language-'.length);
  }
  return undefined;
}

/** Extracts the code blocks (outermost `pre`) of a content element. */
export function codeBlocksOf(content: Element, options: PageExtractOptions = {}): CodeBlock[] {
  const ignore = options.ignoreSelector ?? DEFAULT_IGNORE_SELECTOR;
  const gutters = options.lineNumberSelector ?? DEFAULT_LINE_NUMBER_SELECTOR;
  const skip = [ignore, gutters].filter(Boolean).join(', ');
  return outermostPres(content, ignore).map(({ pre, ancestors }) => ({
    lang: languageOf(pre, ancestors),
    text: normalizeCode(collectText(pre, skip, false)),
  }));
}

/**
 * Resolves an href/src found on the page at `pageUrl` into a LinkTarget, or undefined when it points outside the
 * site (another origin, `mailto:`, `javascript:` …).
 */
export function resolveLink(href: string, pageUrl: string, options: Pick<PageExtractOptions, 'baseurl' | 'siteUrl'> = {}): LinkTarget | undefined {
  const baseurl = (options.baseurl ?? '').replace(/\/+$/, '');
  const origin = options.siteUrl ? new URL(options.siteUrl).origin : 'http://site.invalid';
  const pageHref = new URL(`${baseurl}${encodeURI(pageUrl)}`, origin).href;
  let resolved: URL;
  try {
    resolved = new URL(href.trim(), pageHref);
  } catch {
    return undefined;
  }
  if (resolved.origin !== origin) return undefined;
  const fullPath = decodePath(resolved.pathname);
  let sitePath = fullPath;
  let outsideBase = false;
  if (baseurl) {
    if (fullPath === baseurl || fullPath.startsWith(`${baseurl}/`)) sitePath = fullPath.slice(baseurl.length) || '/';
    else outsideBase = true;
  }
  const hash = resolved.hash ? `#${decodePath(resolved.hash.slice(1))}` : '';
  return {
    target: `${sitePath}${resolved.search}${hash}`,
    fragmentOnly: href.trim().startsWith('#'),
    outsideBase,
  };
}

/** Reduces one parsed page to plain data. `url` is the page's URL path (without baseurl). */
export function extractPage(tree: Root, url: string, options: PageExtractOptions = {}): PageSnapshot {
  const ignore = options.ignoreSelector ?? DEFAULT_IGNORE_SELECTOR;
  const gutters = options.lineNumberSelector ?? DEFAULT_LINE_NUMBER_SELECTOR;
  const titleEl = select('head > title', tree) ?? select('title', tree);
  const content = findContent(tree, options.contentSelector);
  const refresh = selectAll('meta[http-equiv]', tree).find((m) => stringAttr(m, 'httpEquiv')?.toLowerCase() === 'refresh');
  const refreshUrl = refresh ? /url\s*=\s*['"]?([^'"]+)/i.exec(stringAttr(refresh, 'content') ?? '')?.[1] : undefined;
  const snapshot: PageSnapshot = {
    url,
    title: titleEl ? visibleText(titleEl, '') : '',
    headings: [],
    headingIds: [],
    text: '',
    codeBlocks: [],
    internalLinks: [],
    internalImages: [],
    redirectTo: refreshUrl ? resolveLink(refreshUrl, url, options) : undefined,
  };
  if (!content) return snapshot;
  const headings = elementsOutside(content, ignore, (el) => /^h[1-6]$/.test(el.tagName));
  snapshot.headings = headings.map((h) => ({
    rank: Number(h.tagName.slice(1)),
    id: stringAttr(h, 'id'),
    text: visibleText(h, ignore),
  }));
  snapshot.headingIds = snapshot.headings.flatMap((h) => (h.id === undefined ? [] : [h.id]));
  snapshot.text = visibleText(content, [ignore, gutters].filter(Boolean).join(', '));
  snapshot.codeBlocks = codeBlocksOf(content, options);
  const links = elementsOutside(content, ignore, (el) => el.tagName === 'a' && stringAttr(el, 'href') !== undefined);
  snapshot.internalLinks = links.flatMap((a) => resolveLink(stringAttr(a, 'href')!, url, options) ?? []);
  const images = elementsOutside(content, ignore, (el) => el.tagName === 'img' && stringAttr(el, 'src') !== undefined);
  snapshot.internalImages = images.flatMap((img) => resolveLink(stringAttr(img, 'src')!, url, options) ?? []);
  return snapshot;
}

/** Reads, parses and extracts one page of a built site by URL path. */
export function extractPageFile(siteDir: string, url: string, options: PageExtractOptions = {}): PageSnapshot {
  return extractPage(parseHtmlFile(siteDir, url), url, options);
}

// ---------------------------------------------------------------------------------------------------------------
// Feed and sitemap
// ---------------------------------------------------------------------------------------------------------------

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'entry' || name === 'url' || name === 'link' || name === 'category',
});

/** Text of a parsed XML node that may be a plain string or `{ '#text': …, '@_type': … }`. */
function xmlText(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  if (typeof node === 'object' && '#text' in node) return String((node as { '#text': unknown })['#text']).trim();
  return '';
}

export interface FeedEntry {
  /** `<id>`, exact. */
  id: string;
  title: string;
  /** `<link rel="alternate" href>`, exact. */
  link: string;
  published: string;
  updated: string;
  /** `<category term>` values in order. */
  categories: string[];
}

export interface Feed {
  /** Feed-level `<id>`. */
  id: string;
  /** Feed-level `<updated>` (jekyll-feed writes the build time, `site.time`, here: it changes every build). */
  updated: string;
  title: string;
  entries: FeedEntry[];
}

/** Parses an Atom feed (default `/feed.xml`) of a built site. */
export function readFeed(siteDir: string, feedPath = '/feed.xml'): Feed {
  const doc = xml.parse(readSiteFile(siteDir, feedPath)) as { feed?: Record<string, unknown> };
  const feed = doc.feed;
  if (!feed) throw new Error(`${feedPath}: no <feed> element`);
  const entries = (feed.entry as Record<string, unknown>[] | undefined) ?? [];
  return {
    id: xmlText(feed.id),
    updated: xmlText(feed.updated),
    title: xmlText(feed.title),
    entries: entries.map((e) => {
      const links = (e.link as Record<string, string>[] | undefined) ?? [];
      const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
      return {
        id: xmlText(e.id),
        title: xmlText(e.title),
        link: alternate?.['@_href'] ?? '',
        published: xmlText(e.published),
        updated: xmlText(e.updated),
        categories: ((e.category as Record<string, string>[] | undefined) ?? []).map((c) => c['@_term'] ?? ''),
      };
    }),
  };
}

/** The `<entry><id>` values of a feed, in feed order. */
export function feedEntryIds(siteDir: string, feedPath = '/feed.xml'): string[] {
  return readFeed(siteDir, feedPath).entries.map((e) => e.id);
}

export interface SitemapUrl {
  loc: string;
  lastmod: string | undefined;
}

/** The `<url>` entries of a sitemap (default `/sitemap.xml`), in file order. */
export function readSitemap(siteDir: string, sitemapPath = '/sitemap.xml'): SitemapUrl[] {
  const doc = xml.parse(readSiteFile(siteDir, sitemapPath)) as { urlset?: { url?: Record<string, unknown>[] } };
  return (doc.urlset?.url ?? []).map((u) => ({ loc: xmlText(u.loc), lastmod: u.lastmod === undefined ? undefined : xmlText(u.lastmod) }));
}

/** The sitemap's `<loc>` URLs, sorted. */
export function sitemapLocs(siteDir: string, sitemapPath = '/sitemap.xml'): string[] {
  return readSitemap(siteDir, sitemapPath)
    .map((u) => u.loc)
    .sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Whole site
// ---------------------------------------------------------------------------------------------------------------

export interface SiteSnapshotOptions extends PageExtractOptions, SiteUrlOptions {
  feedPath?: string;
  sitemapPath?: string;
}

export interface SiteSnapshot {
  posts: string[];
  pages: string[];
  /** Every output file that is not HTML (static files, CSS, feed, sitemap …), as site paths. */
  otherFiles: string[];
  /** Post and page snapshots by URL path. */
  byUrl: Record<string, PageSnapshot>;
  /** Feed entry ids in feed order (empty when the site has no feed). */
  feedIds: string[];
  /** Sitemap locs, sorted (empty when the site has no sitemap). */
  sitemapLocs: string[];
}

/** Reduces a whole built site to plain data, for `expect(a).toEqual(b)`-style comparisons (or per field). */
export function snapshotSite(siteDir: string, options: SiteSnapshotOptions = {}): SiteSnapshot {
  const { posts, pages } = siteUrls(siteDir, options);
  const byUrl: Record<string, PageSnapshot> = {};
  for (const url of [...posts, ...pages]) byUrl[url] = extractPageFile(siteDir, url, options);
  const feedPath = options.feedPath ?? '/feed.xml';
  const sitemapPath = options.sitemapPath ?? '/sitemap.xml';
  const has = (p: string): boolean => existsSync(path.join(siteDir, ...p.split('/').filter(Boolean)));
  return {
    posts,
    pages,
    otherFiles: listFiles(siteDir).filter((f) => !f.endsWith('.html')),
    byUrl,
    feedIds: has(feedPath) ? feedEntryIds(siteDir, feedPath) : [],
    sitemapLocs: has(sitemapPath) ? sitemapLocs(siteDir, sitemapPath) : [],
  };
}

/** A file's modification time as `YYYY/MM/DD` in an IANA time zone: how Jekyll dates a draft without `date:`. */
export function mtimeDayPath(file: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(statSync(file).mtime);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}/${get('month')}/${get('day')}`;
}
