/**
 * The warm record's key: everything besides the site's files that decides what a build writes —
 * the command's options, the working folder, inkstone's own code and installed packages, Node's
 * version, and the environment variables the build reads. Worker counts and `--verbose` change how
 * a build runs, not what it writes, and are left out.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CODE_DIR, PACKAGE_ROOT } from '../package-files.js';

/** The build options that decide the output (the command line's `build` part). */
export interface KeyedOptions {
  root?: string | undefined;
  outDir?: string | undefined;
  baseurl?: string | undefined;
  url?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  unpublished?: boolean | undefined;
  strict?: boolean | undefined;
}

/** Environment variables a build's output may depend on. */
const ENVIRONMENT = ['JEKYLL_ENV', 'TZ'] as const;

const statLine = (file: string): string => {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${file}:${s.size}:${s.mtimeMs}:${s.ino}` : `${file}:none`;
};

/** Stamps of inkstone's running code (the compiled or source folder), its lock files and its patches. */
export function codeStamp(codeDir = CODE_DIR, packageRoot = PACKAGE_ROOT): string {
  const lines: string[] = [];
  for (const dir of [codeDir, path.join(packageRoot, 'patches')]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    } catch {
      // No patches folder.
    }
    for (const name of names) lines.push(statLine(path.join(dir, name)));
  }
  for (const file of ['package.json', 'package-lock.json', 'node_modules/.package-lock.json']) lines.push(statLine(path.join(packageRoot, file)));
  return lines.join('\n');
}

/** The key of a build with these options, run from `cwd`. */
export function warmKey(options: KeyedOptions, cwd = process.cwd(), code = codeStamp()): string {
  const { root, outDir, baseurl, url, drafts, future, unpublished, strict } = options;
  const command = { root: path.resolve(cwd, root ?? '.'), outDir, baseurl, url, drafts, future, unpublished, strict };
  const environment = ENVIRONMENT.map((name) => [name, process.env[name] ?? null]);
  return createHash('sha256')
    .update(JSON.stringify({ cwd, command, node: process.version, environment }))
    .update(code)
    .digest('hex');
}
