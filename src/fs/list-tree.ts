/** Listing a folder tree the way the build sees it. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** `a\\b` → `a/b`: the site's paths use `/` on every platform. */
export function toSlashes(p: string): string {
  return p.split(path.sep).join('/');
}

/** Every file below `dir` (relative, `/`-separated, sorted), skipping hidden names; empty when `dir` is missing. */
export function listTree(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => toSlashes(path.relative(dir, path.join(e.parentPath, e.name))))
      .filter((rel) => !rel.split('/').some((s) => s.startsWith('.')))
      .sort();
  } catch {
    return [];
  }
}
