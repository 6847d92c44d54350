/**
 * Sass pages (`assets/main.scss` with front matter) compiled with `sass`, the reference
 * implementation: partials from the site's `_sass/`, then the file's own folder. `@import "minima"`
 * (a minima site's stylesheet) resolves to inkstone's default theme stylesheet, so a site's own
 * additions still compile on top of it. Errors carry the file and line of the Sass source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Exception, Importer } from 'sass';
import { LocatedError } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { packagePath } from '../package-files.js';

/** The default theme's stylesheet, which stands in for minima's. */
const THEME_CSS = packagePath('layouts', 'assets', 'style.css');

/** Resolves `minima` (and `minima/…`) to the default theme's stylesheet. */
const minimaImporter: Importer = {
  canonicalize(url) {
    return /^minima(\/|$)/.test(url) ? new URL('inkstone:minima') : null;
  },
  load() {
    return { contents: readFileSync(THEME_CSS, 'utf8'), syntax: 'css' };
  },
};

/** What compiling needs to know. */
export interface SassOptions {
  /** Site root: `_sass/` is below it, and error paths are relative to it. */
  root: string;
  /** Source path of the file, relative to the root. */
  source: string;
  /** 1-based file line where the Sass text starts (after front matter). */
  bodyLine: number;
  /** `sass.style` of `_config.yml`. */
  style?: 'expanded' | 'compressed';
  /** Every file the compiler loads is added here (they count as the site's inputs). */
  reads?: Set<string>;
}

/** Compiles Sass or SCSS (by the file's extension) to CSS; rejects with a LocatedError with the file and line of a problem. */
export async function compileSass(text: string, options: SassOptions): Promise<string> {
  const abs = path.join(options.root, options.source);
  // Loaded on first use: sass is large, and most builds compile nothing.
  const { compileString } = await import('sass');
  try {
    const result = compileString(text, {
      syntax: options.source.endsWith('.sass') ? 'indented' : 'scss',
      url: pathToFileURL(abs),
      loadPaths: [path.join(options.root, '_sass'), path.dirname(abs)],
      importers: [minimaImporter],
      style: options.style ?? 'expanded',
      silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div', 'mixed-decls'],
      logger: { warn: () => {} },
    });
    for (const url of result.loadedUrls) if (url.protocol === 'file:') options.reads?.add(fileURLToPath(url));
    return result.css + '\n';
  } catch (thrown) {
    const e = thrown as Exception;
    const span = e.span;
    if (!span) throw new LocatedError(String(e.message ?? thrown), options.source, options.bodyLine);
    const spanFile = span.url ? fileURLToPath(span.url) : abs;
    const same = spanFile === abs;
    const file = same ? options.source : toSlashes(path.relative(options.root, spanFile));
    const line = span.start.line + 1 + (same ? options.bodyLine - 1 : 0);
    throw new LocatedError(`Sass error: ${e.sassMessage ?? e.message}`, file, line);
  }
}
