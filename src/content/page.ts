/**
 * What a page is: a file with front matter outside the special folders (`index.md`, `about.md`,
 * `404.html`, `feed.xml`), with Jekyll's page URL rules (pure: no disk access).
 *
 * - `about.md` → `/about.html` (`/about/` when the site's permalink style is `pretty` or a pattern
 *   ending in `/`); `index.md` → `/`, `notes/index.md` → `/notes/`;
 * - `permalink:` in front matter wins, with `:path`, `:basename`, `:output_ext` expanded;
 * - Markdown pages become `.html`, Sass files `.css`, anything else keeps its extension.
 */
import path from 'node:path';
import { type Diagnostic, diagnosticFrom, error, hasErrors } from '../diagnostics.js';
import { MARKDOWN_EXTENSION } from '../site/content-paths.js';
import type { Page, SourceFile } from '../site/model.js';
import { defaultsFor, type FrontMatterDefault, withDefaults } from './defaults.js';
import { type FrontMatter, lineOfKey, parseFrontMatter } from './front-matter.js';
import { checkFrontMatter } from './front-matter-rules.js';
import { outputPathForUrl, permalinkPattern, unsafeUrlReason } from './permalink.js';
import { liquidModeOf } from './post.js';

/** Site settings that shape pages. */
export interface PageSettings {
  /** The site's permalink style or pattern: decides whether page URLs end in `.html` or `/`. */
  permalink: string;
  defaults?: readonly FrontMatterDefault[];
  /** Build pages with `published: false` too (as Jekyll's `--unpublished`). */
  unpublished?: boolean;
}

/** The outcome of reading a page: the page (unless it has errors) and diagnostics. */
export interface PageResult {
  page?: Page;
  diagnostics: Diagnostic[];
}

/** What a page's file is converted to, by extension. */
export function pageFormat(relPath: string): Page['format'] {
  if (MARKDOWN_EXTENSION.test(relPath)) return 'markdown';
  if (/\.html?$/i.test(relPath)) return 'html';
  if (/\.s[ac]ss$/i.test(relPath)) return 'sass';
  return 'text';
}

/** The extension a page's output gets. */
function outputExtension(relPath: string, format: Page['format']): string {
  if (format === 'markdown') return '.html';
  if (format === 'sass') return '.css';
  return path.posix.extname(relPath);
}

/** Jekyll's URL for a page at `relPath` (relative to the site root), from its permalink or the site's style. */
export function pageUrl(relPath: string, permalink: string | undefined, sitePermalink: string): string {
  const format = pageFormat(relPath);
  const ext = outputExtension(relPath, format);
  const dir = path.posix.dirname(relPath) === '.' ? '' : path.posix.dirname(relPath);
  const base = path.posix.basename(relPath, path.posix.extname(relPath));
  const html = ext === '.html';
  let template: string;
  if (permalink !== undefined) template = permalink;
  else if (html && base === 'index') template = '/:path/';
  else if (html && permalinkPattern(sitePermalink).endsWith('/')) template = '/:path/:basename/';
  else template = '/:path/:basename:output_ext';
  const values: Record<string, string> = { path: dir, basename: base, output_ext: ext, title: base, name: base };
  const expanded = template.replace(/:(path|basename|output_ext|title|name)\b/g, (_, key: string) => values[key]!);
  return `/${expanded}`.replace(/\/{2,}/g, '/');
}

/** Turns a source file (with front matter) into a Page. */
export function buildPage(file: SourceFile, settings: PageSettings): PageResult {
  let parsed: FrontMatter;
  try {
    parsed = parseFrontMatter(file.text);
  } catch (thrown) {
    return { diagnostics: [diagnosticFrom(thrown, { file: file.path, line: 1 }, 'invalid front matter: ')] };
  }
  // Keys of the wrong type are reported and left out, so the checks below still find what else is wrong.
  const { data: own, diagnostics } = checkFrontMatter(parsed.data, parsed.frontMatter, file.path);
  const data = withDefaults(own, defaultsFor(settings.defaults ?? [], file.path, 'pages'));
  const format = pageFormat(file.relPath);
  const url = pageUrl(file.relPath, typeof data.permalink === 'string' ? data.permalink : undefined, settings.permalink);
  const unsafe = unsafeUrlReason(url);
  if (unsafe)
    diagnostics.push(error(file.path, `refusing URL ${unsafe}: it would write outside the output folder`, lineOfKey(parsed.frontMatter, 'permalink')));
  if (hasErrors(diagnostics)) return { diagnostics };
  const layout = typeof data.layout === 'string' ? data.layout : data.layout === null || data.layout === false ? 'none' : defaultLayout(file.relPath, format);
  const page: Page = {
    source: file.path,
    relPath: file.relPath,
    url,
    outputPath: url.endsWith('/') ? `${url.slice(1)}index.html` : outputPathForUrl(url),
    layout,
    format,
    title: data.title === undefined || data.title === null ? undefined : String(data.title),
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    data,
    frontMatter: parsed.frontMatter,
    liquid: liquidModeOf(data, false, true),
  };
  return { page, diagnostics };
}

/**
 * The layout of a page that names none, as GitHub Pages gives it (jekyll-default-layout): `home`
 * for the site's index, `page` for other Markdown pages; HTML and other files get none.
 */
function defaultLayout(relPath: string, format: Page['format']): string {
  if (format !== 'markdown') return 'none';
  return /^index\.(md|markdown)$/i.test(relPath) ? 'home' : 'page';
}
