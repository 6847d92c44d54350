/**
 * Reading the layouts: every `*.html` in the site's `layouts/` and then inkstone's default theme
 * (a site's own layout wins), parsed once with the site's Liquid engine, every problem collected.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../config/config.js';
import { type FrontMatter, parseFrontMatter } from '../content/front-matter.js';
import { type Diagnostic, diagnosticFrom, error, messageOf } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { createJekyllEngine } from '../liquid/engine.js';
import { liquidErrorLine, liquidMessage } from '../liquid/errors.js';
import { packagePath } from '../package-files.js';
import { createSiteHooks } from '../render/site-hooks.js';
import type { Layout, Theme, ThemeFolders } from '../site/model.js';
import type { UrlSettings } from '../urls.js';

/** What the theme's Liquid engine needs of the site's settings. */
export interface ThemeSettings extends UrlSettings {
  liquid?: { strictVariables: boolean; strictFilters: boolean } | undefined;
  timezone?: string | undefined;
}

/** inkstone's own default theme, used for any layout a site does not provide. */
export const BUILTIN_LAYOUTS = packagePath('layouts');

/**
 * inkstone-style theme folders (layouts at the top, `_includes/` and `assets/` inside) as the
 * folders of each part, in order.
 */
export function themeFoldersOf(dirs: readonly string[]): ThemeFolders {
  const unique = [...new Set(dirs.map((d) => path.resolve(d)))];
  return { layouts: unique, includes: unique.map((d) => path.join(d, '_includes')), assets: unique.map((d) => path.join(d, 'assets')) };
}

/** A site's theme folders: Jekyll's `_layouts/` and `_includes/`, then inkstone's `layouts/`, then the built-in theme. */
export function themeFolders(config: Pick<SiteConfig, 'root' | 'layoutsDir'>): ThemeFolders {
  const inkstone = themeFoldersOf([config.layoutsDir, BUILTIN_LAYOUTS]);
  return {
    layouts: [path.join(config.root, '_layouts'), ...inkstone.layouts],
    includes: [path.join(config.root, '_includes'), ...inkstone.includes],
    assets: inkstone.assets,
  };
}

async function listLayouts(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.html')).sort();
  } catch {
    return [];
  }
}

/**
 * Reads and parses every layout (earlier folders win), collecting all errors. `folders` may be
 * inkstone-style theme folders (see themeFoldersOf).
 */
export async function loadTheme(
  root: string,
  folders: ThemeFolders | readonly string[],
  settings: ThemeSettings,
): Promise<{ theme: Theme; errors: Diagnostic[] }> {
  const parts = 'layouts' in folders ? folders : themeFoldersOf(folders);
  const hooks = createSiteHooks();
  const reads = new Set<string>();
  const engine = createJekyllEngine({
    reads,
    includeDirs: parts.includes,
    layoutDirs: parts.layouts,
    root,
    urls: { url: settings.url, baseurl: settings.baseurl },
    hooks,
    // Strict variables apply to the site's own documents and layouts only (see renderDocument, renderWithLayout):
    // the default theme reads optional fields.
    strictFilters: settings.liquid?.strictFilters,
    ...(settings.timezone ? { timezone: settings.timezone } : {}),
  });
  const layouts = new Map<string, Layout>();
  const broken = new Set<string>();
  const errors: Diagnostic[] = [];
  const shown = parts.layouts.map((d) => toSlashes(path.relative(root, d)) || '.').filter((d) => !d.startsWith('..'));
  for (const dir of parts.layouts) {
    for (const fileName of await listLayouts(dir)) {
      const name = fileName.slice(0, -'.html'.length);
      if (layouts.has(name)) continue;
      const abs = path.join(dir, fileName);
      const rel = toSlashes(path.relative(root, abs));
      const file = rel.startsWith('..') ? abs : rel;
      let text: string;
      try {
        text = await readFile(abs, 'utf8');
      } catch (thrown) {
        errors.push(error(file, `cannot read layout: ${messageOf(thrown)}`));
        continue;
      }
      let parsed: FrontMatter;
      try {
        parsed = parseFrontMatter(text);
      } catch (thrown) {
        errors.push(diagnosticFrom(thrown, { file, line: 1 }, 'invalid front matter: '));
        broken.add(name);
        continue;
      }
      try {
        const templates = engine.parse(parsed.body, abs);
        const parent = typeof parsed.data.layout === 'string' && parsed.data.layout !== 'none' ? parsed.data.layout : undefined;
        const own = path.resolve(dir) !== path.resolve(BUILTIN_LAYOUTS);
        layouts.set(name, { name, file, parent, line: parsed.bodyLine, templates, source: parsed.body, data: parsed.data, own });
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
        errors.push(error(layout.file, `layout "${parent}" does not exist (looked in ${[...shown, 'the default theme'].join(', ')})`, 2));
        break;
      }
      if (seen.has(parent)) {
        errors.push(error(layout.file, `layouts form a loop: ${[...seen, parent].join(' → ')}`, 2));
        break;
      }
      seen.add(parent);
    }
  }
  const includes = await hashIncludes(parts.includes);
  return { theme: { engine, layouts, folders: parts, broken, includesHash: includes.hash, includesReadContent: includes.readsContent, hooks, reads }, errors };
}

/** A hash of the contents of every include folder, and whether any include reads `.content`. */
async function hashIncludes(dirs: readonly string[]): Promise<{ hash: string; readsContent: boolean }> {
  const hash = createHash('sha256');
  let readsContent = false;
  for (const [index, includes] of dirs.entries()) {
    let names: string[] = [];
    try {
      names = (await readdir(includes, { recursive: true })).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const bytes = await readFile(path.join(includes, name));
        hash.update(`${index}/${name}\0`).update(bytes);
        readsContent ||= /\.content\b/.test(bytes.toString('utf8'));
      } catch {
        // A folder, or gone: nothing to hash.
      }
    }
  }
  return { hash: hash.digest('hex'), readsContent };
}
