/**
 * `_config.yml` keys that inkstone does not read but that are no mistake: Jekyll's own settings,
 * its Markdown and Sass options, GitHub Pages', and those of the themes and plugins Jekyll blogs
 * commonly use. They are accepted without a word and, like every key, available as `site.<key>`.
 */

/** Jekyll 4.3's own configuration keys (`Jekyll::Configuration::DEFAULTS` and the command-line ones). */
const JEKYLL = [
  'source',
  'collections_dir',
  'cache_dir',
  'plugins_dir',
  'data_dir',
  'includes_dir',
  'collections',
  'safe',
  'keep_files',
  'encoding',
  'markdown_ext',
  'strict_front_matter',
  'limit_posts',
  'whitelist',
  'markdown',
  'highlighter',
  'lsi',
  'incremental',
  'detach',
  'port',
  'host',
  'show_dir_listing',
  'quiet',
  'verbose',
  'kramdown',
  'rdiscount',
  'redcarpet',
  'commonmark',
  'sass',
  'webrick',
  'serving',
  'watch',
  'livereload',
  'livereload_port',
  'livereload_min_delay',
  'livereload_max_delay',
  'livereload_ignore',
  'open_url',
  'skip_initial_build',
  'disable_disk_cache',
  'profile',
];

/** GitHub Pages, and the settings of minima and the plugins and themes Jekyll blogs commonly carry. */
const ECOSYSTEM = [
  'repository',
  'github',
  'remote_theme',
  'minima',
  'header_pages',
  'show_excerpts',
  'social_links',
  'rss',
  'email',
  'github_username',
  'twitter_username',
  'linkedin_username',
  'google_analytics',
  'googleanalytics',
  'analytics',
  'disqus',
  'comments',
  'jekyll-archives',
  'jekyll_archives',
  'jekyll_compose',
  'jekyll-spaceship',
  'pagination',
  'autopages',
  'redirect_from',
  'compress_html',
  'mathjax',
  'katex',
  'emoji',
  'gist',
  'mermaid',
  'avatar',
  'navigation',
  'nav',
  'footer',
  'copyright',
  'version',
  'last-modified-at',
];

/** Settings of inkstone's default theme that are still on their way into the schema (config/schema.ts). */
const THEME = ['toc', 'toc_levels', 'toc_min_headings', 'related_posts', 'date_format', 'search'];

/** Every accepted key the schema does not list. */
export const JEKYLL_KEYS: ReadonlySet<string> = new Set([...JEKYLL, ...ECOSYSTEM, ...THEME]);

/** Sub keys Jekyll and jekyll-feed know below the mappings inkstone reads part of. */
export const NAMESPACE_KEYS: Readonly<Record<string, readonly string[]>> = {
  liquid: ['error_mode', 'strict_filters', 'strict_variables'],
  feed: ['path', 'posts_limit', 'excerpt_only', 'categories', 'collections', 'tags', 'icon', 'logo', 'style', 'disable_in_development', 'post_limit'],
};

/**
 * The keys a theme or plugin of the site owns: its name (`minima`, `jekyll-archives`), and the
 * forms it is usually written in (`jekyll_archives`, `archives`).
 */
export function pluginNamespaces(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const short = name.replace(/^jekyll-theme-/, '').replace(/^jekyll-/, '');
    for (const key of [name, short]) {
      keys.add(key);
      keys.add(key.replace(/-/g, '_'));
    }
  }
  return keys;
}
