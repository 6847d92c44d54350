/** inkstone's version, from its package.json (two folders up from src/cli/ and from dist/cli/ alike). */
import { readFileSync } from 'node:fs';

/** The `version` field of inkstone's package.json. */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}
