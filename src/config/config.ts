/** `_config.yml` → SiteConfig: defaults, validation, clear errors. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidTimeZone } from '../content/dates.js';
import { type FrontMatterDefault, parseDefaults } from '../content/defaults.js';
import { parseYaml } from '../content/yaml.js';
import { type Diagnostic, diagnosticFrom, error, messageOf } from '../diagnostics.js';
import { SITE_DEFAULTS, SITE_FILES } from './defaults.js';

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

function stringField(data: Record<string, unknown>, key: string, fallback: string, errors: Diagnostic[], file: string): string {
  const value = data[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  errors.push(error(file, `"${key}" must be a string`));
  return fallback;
}

/** Resolves a parsed `_config.yml` object and overrides into a SiteConfig (pure). */
export function resolveConfig(
  data: Record<string, unknown>,
  overrides: ConfigOverrides,
  file: string = SITE_FILES.config,
): { config: SiteConfig; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const root = path.resolve(overrides.root ?? '.');
  const str = (key: string, fallback: string) => stringField(data, key, fallback, errors, file);
  const timezone = data.timezone === undefined || data.timezone === null ? undefined : str('timezone', '');
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    errors.push(error(file, `unknown timezone "${timezone}" (use an IANA name such as Asia/Shanghai)`));
  }
  const feed = (typeof data.feed === 'object' && data.feed !== null ? data.feed : {}) as Record<string, unknown>;
  const feedLimit = feed.posts_limit ?? SITE_DEFAULTS.feedLimit;
  if (typeof feedLimit !== 'number' || !Number.isInteger(feedLimit) || feedLimit < 1) {
    errors.push(error(file, `"feed.posts_limit" must be a positive whole number`));
  }
  const flag = (key: string, override: boolean | undefined) => override ?? data[key] === true;
  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.map(String);
    if (typeof value === 'string') return [value];
    errors.push(error(file, `"${key}" must be a list`));
    return [];
  };
  const { defaults, errors: defaultErrors } = parseDefaults(data.defaults, file);
  errors.push(...defaultErrors);
  const liquid = (typeof data.liquid === 'object' && data.liquid !== null ? data.liquid : {}) as Record<string, unknown>;
  const paginate = typeof data.paginate === 'number' && Number.isInteger(data.paginate) && data.paginate > 0 ? data.paginate : undefined;
  if (data.paginate !== undefined && data.paginate !== null && paginate === undefined) errors.push(error(file, '"paginate" must be a positive whole number'));
  const config: SiteConfig = {
    root,
    postsDir: path.resolve(root, str('posts_dir', SITE_DEFAULTS.postsDir)),
    layoutsDir: path.resolve(root, str('layouts_dir', SITE_DEFAULTS.layoutsDir)),
    outDir: path.resolve(root, overrides.outDir ?? str('destination', SITE_DEFAULTS.destination)),
    title: str('title', SITE_DEFAULTS.title),
    description: str('description', ''),
    author: typeof data.author === 'object' && data.author ? String((data.author as { name?: unknown }).name ?? '') : str('author', ''),
    url: (overrides.url ?? str('url', '')).replace(/\/+$/, ''),
    baseurl: normalizeBaseurl(overrides.baseurl ?? str('baseurl', '')),
    lang: data.lang === undefined ? undefined : str('lang', 'en'),
    timezone: timezone && isValidTimeZone(timezone) ? timezone : undefined,
    permalink: str('permalink', SITE_DEFAULTS.permalink),
    future: flag('future', overrides.future),
    unpublished: flag('unpublished', overrides.unpublished),
    drafts: flag('show_drafts', overrides.drafts),
    excerptSeparator: data.excerpt_separator === undefined ? undefined : str('excerpt_separator', '\n\n'),
    feedLimit: typeof feedLimit === 'number' && feedLimit >= 1 ? Math.floor(feedLimit) : SITE_DEFAULTS.feedLimit,
    strict: flag('strict_links', overrides.strict),
    include: list('include'),
    exclude: list('exclude'),
    defaults,
    liquid: { strictVariables: liquid.strict_variables === true, strictFilters: liquid.strict_filters === true },
    liquidInCode: typeof data.liquid_in_code === 'boolean' ? data.liquid_in_code : undefined,
    paginate,
    paginatePath: str('paginate_path', SITE_DEFAULTS.paginatePath),
    plugins: [...list('plugins'), ...list('gems')],
    theme: data.theme === undefined || data.theme === null ? undefined : str('theme', ''),
    data,
  };
  return { config, errors };
}

/** Reads `<root>/_config.yml` (optional) and resolves it; `text` is the file's text (empty when there is none). */
export async function loadConfig(overrides: ConfigOverrides): Promise<{ config: SiteConfig; errors: Diagnostic[]; text: string }> {
  const root = path.resolve(overrides.root ?? '.');
  const file = path.join(root, SITE_FILES.config);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return { ...resolveConfig({}, overrides), text: '' };
    return { ...resolveConfig({}, overrides), errors: [error(SITE_FILES.config, `cannot read: ${messageOf(thrown)}`)], text: '' };
  }
  try {
    const parsed = parseYaml(text.replace(/^\uFEFF/, '')) ?? {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { ...resolveConfig({}, overrides), errors: [error(SITE_FILES.config, 'must be a YAML mapping (key: value)', 1)], text };
    }
    return { ...resolveConfig(parsed as Record<string, unknown>, overrides), text };
  } catch (thrown) {
    return { ...resolveConfig({}, overrides), errors: [diagnosticFrom(thrown, { file: SITE_FILES.config }, 'invalid YAML: ')], text };
  }
}
