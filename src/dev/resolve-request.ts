/**
 * Which file of the output folder a preview request names, refusing anything that would leave it:
 * encoded separators, NUL, dot segments, and symlinks pointing outside the real output folder.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the server serves right now (both can change when `_config.yml` does). */
export interface ServedSite {
  /** Absolute output folder. */
  outDir: string;
  /** `''` or `/repo` (no trailing slash), as in SiteConfig. */
  baseurl: string;
}

/** Content types by extension. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** The content type of a file name (`application/octet-stream` when unknown). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** How a request path resolves against the output folder. */
export type Resolved =
  | { kind: 'file'; file: string; rel: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }
  | { kind: 'forbidden'; reason: string }
  | { kind: 'bad'; reason: string };

/** Path segments percent-encoded and joined, for a redirect's Location. */
export const encodePath = (segments: readonly string[]) => segments.map((s) => encodeURIComponent(s)).join('/');

const within = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * Resolves a raw request path (`/repo/2020/01/%E5%86%85.html`, no query) to a file in the output
 * folder. Percent-escapes are decoded per segment; an encoded `/` or `\`, a NUL, or a `.`/`..`
 * segment is refused outright, and the final real path (symlinks resolved) must lie inside the
 * real output folder.
 */
export async function resolveRequest(site: ServedSite, rawPath: string): Promise<Resolved> {
  if (!rawPath.startsWith('/')) return { kind: 'bad', reason: 'request target must be a path' };
  const segments: string[] = [];
  for (const part of rawPath.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { kind: 'bad', reason: 'malformed percent-encoding' };
    }
    if (/[/\\\0]/.test(decoded)) return { kind: 'bad', reason: 'encoded slash, backslash or NUL in the path' };
    if (decoded === '.' || decoded === '..') return { kind: 'forbidden', reason: 'dot segment in the path' };
    segments.push(decoded);
  }
  const trailingSlash = segments.length === 0 || segments[segments.length - 1] === '';
  const parts = segments.filter(Boolean);
  const base = site.baseurl.split('/').filter(Boolean);
  if (!base.every((b, i) => parts[i] === b)) {
    return parts.length === 0 ? { kind: 'redirect', location: `/${encodePath(base)}/` } : { kind: 'missing' };
  }
  const rel = parts.slice(base.length);
  let realOut: string;
  try {
    realOut = await realpath(site.outDir);
  } catch {
    return { kind: 'missing' };
  }
  const realOf = async (file: string): Promise<string | undefined> => {
    try {
      return await realpath(file);
    } catch {
      return undefined;
    }
  };
  const real = await realOf(path.join(realOut, ...rel));
  if (!real) return { kind: 'missing' };
  if (!within(realOut, real)) return { kind: 'forbidden', reason: 'resolves outside the output folder' };
  const info = await stat(real);
  if (info.isDirectory()) {
    if (!trailingSlash) return { kind: 'redirect', location: `/${encodePath(parts)}/` };
    const index = await realOf(path.join(real, 'index.html'));
    if (!index) return { kind: 'missing' };
    if (!within(realOut, index)) return { kind: 'forbidden', reason: 'resolves outside the output folder' };
    if (!(await stat(index)).isFile()) return { kind: 'missing' };
    return { kind: 'file', file: index, rel: [...rel, 'index.html'].join('/') };
  }
  if (!info.isFile() || (trailingSlash && rel.length > 0)) return { kind: 'missing' };
  return { kind: 'file', file: real, rel: rel.join('/') };
}
