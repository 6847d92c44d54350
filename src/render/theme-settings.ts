/**
 * The default theme's `_config.yml` keys, read from the raw config with their defaults
 * (config/defaults.ts THEME_DEFAULTS): `toc`, `toc_levels`, `toc_min_headings`, `related_posts`,
 * `date_format`. A post's front matter may set `toc` and `toc_levels` for itself.
 */
import type { SiteConfig } from '../config/config.js';
import { THEME_DEFAULTS } from '../config/defaults.js';
import { parseLevels } from './toc.js';

/** The theme settings of a site. */
export interface ThemeSettings {
  toc: boolean;
  tocLevels: readonly number[];
  tocMinHeadings: number;
  relatedPosts: number;
  /** strftime for reader-facing dates; undefined: the language's own. */
  dateFormat: string | undefined;
}

const count = (value: unknown, fallback: number) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : fallback);

/** The settings `_config.yml` gives (invalid values fall back to the defaults). */
export function themeSettings(config: Pick<SiteConfig, 'data'>): ThemeSettings {
  const data = config.data;
  return {
    toc: typeof data.toc === 'boolean' ? data.toc : THEME_DEFAULTS.toc,
    tocLevels: parseLevels(data.toc_levels) ?? THEME_DEFAULTS.tocLevels,
    tocMinHeadings: count(data.toc_min_headings, THEME_DEFAULTS.tocMinHeadings),
    relatedPosts: count(data.related_posts, THEME_DEFAULTS.relatedPosts),
    dateFormat: typeof data.date_format === 'string' && data.date_format.trim() ? data.date_format : THEME_DEFAULTS.dateFormat,
  };
}

/** Whether and which levels a post's table of contents shows: its front matter over the site's settings. */
export function postTocSettings(settings: ThemeSettings, front: Record<string, unknown>): { show: boolean; levels: readonly number[] } {
  const show = typeof front.toc === 'boolean' ? front.toc : settings.toc;
  return { show, levels: parseLevels(front.toc_levels) ?? settings.tocLevels };
}
