/**
 * Checks a parsed `_config.yml` against the schema (config/schema.ts): wrong types and values that
 * cannot work are errors, unknown keys warnings with a did-you-mean, each once, at its line. Returns
 * the data typed (YAML 1.1's `yes`/`no` read as booleans, `defaults:` values included).
 */
import path from 'node:path';
import { checkKeys, type KeyProblem, valueAt } from '../content/check-keys.js';
import { FRONT_MATTER_RULES } from '../content/front-matter-rules.js';
import type { YamlPath } from '../content/yaml.js';
import { type Diagnostic, error, sortDiagnostics, warning } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import { SITE_DEFAULTS } from './defaults.js';
import { JEKYLL_KEYS, NAMESPACE_KEYS, pluginNamespaces } from './jekyll-keys.js';
import { CONFIG_KEYS } from './schema.js';
import { destinationProblem } from './value-checks.js';

/** What the checks need besides the data. */
export interface ValidateOptions {
  /** The config file's name, for diagnostics. */
  file: string;
  /** Absolute site folder. */
  root: string;
  /** The 1-based line of a key (see content/yaml.ts `yamlLines`). */
  lineOf: (path: YamlPath) => number | undefined;
  /** The command line chose the output folder (it checks that one itself). */
  outDirOverridden: boolean;
}

/** Folders of a site that are read, never written: a destination must hold none of them. */
const SOURCE_FOLDERS = ['_posts', '_drafts', '_layouts', '_includes', '_data', '_sass'];

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

/** Top-level keys the schema, Jekyll and the site's theme and plugins account for. */
function knownKeys(data: Record<string, unknown>): { known: Set<string>; suggestions: string[] } {
  const own = CONFIG_KEYS.map((k) => k.key).filter((k) => !k.includes('.'));
  const owners = pluginNamespaces([
    ...names(data.plugins),
    ...names(data.gems),
    ...names(data.theme),
    ...names(data.remote_theme).map((n) => n.split('/').pop()!),
  ]);
  return { known: new Set([...own, ...JEKYLL_KEYS, ...owners]), suggestions: [...own, ...JEKYLL_KEYS] };
}

/** One warning per key nothing accounts for, at the top level and in the mappings whose keys are known. */
function unknownKeys(data: Record<string, unknown>): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const { known, suggestions } = knownKeys(data);
  for (const key of Object.keys(data)) {
    if (known.has(key)) continue;
    const guess = didYouMean(key, suggestions);
    const message = guess ? `unknown key "${key}"${guess}` : `unknown key "${key}": inkstone does not read it (layouts still see it as site.${key})`;
    problems.push({ path: [key], message, severity: 'warning' });
  }
  for (const [namespace, keys] of Object.entries(NAMESPACE_KEYS)) {
    const value = data[namespace];
    if (!isMapping(value)) continue;
    for (const key of Object.keys(value)) {
      if (keys.includes(key)) continue;
      problems.push({
        path: [namespace, key],
        message: `unknown key "${namespace}.${key}"${didYouMean(key, keys, (k) => `${namespace}.${k}`)}`,
        severity: 'warning',
      });
    }
  }
  return problems;
}

/** `defaults:` values checked as the front matter they stand for (`published: no` is false there too). */
function checkDefaults(data: Record<string, unknown>): { data: Record<string, unknown>; problems: KeyProblem[] } {
  if (!Array.isArray(data.defaults)) return { data, problems: [] };
  const problems: KeyProblem[] = [];
  const entries = data.defaults.map((entry: unknown, i) => {
    if (!isMapping(entry) || !isMapping(entry.values)) return entry;
    const checked = checkKeys(entry.values, FRONT_MATTER_RULES);
    problems.push(...checked.problems.map((p) => ({ ...p, path: ['defaults', i, 'values', ...p.path], message: `"defaults" entry ${i + 1}: ${p.message}` })));
    return { ...entry, values: checked.data };
  });
  return { data: { ...data, defaults: entries }, problems };
}

/** The output folder's problem, as a key problem. */
function checkDestination(data: Record<string, unknown>, root: string): KeyProblem[] {
  const value = data.destination;
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const dir = (key: string, fallback: string) => path.resolve(root, String(valueAt(data, key) ?? fallback));
  const sources = [dir('posts_dir', SITE_DEFAULTS.postsDir), dir('layouts_dir', SITE_DEFAULTS.layoutsDir), ...SOURCE_FOLDERS.map((f) => path.join(root, f))];
  const message = destinationProblem(String(value), root, sources);
  return message ? [{ path: ['destination'], message, severity: 'error' }] : [];
}

/** Checks `_config.yml`'s data: the typed data and every problem, as diagnostics on the config file. */
export function validateConfig(data: Record<string, unknown>, options: ValidateOptions): { data: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const typed = checkKeys(data, CONFIG_KEYS);
  const defaults = checkDefaults(typed.data);
  const problems = [
    ...typed.problems,
    ...defaults.problems,
    ...(options.outDirOverridden ? [] : checkDestination(defaults.data, options.root)),
    ...unknownKeys(data),
  ];
  const diagnostics = problems.map((p) => (p.severity === 'error' ? error : warning)(options.file, p.message, options.lineOf(p.path) ?? 1));
  return { data: defaults.data, diagnostics: sortDiagnostics(diagnostics) };
}
