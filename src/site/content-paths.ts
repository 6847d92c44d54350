/**
 * Which files are content, and what each one is: the one set of rules the loader (walking the
 * site) and the watcher (deciding whether an event matters) share, so they can never disagree.
 *
 * A site folder may be laid out the inkstone way (`posts/`, `layouts/`, `layouts/_includes/`) or
 * the Jekyll way (`_posts/`, `_drafts/`, `_layouts/`, `_includes/`, `_data/`, `_sass/`, pages and
 * static files anywhere else), or both. Jekyll's rules apply to the rest: names starting with `_`
 * or `.` are not content unless `include:` lists them, `exclude:` and Jekyll's default excludes
 * remove paths, and everything else is a page (with front matter) or a static file (without).
 */

/** Markdown files are posts (in a posts folder) and Markdown pages (elsewhere). */
export const MARKDOWN_EXTENSION = /\.(md|markdown)$/i;

/** Files a posts folder holds as posts: Markdown, and HTML as Jekyll allows. */
export const POST_EXTENSION = /\.(md|markdown|html)$/i;

/** Jekyll 4's default `exclude:` list (kept even when a site sets its own). */
export const JEKYLL_DEFAULT_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle',
  'vendor/cache',
  'vendor/gems',
  'vendor/ruby',
];

/**
 * The files of a Node project around the site (inkstone's own repository, or a blog that uses it
 * as a template): excluded when the site root has a `package.json`, so they never reach `public/`.
 */
export const NODE_PROJECT_EXCLUDES = [
  'package.json',
  'package-lock.json',
  'node_modules',
  'src',
  'test',
  'bench',
  'bin',
  'dist',
  'tsconfig.json',
  'vitest.config.ts',
  'biome.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'public',
  'coverage',
  'patches',
  'scratch',
];

/** Editor droppings and hidden files that are never content: vim swap files, `4913`, backups, JetBrains' safe-write names. */
export function isEditorTemp(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    /^\d+$/.test(name) ||
    /\.(swp|swx|swo|tmp|bak|crdownload)$/i.test(name) ||
    name.startsWith('#') ||
    /___jb_(tmp|old|bak)___$/.test(name)
  );
}

/** What an entry below the posts folder is to the build. */
export type PostsEntryKind = 'post' | 'asset';

/**
 * What the entry at `relPath` (below an inkstone posts folder, `/`-separated) is: a post
 * (Markdown), an asset (any other file, copied when a post links to it), or nothing (undefined).
 * Hidden names, editor temp files and `_` names are skipped, except `_drafts/`, which holds posts
 * when drafts are built. For a folder (`isDirectory`), undefined means nothing below it is content.
 */
export function postsEntryKind(relPath: string, drafts: boolean, isDirectory = false): PostsEntryKind | 'folder' | undefined {
  const segments = relPath.split('/').filter(Boolean);
  const folders = isDirectory ? segments : segments.slice(0, -1);
  const name = isDirectory ? undefined : segments[segments.length - 1];
  if (segments.some((s) => s.startsWith('.'))) return undefined;
  if (name !== undefined && isEditorTemp(name)) return undefined;
  for (const s of segments) if (s.startsWith('_') && !(s === '_drafts' && folders.includes(s) && drafts)) return undefined;
  if (name === undefined) return 'folder';
  return MARKDOWN_EXTENSION.test(name) ? 'post' : 'asset';
}

/** The paths of a site, relative to its root, that the rules need to know. */
export interface SiteRules {
  /** inkstone's posts folder (`posts`), relative to the root; `''` when it is outside the root. */
  postsDir: string;
  /** inkstone's layouts folder (`layouts`), relative to the root. */
  layoutsDir: string;
  /** The output folder, relative to the root (never content). */
  outDir: string;
  /** `include:` of `_config.yml`: paths that are content even though they start with `_` or `.`. */
  include: readonly string[];
  /** `exclude:` of `_config.yml`, plus the default excludes that apply. */
  exclude: readonly string[];
  /** Whether drafts are built. */
  drafts: boolean;
}

