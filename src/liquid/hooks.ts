/** What the Liquid engine asks the site for: post and document URLs, highlighting and Markdown. */

/** A URL path (without the base path) or a message saying why there is none. */
export type UrlLookup = { url: string } | { problem: string };

/** The site-side answers Jekyll's tags and filters need. */
export interface JekyllSiteHooks {
  /** `{% post_url name %}` (name like `2020-01-01-some-drafts` or `kernel/2021-02-02-x`): the post's URL path without the base path, or a problem message (a did-you-mean is welcome). */
  postUrl(name: string): UrlLookup;
  /** `{% link path %}` (site-root-relative source path, e.g. `_posts/2020-01-01-x.md`, `about.md`): the document's URL path without the base path, or a problem. */
  link(sourcePath: string): UrlLookup;
  /** Highlights code for `{% highlight %}` (see highlightCode in src/markdown/highlight.ts). */
  highlight(code: string, lang: string, options: { linenos: boolean; markLines: number[] }): Promise<string>;
  /** Markdown → HTML for the `markdownify` filter (and `{% seo %}`'s titles and descriptions). */
  markdownify(text: string): Promise<string>;
}

/**
 * Thrown by a tag or filter that waits on the site (highlighting, Markdown) when it finds itself in
 * a synchronous render: the caller renders again asynchronously (see render/liquid.ts). Layouts
 * render synchronously first because liquidjs's synchronous mode is 2–3× faster than its
 * asynchronous one, and most layouts never wait on anything.
 */
export class NeedsAsyncRender extends Error {
  constructor(what: string) {
    super(`${what} cannot run in a synchronous render`);
  }
}

/** Throws NeedsAsyncRender when `context` renders synchronously. */
export function requireAsync(context: { sync: boolean }, what: string): void {
  if (context.sync) throw new NeedsAsyncRender(what);
}

/** Whether `thrown` (or what liquidjs wrapped in it) is a NeedsAsyncRender. */
export function needsAsyncRender(thrown: unknown): boolean {
  for (let e = thrown as { originalError?: unknown } | undefined, depth = 0; e && depth < 10; e = e.originalError as typeof e, depth++) {
    if (e instanceof NeedsAsyncRender) return true;
  }
  return false;
}
