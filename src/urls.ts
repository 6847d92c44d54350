/**
 * Every URL rule of the site in one place: what counts as external, how a site path gets the base
 * path and the origin (Jekyll's `relative_url` / `absolute_url`), how an href is encoded and
 * resolves against the page it is on, and how a site path maps to an output file the way GitHub
 * Pages serves it.
 */

/** Site-wide URL settings. */
export interface UrlSettings {
  /** Scheme and host, no trailing slash: `https://user.github.io` (or empty). */
  url: string;
  /** Base path, `''` or `/repo` (no trailing slash). */
  baseurl: string;
}

/** Which attributes of which elements hold URLs a reader's browser will fetch or follow. */
export const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
};

/** `https:`, `mailto:`, `//host`: links that leave the site. */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/** `decodeURIComponent` that leaves malformed escapes as they are; NFC so composed and decomposed CJK/accents compare equal. */
export function safeDecode(text: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    decoded = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  return decoded.normalize('NFC');
}

/** Percent-encodes a URL for an href the way Markdown does: spaces, CJK and quotes escaped, `%XX` kept. */
export function encodeHref(url: string): string {
  return encodeURI(url.normalize('NFC')).replace(/%25([0-9A-F]{2})/gi, '%$1');
}

/** `/a b/` → `/base/a%20b/`: a site path with the base path, percent-encoded for an href (Jekyll's `relative_url`). */
export function relativeUrl(input: unknown, baseurl: string): string {
  const value = String(input ?? '');
  if (isExternal(value)) return value;
  return encodeHref(withBase(baseurl, value));
}

/** Like relativeUrl, with the site's `url` in front (Jekyll's `absolute_url`). */
export function absoluteUrl(input: unknown, settings: UrlSettings): string {
  const value = String(input ?? '');
  if (isExternal(value)) return value;
  return settings.url + relativeUrl(value, settings.baseurl);
}

/** An href split into path, query and fragment (each as written). */
export interface SplitHref {
  path: string;
  query: string;
  /** Including `#`, or empty. */
  hash: string;
}

/** Splits an href into path, `?query` and `#fragment`. */
export function splitHref(href: string): SplitHref {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt < 0 ? { path: beforeHash, query: '', hash } : { path: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt), hash };
}

/** A page's URL path as a URL object to resolve links against. */
export function pageBase(pageUrl: string): URL {
  return new URL(encodeHref(pageUrl), 'http://site.invalid');
}

/** Resolves `href` against a page's URL path; returns the site path (decoded, with the base path) and fragment (decoded). */
export function resolveHref(href: string, page: string | URL): { path: string; fragment: string | undefined } {
  const url = new URL(href, typeof page === 'string' ? pageBase(page) : page);
  return {
    path: safeDecode(url.pathname),
    fragment: url.hash ? safeDecode(url.hash.slice(1)) : href.endsWith('#') ? '' : undefined,
  };
}

/** `/notes` + `/a/` → `/notes/a/`: a site path (no base) with the base path. */
export function withBase(baseurl: string, sitePath: string): string {
  return `${baseurl}/${sitePath.replace(/^\/+/, '')}`;
}

/** `/notes/a/` → `/a/`; undefined when the path is outside the base path. */
export function withoutBase(baseurl: string, fullPath: string): string | undefined {
  if (!baseurl) return fullPath;
  if (fullPath === baseurl) return '/';
  return fullPath.startsWith(`${baseurl}/`) ? fullPath.slice(baseurl.length) : undefined;
}

/**
 * The output files GitHub Pages would answer a site path (no base) with, most direct first:
 * `/a/` → `a/index.html`; `/a` → `a`, `a.html`, `a/index.html` (Pages serves `a.html` for `/a` and
 * redirects `/a` to `/a/` for a folder).
 */
export function candidateFiles(sitePath: string): string[] {
  const rel = sitePath.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) return [`${rel}index.html`];
  return [rel, `${rel}.html`, `${rel}/index.html`];
}

/** The URL path (no base) a page at output path `p` is served at: `a/index.html` → `/a/`. */
export function urlOfOutputPath(outputPath: string): string {
  return '/' + outputPath.replace(/(^|\/)index\.html$/, '$1');
}
