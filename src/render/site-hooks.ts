/**
 * What the Liquid engine asks the site (see liquid/hooks.ts): post and document URLs for
 * `{% post_url %}` and `{% link %}`, highlighting for `{% highlight %}`, Markdown for
 * `markdownify`. The engine is made while the site is loading, so the hooks start unbound and
 * the build binds them to the loaded site and its render service before any template runs.
 */
import { indexPosts, type PostIndex, resolvePostUrl } from '../content/post-index.js';
import type { UrlLookup } from '../liquid/hooks.js';
import type { RenderService } from '../render-service/types.js';
import type { Site, SiteHooks } from '../site/model.js';
import { didYouMean } from '../suggest.js';

/** Hooks that answer for one site once bound to it. */
/** Where `{% link %}` looks documents up: source path (NFC) → URL path. */
function documentUrls(site: Pick<Site, 'posts' | 'pages' | 'staticFiles'>): Map<string, string> {
  const urls = new Map<string, string>();
  for (const post of site.posts) urls.set(post.source.normalize('NFC'), post.url);
  for (const page of site.pages) urls.set(page.source.normalize('NFC'), page.url);
  for (const file of site.staticFiles) urls.set(file.path.normalize('NFC'), `/${file.path}`);
  return urls;
}

/** Creates unbound hooks (until bound, lookups report that the site is not loaded). */
export function createSiteHooks(): SiteHooks {
  let index: PostIndex | undefined;
  let documents = new Map<string, string>();
  let service: RenderService | undefined;
  return {
    bind(site, renderService) {
      index = indexPosts(site.posts);
      documents = documentUrls(site);
      service = renderService;
    },
    postUrl(name): UrlLookup {
      if (!index) return { problem: 'the site is not loaded yet' };
      const { post, problem } = resolvePostUrl(name, index);
      return post ? { url: post.url } : { problem: problem! };
    },
    link(sourcePath): UrlLookup {
      const key = sourcePath.normalize('NFC');
      const url = documents.get(key);
      if (url !== undefined) return { url };
      return { problem: `no post, page or file "${sourcePath}" in this build${didYouMean(key, documents.keys())}` };
    },
    async highlight(code, lang, options) {
      // Loaded on first use: sites without {% highlight %} never start shiki on this thread.
      const { highlightCode } = await import('../markdown/highlight.js');
      return highlightCode(code, lang, options);
    },
    async markdownify(text) {
      if (!service) throw new Error('markdownify: the site is not loaded yet');
      return (await service.render({ body: text, bodyLine: 1 })).html;
    },
  };
}
