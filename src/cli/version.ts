/** inkstone's version, from its package.json. */
import { readFileSync } from 'node:fs';
import { packagePath } from '../package-files.js';

/** The `version` field of inkstone's package.json. */
export function version(): string {
  const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}
