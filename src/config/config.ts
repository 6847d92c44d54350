/** `_config.yml` → SiteConfig: defaults, validation, clear errors. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidTimeZone } from '../content/dates.js';
import { type FrontMatterDefault, parseDefaults } from '../content/defaults.js';
import { parseYaml, type YamlPath, yamlLines } from '../content/yaml.js';
import { type Diagnostic, diagnosticFrom, error, messageOf } from '../diagnostics.js';
import { SITE_DEFAULTS, SITE_FILES } from './defaults.js';
import { validateConfig } from './validate.js';

/** Everything a build needs to know about the site, resolved and validated. */
export interface SiteConfig {
  /** Absolute path of the site root (holds `_config.yml`, `posts/`, `layouts/`). */
  root: string;
  /** Absolute path of the posts folder. */
  postsDir: string;
  /** Absolute path of the layouts folder. */
  layoutsDir: string;
  /** Absolute path of the output folder. */
  outDir: string;
  title: string;
  description: string;
  author: string;
  /** Scheme and host, no trailing slash: `https://user.github.io`. */
  url: string;
  /** Path prefix for project pages, `''` or `/repo` (no trailing slash). */
  baseurl: string;
  /** `lang` attribute; undefined means "decide from the content" (zh-CN when mostly CJK). */
  lang: string | undefined;
  /** IANA zone for dates written without an offset; undefined means UTC. */
  timezone: string | undefined;
  permalink: string;
  /** Build posts dated in the future. */
  future: boolean;
  /** Build posts with `published: false`. */
  unpublished: boolean;
  /** Build `posts/_drafts/`. */
  drafts: boolean;
  /** Jekyll's `excerpt_separator`; undefined means "first paragraph". */
  excerptSeparator: string | undefined;
  /** How many posts `feed.xml` carries. */
  feedLimit: number;
  /** Treat broken links as errors. */
  strict: boolean;
  /** `include:` — paths that are content although their names start with `_` or `.`. */
  include: string[];
  /** `exclude:` — the site's own (the loader adds Jekyll's default excludes). */
  exclude: string[];
  /** `defaults:` — front matter defaults by path and type. */
  defaults: FrontMatterDefault[];
  /** `liquid:` — Jekyll's Liquid options. */
  liquid: { strictVariables: boolean; strictFilters: boolean };
  /** `liquid_in_code:` — run Liquid inside code in posts; undefined: as the folder says (`_posts/` yes, `posts/` no). */
  liquidInCode: boolean | undefined;
  /** `paginate:` — posts per index page; undefined: all posts on one page. */
  paginate: number | undefined;
  /** `paginate_path:` — where index pages 2, 3, … go (`:num` is the page number). */
  paginatePath: string;
  /** `plugins:` (or Jekyll 3's `gems:`) as listed. */
  plugins: string[];
  /** `theme:` as set (inkstone uses its own default theme for layouts a site lacks). */
  theme: string | undefined;
  /** Every key of `_config.yml`, for `site.*` in templates. */
  data: Record<string, unknown>;
}

/** What the command line may override. */
export interface ConfigOverrides {
  root?: string;
  outDir?: string;
  baseurl?: string;
  url?: string;
  drafts?: boolean;
  future?: boolean;
  unpublished?: boolean;
  strict?: boolean;
}

