/** Whether a site has search (`search:` in `_config.yml`) and which posts it indexes (`search:` in front matter). */
import { SEARCH_DEFAULTS } from '../config/defaults.js';

/** `false`, and the words people write for it in YAML (`no`, `off`: strings in YAML 1.2), turn a setting off. */
function isOff(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no|off)$/i.test(value.trim()));
}

/** Whether the site gets a search page and index: on unless `search: false`. */
export function searchEnabled(data: Record<string, unknown>): boolean {
  return data.search === undefined || data.search === null ? SEARCH_DEFAULTS.enabled : !isOff(data.search);
}

/** Whether a post is indexed: unless its front matter says `search: false`. */
export function postSearchable(data: Record<string, unknown>): boolean {
  return !isOff(data.search);
}
