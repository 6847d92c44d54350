/**
 * Every default inkstone uses, in one place: site settings (what `_config.yml` may override), the
 * command line's, the dev loop's timings and the render service's limits. Code reads these names;
 * it never repeats the literals.
 */

/** Site settings a `_config.yml` may leave out. */
export const SITE_DEFAULTS = {
  title: 'My notes',
  permalink: 'date',
  destination: 'public',
  postsDir: 'posts',
  layoutsDir: 'layouts',
  /** Posts in `feed.xml` (jekyll-feed's `feed.posts_limit`). */
  feedLimit: 10,
  /** Where the feed is written, as a site path. */
  feedPath: '/feed.xml',
  /** jekyll-paginate's default for index pages 2, 3, …. */
  paginatePath: '/page:num/',
} as const;

/** The site folder's file names. */
export const SITE_FILES = {
  config: '_config.yml',
  /** Persistent caches, below the site root. */
  cacheDir: '.cache/inkstone',
} as const;

/** `inkstone dev`'s preview server. */
export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 4000,
  /** Ports tried after a busy one. */
  portAttempts: 20,
} as const;

/** How the dev loop waits for editors and schedules background work (milliseconds). */
export const WATCH_DEFAULTS = {
  /** Quiet time after the last event that showed new content, before rebuilding. */
  quietMs: 8,
  /** Extra settle time for a batch that looks half-saved (a file missing or empty). */
  graceMs: 60,
  /** Upper bound on waiting for quiet, from a batch's first event. */
  maxWaitMs: 1000,
  /** After a fast rebuild, quiet time before the background full check. */
  checkDelayMs: 200,
  /** How long after a build an event that brings no new content is taken as its echo. */
  lateEventMs: 500,
} as const;

/** Limits of Markdown rendering. */
export const RENDER_DEFAULTS = {
  /** A post that takes longer than this fails alone with a clear error instead of hanging the build. */
  timeoutMs: 60_000,
  /** Stack for render workers: deep enough for nesting that overflows the default stack. */
  workerStackMb: 256,
  /** Posts larger than this always render on a worker, where the time limit protects the build. */
  inProcessMaxBytes: 32 * 1024,
  /** Workers start only once this many jobs wait: small sites never pay for worker start-up. */
  workerStartBacklog: 16,
  /** Deeper than this (lists, quotes), a post is shown as plain text. Real notes stay below 10. */
  maxNesting: 64,
} as const;

/** The default theme's settings (`_config.yml` keys in brackets; read by render/theme-settings.ts). */
export const THEME_DEFAULTS = {
  /** [`toc`] Show a table of contents on posts (front matter `toc:` wins). */
  toc: true,
  /** [`toc_levels`] Heading levels the table of contents lists (`2..3`, `1,2,3` or a list). */
  tocLevels: [2, 3] as readonly number[],
  /** [`toc_min_headings`] Fewer headings than this (within the levels) and a post gets no table of contents. */
  tocMinHeadings: 4,
  /** [`related_posts`] How many related posts (shared tags and categories) a post lists; 0 for none. */
  relatedPosts: 3,
  /** [`date_format`] strftime for dates shown to readers; undefined: the language's (`2020年1月1日`, `Jan 1, 2020`). */
  dateFormat: undefined as string | undefined,
  /** Reading speed for CJK text, characters a minute. */
  cjkPerMinute: 350,
  /** Reading speed for other text, words a minute. */
  wordsPerMinute: 220,
} as const;

/** Full-text search (`_config.yml` keys in brackets; read by search/settings.ts). */
export const SEARCH_DEFAULTS = {
  /** [`search`] Write the search page and its index; `search: false` turns both off. */
  enabled: true,
  /** Where the search page goes; the theme's search box sends `?q=` there. */
  pagePath: 'search/index.html',
  pageUrl: '/search/',
  /** The index's table of contents; its chunks go beside it, named by content. */
  indexPath: 'search/index.json',
  /** Posts per index chunk: an edit rewrites one chunk, and the browser fetches them in parallel. */
  chunkPosts: 100,
  /** dev: quiet time after a rebuild before the index is brought up to date in the background. */
  devDelayMs: 300,
} as const;
