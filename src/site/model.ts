/**
 * The site model: what the loader reads from a site folder, before anything is rendered. Every
 * stage after loading is a function of a `Site` (compare Zola's `Site` and Hugo's content model);
 * every feature — lists, feed, sitemap, link checks — reads it, none reads the disk again.
 */
import type { Liquid, Template } from 'liquidjs';
import type { SiteConfig } from '../config/config.js';
import type { PostDate } from '../content/dates.js';
import type { JekyllSiteHooks } from '../liquid/hooks.js';
import type { RenderService } from '../render-service/types.js';

/** A file found below a content folder. */
export interface FoundFile {
  /** Relative to the folder it was found in, `/` separators. */
  relPath: string;
  absPath: string;
}

/** A source file as read from disk. */
export interface SourceFile {
  /** Path relative to the site root, with `/` separators (`posts/2020-01-01-x.md`). */
  path: string;
  /** For posts: path relative to the posts folder (`2020-01-01-x.md`, `kernel/x.md`, `_drafts/y.md`); for pages, as `path`. */
  relPath: string;
  text: string;
  /** Modification time, used to date drafts. */
  mtimeMs: number;
}

/** A post file found by the loader, with what its place in the site says about it. */
export interface FoundPost extends FoundFile {
  /** In a drafts folder (`_drafts/`, `posts/_drafts/`). */
  draft: boolean;
  /** Categories from the folders above `_posts/` (`linux/_posts/x.md` → `linux`), as Jekyll gives them. */
  pathCategories: string[];
  /** An inkstone post (`posts/`) rather than a Jekyll one (`_posts/`): Liquid stays out of its code. */
  native: boolean;
}

/**
 * How Liquid applies to a document's body: `all` as Jekyll runs it (code included), `prose`
 * outside fenced code blocks and code spans only (inkstone's posts), `none` not at all
 * (`render_with_liquid: false`).
 */
export type LiquidMode = 'all' | 'prose' | 'none';

/** What every document (post or page) has: a source, front matter, a URL and an output path. */
export interface Document {
  /** Source path relative to the site root; the document's identity. */
  source: string;
  /** URL path without baseurl, as Jekyll's `page.url`: `/basic/2020/01/01/some-drafts.html`. */
  url: string;
  /** File written, relative to the output folder. */
  outputPath: string;
  layout: string;
  /** Body (front matter removed, line endings normalized). */
  body: string;
  /** 1-based line of the body's first line in the source file. */
  bodyLine: number;
  /** All front matter, for `page.*` in templates. */
  data: Record<string, unknown>;
  /** The raw front matter block (with its opening `---`), to point errors at a key's line. */
  frontMatter: string;
  /** How Liquid applies to the body. */
  liquid: LiquidMode;
}

/** A page: any file with front matter outside the special folders (`about.md`, `index.html`, `404.html`, `feed.xml`). */
export interface Page extends Document {
  /** Path relative to the site root (as `source`). */
  relPath: string;
  /** `markdown` pages are converted to HTML; the others only go through Liquid (and `sass` through Sass). */
  format: 'markdown' | 'html' | 'sass' | 'text';
  title: string | undefined;
}

/** A post, ready to render. */
export interface Post extends Document {
  /** Path relative to the posts folder. */
  relPath: string;
  /** File-name slug without date and extension (`some-drafts`). */
  slug: string;
  title: string;
  date: PostDate;
  categories: string[];
  tags: string[];
  draft: boolean;
  published: boolean;
  /** Explicit excerpt from front matter, as Markdown. */
  excerpt: string | undefined;
  /** Separator that ends the excerpt; undefined means "first paragraph". */
  excerptSeparator: string | undefined;
  /** Where it was found (see FoundPost), so it can be read again the same way. */
  found: Pick<FoundPost, 'draft' | 'pathCategories' | 'native'>;
  /** For a Jekyll post whose date Jekyll reads differently (a time without an offset): the URL Jekyll gave it. */
  jekyllUrl?: string;
}

/** One parsed layout. */
export interface Layout {
  name: string;
  /** Path relative to the site root (or the theme), for error messages. */
  file: string;
  /** Parent layout from the layout's own front matter. */
  parent: string | undefined;
  /** 1-based file line where the template text starts (after front matter). */
  line: number;
  templates: Template[];
  /** Raw template text, to see what a layout depends on. */
  source: string;
  /** The layout's front matter (Liquid's `layout` object). */
  data: Record<string, unknown>;
  /** The site's own layout (not the default theme's). */
  own: boolean;
}

/** Where a theme's parts are, site first, then inkstone's default theme. */
export interface ThemeFolders {
  /** Layout folders (`_layouts/`, `layouts/`, the default theme's). */
  layouts: string[];
  /** Include folders (`_includes/`, `layouts/_includes/`, the default theme's). */
  includes: string[];
  /** Asset folders copied to `assets/` (`layouts/assets/`, the default theme's). */
  assets: string[];
}

/** The layouts and includes of a site, its own first, then inkstone's default theme. */
export interface Theme {
  /** The Liquid engine the layouts were parsed with (includes resolve through it). */
  engine: Liquid;
  layouts: Map<string, Layout>;
  folders: ThemeFolders;
  /** Layouts that exist but could not be parsed (already reported). */
  broken: Set<string>;
  /** Hash of every include: includes are read by Liquid on demand, so any change counts for every page. */
  includesHash: string;
  /** Whether any include may show other documents' bodies (`post.content`). */
  includesReadContent: boolean;
  /** What the engine's tags ask the site (post URLs, highlighting, Markdown); bound once the site is loaded. */
  hooks: SiteHooks;
  /** Files read while rendering besides the loaded ones (`include_relative`, Sass imports), absolute. */
  reads: Set<string>;
}

/** A file copied into the output as it is. */
export interface StaticFile {
  /** Output path, relative to the output folder. */
  path: string;
  /** Absolute path of the source file. */
  copyFrom: string;
}

/**
 * Everything on disk a build's output depends on, for the warm no-op check (src/warm/): the folders
 * whose listing matters, the files whose content matters, whole trees outside the site (the
 * default theme, an outside posts folder), and files read while rendering (`include_relative`,
 * Sass imports), added to as they are read.
 */
export interface SiteInputs {
  /** Folders read, with the names they held then (sorted, `/`-joined). */
  folders: Map<string, string>;
  files: string[];
  trees: string[];
  read: Set<string>;
}

/** A site as loaded: configuration, content, layouts, data. */
export interface Site {
  config: SiteConfig;
  /** The posts to build (published, not in the future unless asked), newest first. */
  posts: Post[];
  /** Pages with front matter (`index.md`, `about.md`, `404.html`, …), by source path. */
  pages: Page[];
  theme: Theme;
  /** Files copied as they are: files without front matter, and the theme's `assets/` (the site's own winning). */
  staticFiles: StaticFile[];
  /** Files beside inkstone posts (images, attachments), copied next to the pages that link to them. */
  postFiles: FoundFile[];
  /** `_data/` as `site.data`: `_data/a/b.yml` → `data.a.b`. */
  data: Record<string, unknown>;
  /** When the site changes by itself (a post dated in the future falls due), in ms since the epoch. */
  nextChangeMs?: number;
  /** What on disk the output depends on. */
  inputs: SiteInputs;
}

/** What the Liquid engine's tags ask the site (see render/site-hooks.ts), bound once the site is loaded. */
export interface SiteHooks extends JekyllSiteHooks {
  /** Binds the hooks to the loaded site and the render service (again after every reload in dev). */
  bind(site: Pick<Site, 'posts' | 'pages' | 'staticFiles'>, service: RenderService): void;
}
