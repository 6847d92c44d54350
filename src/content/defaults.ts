/**
 * Jekyll's front matter defaults (`defaults:` in `_config.yml`): values a document gets when its
 * own front matter does not set them, chosen by path and type. More specific scopes win (a longer
 * path, then a scope that names a type), as in Jekyll's `FrontmatterDefaults`.
 */
import { type Diagnostic, error } from '../diagnostics.js';
import { matchesPathPattern } from '../site/content-paths.js';

/** What a document is, for a default's `type` scope. */
export type DocumentType = 'posts' | 'drafts' | 'pages';

/** One entry of `defaults:`. */
export interface FrontMatterDefault {
  /** Path prefix or glob relative to the site root; `''` for every path. */
  path: string;
  type: DocumentType | undefined;
  values: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `defaults:` from `_config.yml`; malformed entries are errors on the config file. */
export function parseDefaults(value: unknown, file: string): { defaults: FrontMatterDefault[]; errors: Diagnostic[] } {
  if (value === undefined || value === null) return { defaults: [], errors: [] };
  if (!Array.isArray(value)) return { defaults: [], errors: [error(file, '"defaults" must be a list of { scope, values }')] };
  const defaults: FrontMatterDefault[] = [];
  const errors: Diagnostic[] = [];
  value.forEach((entry, i) => {
    const scope = isObject(entry) && isObject(entry.scope) ? entry.scope : {};
    if (!isObject(entry) || !isObject(entry.values)) {
      errors.push(error(file, `"defaults" entry ${i + 1} needs "values:" (a mapping)`));
      return;
    }
    const type = scope.type === undefined ? undefined : String(scope.type);
    if (type !== undefined && type !== 'posts' && type !== 'drafts' && type !== 'pages') {
      // Collections other than posts and drafts do not exist here; such a default applies to nothing.
      return;
    }
    defaults.push({ path: scope.path === undefined || scope.path === null ? '' : String(scope.path), type, values: entry.values });
  });
  return { defaults, errors };
}

/** Merges `extra` into `base`, mappings recursively (Jekyll's `deep_merge_hashes`). */
function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const before = out[key];
    out[key] = isObject(before) && isObject(value) ? deepMerge(before, value) : value;
  }
  return out;
}

/** The default values for a document at `sitePath` (relative to the site root) of `type`. */
export function defaultsFor(defaults: readonly FrontMatterDefault[], sitePath: string, type: DocumentType): Record<string, unknown> {
  const matching = defaults
    .filter(
      (d) => (d.type === undefined || d.type === type || (type === 'drafts' && d.type === 'posts')) && (d.path === '' || matchesPathPattern(sitePath, d.path)),
    )
    .map((d, order) => ({ d, order }))
    .sort((a, b) => a.d.path.length - b.d.path.length || Number(a.d.type !== undefined) - Number(b.d.type !== undefined) || a.order - b.order);
  return matching.reduce<Record<string, unknown>>((acc, { d }) => deepMerge(acc, d.values), {});
}

/** A document's front matter over its defaults (front matter wins). */
export function withDefaults(data: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(defaults).length === 0 ? data : deepMerge(defaults, data);
}
