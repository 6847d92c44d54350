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