/**
 * What a path is to the build. `post` and `draft`: a post (`_posts/`, `<dir>/_posts/`, inkstone's
 * posts folder; `_drafts/` or `posts/_drafts/`); `post-asset`: a file in inkstone's posts folder
 * that is not a post; `layout`, `include`, `data`, `sass`: as their folders say; `theme-asset`: a
 * file of `layouts/assets/` (copied to `assets/` with the default theme's); `content`: a page or a
 * static file (front matter decides); `config`: `_config.yml`.
 */
export type SiteEntryKind = 'config' | 'post' | 'draft' | 'post-asset' | 'layout' | 'include' | 'theme-asset' | 'data' | 'sass' | 'content';

/** Whether `rel` is `pattern` or below it, or matches it as a glob (`*` within a segment, `**` across). */
export function matchesPathPattern(rel: string, pattern: string): boolean {
  const clean = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  if (!clean) return false;
  if (!/[*?[]/.test(clean)) return rel === clean || rel.startsWith(`${clean}/`);
  const source = clean
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part === '**/' || part === '**' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}(?:/.*)?$`).test(rel);
}

const within = (rel: string, dir: string) => dir !== '' && (rel === dir || rel.startsWith(`${dir}/`));

/**
 * What the entry at `rel` (relative to the site root, `/`-separated) is, or undefined when it is
 * not read at all. For a folder (`isDirectory`), undefined means nothing below it is read, so
 * walkers can skip it.
 */
export function siteEntryKind(rel: string, rules: SiteRules, isDirectory = false): SiteEntryKind | 'folder' | undefined {
  if (rel === '_config.yml') return isDirectory ? undefined : 'config';
  if (rel === '' || rel === '.') return 'folder';
  if (within(rel, rules.outDir)) return undefined;
  const segments = rel.split('/');
  const name = segments[segments.length - 1]!;
  if (!isDirectory && isEditorTemp(name) && !rules.include.some((p) => matchesPathPattern(rel, p))) return undefined;
  if (within(rel, rules.postsDir)) {
    const kind = postsEntryKind(rel.slice(rules.postsDir.length + 1), rules.drafts, isDirectory);
    if (kind === undefined || kind === 'folder') return kind;
    return kind === 'asset' ? 'post-asset' : segments.includes('_drafts') ? 'draft' : 'post';
  }
  if (within(rel, rules.layoutsDir)) {
    if (segments.slice(rules.layoutsDir.split('/').length).some((s) => s.startsWith('.'))) return undefined;
    if (isDirectory) return 'folder';
    const inner = rel.slice(rules.layoutsDir.length + 1);
    if (inner.startsWith('_includes/')) return 'include';
    if (inner.startsWith('assets/')) return 'theme-asset';
    return inner.includes('/') ? undefined : 'layout';
  }
  if (rules.exclude.some((p) => matchesPathPattern(rel, p))) return undefined;
  const folders = isDirectory ? segments : segments.slice(0, -1);
  const special = folders.findIndex((s) => s === '_posts' || s === '_drafts');
  if (special >= 0) {
    if (folders.slice(0, special).some((s) => s.startsWith('_') || s.startsWith('.'))) return undefined;
    if (folders[special] === '_drafts' && !rules.drafts) return undefined;
    if (isDirectory) return 'folder';
    if (!POST_EXTENSION.test(name)) return undefined;
    return folders[special] === '_drafts' ? 'draft' : 'post';
  }
  const top = segments[0]!;
  if (top === '_layouts') return isDirectory ? 'folder' : segments.length === 2 ? 'layout' : undefined;
  if (top === '_includes') return isDirectory ? 'folder' : 'include';
  if (top === '_data') return isDirectory ? 'folder' : 'data';
  if (top === '_sass') return isDirectory ? 'folder' : 'sass';
  const hidden = segments.some((s) => s.startsWith('_') || s.startsWith('.'));
  const included = rules.include.some((p) => matchesPathPattern(rel, p) || (isDirectory && matchesPathPattern(p, rel)));
  if (hidden && !included) return undefined;
  return isDirectory ? 'folder' : 'content';
}