/** Normalizes a base path: `repo`, `/repo/`, `/repo` → `/repo`; `/` and `` → ``. */
export function normalizeBaseurl(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/** The text of a checked key (a number written without quotes counts), or the fallback. */
function textOf(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

/** A checked list key (`include: x` counts as a list of one). */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
}

const mappingOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Resolves a parsed `_config.yml` object and overrides into a SiteConfig (pure): the data is checked
 * against the schema (config/validate.ts) first, so every value read here has its type. `lineOf`
 * gives the line of a key for the diagnostics (see content/yaml.ts `yamlLines`). `errors` holds the
 * warnings too (unknown keys, `future: maybe`).
 */
export function resolveConfig(
  raw: Record<string, unknown>,
  overrides: ConfigOverrides,
  file: string = SITE_FILES.config,
  lineOf: (path: YamlPath) => number | undefined = () => undefined,
): { config: SiteConfig; errors: Diagnostic[] } {
  const root = path.resolve(overrides.root ?? '.');
  const { data, diagnostics } = validateConfig(raw, { file, root, lineOf, outDirOverridden: overrides.outDir !== undefined });
  const str = (key: string, fallback: string) => textOf(data[key], fallback);
  const { defaults } = parseDefaults(data.defaults, file);
  const liquid = mappingOf(data.liquid);
  const feed = mappingOf(data.feed);
  const author = data.author;
  const config: SiteConfig = {
    root,
    postsDir: path.resolve(root, str('posts_dir', SITE_DEFAULTS.postsDir)),
    layoutsDir: path.resolve(root, str('layouts_dir', SITE_DEFAULTS.layoutsDir)),
    outDir: path.resolve(root, overrides.outDir ?? str('destination', SITE_DEFAULTS.destination)),
    title: str('title', SITE_DEFAULTS.title),
    description: str('description', ''),
    author: typeof author === 'object' && author ? textOf((author as { name?: unknown }).name, '') : str('author', ''),
    url: (overrides.url ?? str('url', '')).trim().replace(/\/+$/, ''),
    baseurl: normalizeBaseurl(overrides.baseurl ?? str('baseurl', '')),
    lang: data.lang === undefined || data.lang === null ? undefined : str('lang', 'en'),
    timezone: typeof data.timezone === 'string' && isValidTimeZone(data.timezone) ? data.timezone : undefined,
    permalink: str('permalink', SITE_DEFAULTS.permalink),
    future: overrides.future ?? data.future === true,
    unpublished: overrides.unpublished ?? data.unpublished === true,
    drafts: overrides.drafts ?? data.show_drafts === true,
    excerptSeparator: typeof data.excerpt_separator === 'string' ? data.excerpt_separator : undefined,
    feedLimit: typeof feed.posts_limit === 'number' && feed.posts_limit >= 1 ? Math.floor(feed.posts_limit) : SITE_DEFAULTS.feedLimit,
    strict: overrides.strict ?? data.strict_links === true,
    include: listOf(data.include),
    exclude: listOf(data.exclude),
    defaults,
    liquid: { strictVariables: liquid.strict_variables === true, strictFilters: liquid.strict_filters === true },
    liquidInCode: typeof data.liquid_in_code === 'boolean' ? data.liquid_in_code : undefined,
    paginate: typeof data.paginate === 'number' && Number.isInteger(data.paginate) && data.paginate > 0 ? data.paginate : undefined,
    paginatePath: str('paginate_path', SITE_DEFAULTS.paginatePath),
    plugins: [...listOf(data.plugins), ...listOf(data.gems)],
    theme: data.theme === undefined || data.theme === null ? undefined : str('theme', ''),
    data,
  };
  return { config, errors: diagnostics };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `<root>/_config.yml` (optional) and resolves it; `text` is the file's text (empty when there is none). */
export async function loadConfig(overrides: ConfigOverrides): Promise<{ config: SiteConfig; errors: Diagnostic[]; text: string }> {
  const root = path.resolve(overrides.root ?? '.');
  const file = path.join(root, SITE_FILES.config);
  const fallback = (problem: Diagnostic, text = '') => ({ ...resolveConfig({}, overrides), errors: [problem], text });
  let text: string;
  try {
    text = utf8.decode(await readFile(file)).replace(/^\uFEFF/, '');
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ...resolveConfig({}, overrides), text: '' };
    if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return fallback(error(SITE_FILES.config, 'not valid UTF-8 text (save it as UTF-8)'));
    return fallback(error(SITE_FILES.config, `cannot read: ${messageOf(thrown)}`));
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text) ?? {};
  } catch (thrown) {
    return fallback(diagnosticFrom(thrown, { file: SITE_FILES.config }, 'invalid YAML: '), text);
  }
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return fallback(error(SITE_FILES.config, 'must be a YAML mapping (key: value)', 1), text);
  return { ...resolveConfig(parsed as Record<string, unknown>, overrides, SITE_FILES.config, yamlLines(text)), text };
}
