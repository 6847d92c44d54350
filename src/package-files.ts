/**
 * Where inkstone's own files are — its package folder, default theme, lock file and running code —
 * whether it runs from its TypeScript sources (tests, tsx) or from the bundles in dist/, where a
 * module's own location says nothing about the folder it came from.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** Whether inkstone runs from its TypeScript sources (src/) rather than the compiled bundles (dist/). */
export const FROM_SOURCES = here.endsWith('.ts');

/** inkstone's package folder: the nearest folder above the running code that holds a package.json. */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(here);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`inkstone: no package.json above ${here}`);
    dir = parent;
  }
  return dir;
})();

/** A path inside inkstone's package folder. */
export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

/** The folder of the running code: src/ or dist/. */
export const CODE_DIR = packagePath(FROM_SOURCES ? 'src' : 'dist');

/** The file of one of inkstone's modules (`render-service/worker`), as the running code has it: `.ts` in src/, `.js` in dist/. */
export function moduleFile(name: string): string {
  return path.join(CODE_DIR, `${name}${FROM_SOURCES ? '.ts' : '.js'}`);
}
