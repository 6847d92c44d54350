/**
 * Liquid layouts (liquidjs): Jekyll's `layout:` chaining, `{{ content }}`, `page`, `site`, includes
 * from `_includes/`. A site's own `layouts/` wins; inkstone's default theme fills in what it lacks.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import { error, type Diagnostic } from '../diagnostics.js';
import { parseFrontMatter } from '../content/post.js';
import { YamlError } from '../content/yaml.js';

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
}

/** The loaded theme: every layout, and the Liquid engine they were parsed with. */
export interface Theme {
  engine: Liquid;
  layouts: Map<string, Layout>;
  /** Layout folders searched, site first. */
  dirs: string[];
  /** Layouts that exist but could not be parsed (already reported). */
  broken: Set<string>;
  /** Hash of every include in `_includes/`: includes are read by Liquid on demand, so any change counts for every page. */
  includesHash: string;
}

/** Site-wide URL settings the URL filters need. */
export interface UrlSettings {
  url: string;
  baseurl: string;
}

/** `/a b/` → `/base/a%20b/`: a site path with the base path, percent-encoded for an href. */
export function relativeUrl(input: unknown, baseurl: string): string {
  const value = String(input ?? '');
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return value;
  const joined = `${baseurl}/${value.replace(/^\/+/, '')}`;
  return encodeURI(joined.normalize('NFC')).replace(/%25([0-9A-F]{2})/gi, '%$1');
}

/** Like relativeUrl, with the site's `url` in front. */
export function absoluteUrl(input: unknown, settings: UrlSettings): string {
  const value = String(input ?? '');
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return value;
  return settings.url + relativeUrl(value, settings.baseurl);
}

/** A Liquid engine with Jekyll's URL filters and includes from `_includes/`. */
export function createEngine(dirs: string[], settings: UrlSettings): Liquid {
  const engine = new Liquid({
    root: dirs,
    partials: dirs.map((d) => path.join(d, '_includes')),
    layouts: dirs,
    extname: '.html',
    jekyllInclude: true,
    preserveTimezones: true,
    cache: true,
  });
  engine.registerFilter('relative_url', (v: unknown) => relativeUrl(v, settings.baseurl));
  engine.registerFilter('absolute_url', (v: unknown) => absoluteUrl(v, settings));
  return engine;
}

/** `file:line` of a Liquid error, mapped from template line to file line. */
function liquidErrorLine(thrown: unknown, firstLine: number): number {
  const token = (thrown as { token?: { getPosition?: () => [number, number] } }).token;
  const line = token?.getPosition?.()[0];
  return line ? line + firstLine - 1 : firstLine;
}

/** First line of a Liquid error message, without liquidjs's position suffix and source excerpt. */
export function liquidMessage(thrown: unknown): string {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return message.split('\n')[0]!.replace(/,? (?:file:.*, )?line:\d+, col:\d+$/, '');
}

async function listLayouts(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.html')).sort();
  } catch {
    return [];
  }
}

/** Reads and parses every layout in `dirs` (earlier folders win), collecting all errors. */
export async function loadTheme(root: string, dirs: string[], settings: UrlSettings): Promise<{ theme: Theme; errors: Diagnostic[] }> {
  const engine = createEngine(dirs, settings);
  const layouts = new Map<string, Layout>();
  const broken = new Set<string>();
  const errors: Diagnostic[] = [];
  for (const dir of dirs) {
    for (const fileName of await listLayouts(dir)) {
      const name = fileName.slice(0, -'.html'.length);
      if (layouts.has(name)) continue;
      const abs = path.join(dir, fileName);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const file = rel.startsWith('..') ? abs : rel;
      let text: string;
      try {
        text = await readFile(abs, 'utf8');
      } catch (thrown) {
        errors.push(error(file, `cannot read layout: ${(thrown as Error).message}`));
        continue;
      }
      let parsed;
      try {
        parsed = parseFrontMatter(text);
      } catch (thrown) {
        const e = thrown as YamlError;
        errors.push(error(file, `invalid front matter: ${e.message}`, (e.line ?? 0) + 1));
        broken.add(name);
        continue;
      }
      try {
        const templates = engine.parse(parsed.body, abs);
        const parent = typeof parsed.data.layout === 'string' && parsed.data.layout !== 'none' ? parsed.data.layout : undefined;
        layouts.set(name, { name, file, parent, line: parsed.bodyLine, templates, source: parsed.body });
      } catch (thrown) {
        errors.push(error(file, `Liquid syntax error: ${liquidMessage(thrown)}`, liquidErrorLine(thrown, parsed.bodyLine)));
        broken.add(name);
      }
    }
  }
  for (const layout of layouts.values()) {
    const seen = new Set<string>([layout.name]);
    for (let parent = layout.parent; parent; parent = layouts.get(parent)?.parent) {
      if (broken.has(parent)) break;
      if (!layouts.has(parent)) {
        errors.push(error(layout.file, `layout "${parent}" does not exist (looked in ${dirs.join(', ')})`, 2));
        break;
      }
      if (seen.has(parent)) {
        errors.push(error(layout.file, `layouts form a loop: ${[...seen, parent].join(' → ')}`, 2));
        break;
      }
      seen.add(parent);
    }
  }
  return { theme: { engine, layouts, dirs, broken, includesHash: await hashIncludes(dirs) }, errors };
}

/** A hash of the contents of every `_includes/` folder. */
async function hashIncludes(dirs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const [index, dir] of dirs.entries()) {
    const includes = path.join(dir, '_includes');
    let names: string[] = [];
    try {
      names = (await readdir(includes, { recursive: true })).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        hash.update(`${index}/${name}\0`).update(await readFile(path.join(includes, name)));
      } catch {
        // A folder, or gone: nothing to hash.
      }
    }
  }
  return hash.digest('hex');
}

/** The chain of layouts a page goes through, innermost first (`post` → `default`). */
export function layoutChain(theme: Theme, name: string): Layout[] {
  const chain: Layout[] = [];
  for (let layout = theme.layouts.get(name); layout && chain.length < 20; layout = layout.parent ? theme.layouts.get(layout.parent) : undefined) {
    chain.push(layout);
  }
  return chain;
}

/** Thrown when a page cannot be rendered; carries the file and line to report. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/**
 * Renders `content` through layout `name` and its parents with `page` and `site` in scope.
 * Layout `none` (or an empty name) returns the content unchanged.
 */
export async function renderWithLayout(
  theme: Theme,
  name: string,
  content: string,
  scope: { page: Record<string, unknown>; site: Record<string, unknown> },
): Promise<string> {
  if (!name || name === 'none') return content;
  const chain = layoutChain(theme, name);
  if (chain.length === 0) throw new TemplateError(`layout "${name}" does not exist (looked in ${theme.dirs.join(', ')})`, '', undefined);
  let html = content;
  for (const layout of chain) {
    try {
      html = theme.engine.renderSync(layout.templates, { ...scope, content: html, layout: {} }) as string;
    } catch (thrown) {
      throw new TemplateError(`Liquid error in layout "${layout.name}": ${liquidMessage(thrown)}`, layout.file, liquidErrorLine(thrown, layout.line));
    }
  }
  return html;
}

/** Whether any layout in the chain reads site-wide post lists (so it must re-render when any post changes). */
export function usesSiteLists(theme: Theme, name: string): boolean {
  return layoutChain(theme, name).some((l) => /site\.(posts|categories|tags)/.test(l.source) || /\{%-?\s*include/.test(l.source));
}
