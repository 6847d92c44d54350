/**
 * Reading the layouts: every `*.html` in the site's `layouts/` and then inkstone's default theme
 * (a site's own layout wins), parsed once with the site's Liquid engine, every problem collected.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config/config.js';
import { type FrontMatter, parseFrontMatter } from '../content/front-matter.js';
import { type Diagnostic, diagnosticFrom, error, messageOf } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { createEngine, liquidErrorLine, liquidMessage } from '../render/liquid.js';
import type { Layout, Theme } from '../site/model.js';
import type { UrlSettings } from '../urls.js';

/** inkstone's own default theme, used for any layout a site does not provide. */
export const BUILTIN_LAYOUTS = fileURLToPath(new URL('../../layouts/', import.meta.url));

/** Theme folders: the site's own first, then the built-in theme. */
export function themeDirs(config: Pick<SiteConfig, 'layoutsDir'>): string[] {
  const dirs = [config.layoutsDir, BUILTIN_LAYOUTS].map((d) => path.resolve(d));
  return [...new Set(dirs)];
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
