/** `{% feed_meta %}` (jekyll-feed 0.17): the `<link rel="alternate">` to the site's Atom feed, titled with the site's title. */
import { type Context, Tag } from 'liquidjs';
import { absoluteUrl, type UrlSettings } from '../urls.js';
import { xmlEscape } from './filters-text.js';
import { isHash, isNil, rubyToS } from './ruby.js';
import { lenientGet, type TagClass } from './tag-support.js';

/** The feed_meta tag class: `site.feed.path` (default `feed.xml`) made absolute, `site.title` (or `site.name`) as the title. */
export function feedMetaTag(urls: UrlSettings): TagClass {
  return class FeedMetaTag extends Tag {
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const site = yield* lenientGet(ctx, ['site']);
      const config = isHash(site) ? site : {};
      const feed = isHash(config.feed) ? config.feed : {};
      const feedPath = isNil(feed.path) ? 'feed.xml' : rubyToS(feed.path);
      const title = config.title ?? config.name;
      const attributes = [
        ['type', 'application/atom+xml'],
        ['rel', 'alternate'],
        ['href', absoluteUrl(feedPath, urls)],
        ...(isNil(title) ? [] : [['title', rubyToS(title)]]),
      ];
      return `<link ${attributes.map(([k, v]) => `${k}="${xmlEscape(v)}"`).join(' ')} />`;
    }
  };
}
