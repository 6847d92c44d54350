/**
 * URL helpers shared by link rewriting and link checking: what counts as internal, how an href
 * resolves against the page it is on, and how a site path maps to an output file the way GitHub
 * Pages serves it.
 */

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

/** Levenshtein distance over code points (so one CJK character counts as one edit). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * The candidate closest to `wanted`, if it is close enough to be what was meant: a small edit
 * distance (relative to length), or one containing the other (a heading that grew a word).
 * Ties go to the earlier candidate.
 */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  const target = wanted.toLowerCase();
  const length = Array.from(target).length;
  const limit = Math.max(2, Math.floor(length * 0.4));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === wanted) continue;
    const c = candidate.toLowerCase();
    let score = editDistance(target, c);
    if (score > limit && target.length >= 2 && (c.includes(target) || target.includes(c)) && c.length >= 2) score = limit;
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
