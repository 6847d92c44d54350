/**
 * The command line's checks on the disk, before any work: `--src` is an existing folder (with a
 * did-you-mean among its siblings), and `--out` is not a file and would not replace the site's own
 * folders (the build makes the output folder hold exactly the site: anything else in it goes). Reads only; creates nothing.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SITE_DEFAULTS } from '../config/defaults.js';
import type { Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';
import type { Command } from './args.js';
import { usageProblem } from './args.js';

type Kind = 'folder' | 'file' | 'missing' | 'unreadable';

async function kindOf(file: string): Promise<Kind> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'file';
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable';
  }
}

/** ` (did you mean "sites/blog"?)` from the folders next to a missing one. */
async function siblingGuess(given: string, cwd: string): Promise<string> {
  const parent = path.dirname(given);
  try {
    const entries = await readdir(path.resolve(cwd, parent), { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
    return didYouMean(path.basename(given), folders, (name) => (parent === '.' ? name : path.join(parent, name)));
  } catch {
    return '';
  }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);

/** What building into `outDir` would destroy, if anything: the site folder or one of its source folders. */
function clobbered(outDir: string, root: string): string | undefined {
  if (inside(root, outDir)) return 'the site folder';
  for (const name of [SITE_DEFAULTS.postsDir, SITE_DEFAULTS.layoutsDir]) {
    const dir = path.join(root, name);
    if (inside(outDir, dir) || inside(dir, outDir)) return `the ${name}/ folder`;
  }
  return undefined;
}

/** The first problem with `--src` or `--out` on the disk, or undefined when the command can run. */
export async function preflight(command: Command, cwd = process.cwd()): Promise<Diagnostic | undefined> {
  if (command.name !== 'build' && command.name !== 'dev') return undefined;
  const src = command.build.root;
  const root = path.resolve(cwd, src ?? '.');
  if (src !== undefined) {
    const kind = await kindOf(root);
    if (kind === 'missing') return usageProblem(`--src "${src}": no such folder${await siblingGuess(src, cwd)}`);
    if (kind === 'file') return usageProblem(`--src "${src}" is a file, not a folder`);
    if (kind === 'unreadable') return usageProblem(`--src "${src}": cannot read this folder`);
  }
  const out = command.build.outDir;
  if (out !== undefined) {
    const outDir = path.resolve(root, out);
    const lost = clobbered(outDir, root);
    if (lost) return usageProblem(`--out "${out}" would replace ${lost}; choose a folder of its own, e.g. ${SITE_DEFAULTS.destination}`);
    if ((await kindOf(outDir)) === 'file') return usageProblem(`--out "${out}" is a file, not a folder`);
  }
  return undefined;
}
