/**
 * `{% post_url name %}` and `{% link path %}`: the URL of another post or document, with the base
 * path (Jekyll 4 passes both through `relative_url`). The site answers through its hooks; a name it
 * does not know is an error at the tag's position.
 */
import { type Context, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { relativeUrl, type UrlSettings } from '../urls.js';
import type { JekyllSiteHooks, UrlLookup } from './hooks.js';
import type { TagClass } from './tag-support.js';

/** Jekyll's PostComparer pattern: optional folders, a date, a slug. */
const POST_NAME = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/;

/** The lookup's URL with the base path, or an error naming the tag and the problem. */
function urlOrThrow(tag: string, lookup: UrlLookup, urls: UrlSettings): string {
  if ('problem' in lookup) throw new Error(`${tag}: ${lookup.problem}`);
  return relativeUrl(lookup.url, urls.baseurl);
}

/** The post_url tag class. */
export function postUrlTag(hooks: Pick<JekyllSiteHooks, 'postUrl'>, urls: UrlSettings): TagClass {
  return class PostUrlTag extends Tag {
    private readonly postName: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.postName = token.args.trim().replace(/^\//, '');
      if (!POST_NAME.test(this.postName)) {
        throw new Error(
          `post_url: "${token.args.trim()}" is not a post name (expected YYYY-MM-DD-title, optionally after folders: kernel/2021-03-14-preempt-count)`,
        );
      }
    }

    render(): string {
      return urlOrThrow('post_url', hooks.postUrl(this.postName), urls);
    }
  };
}

/** The link tag class; the path may itself contain Liquid (`{% link {{ page.other }} %}`), as in Jekyll. */
export function linkTag(hooks: Pick<JekyllSiteHooks, 'link'>, urls: UrlSettings): TagClass {
  return class LinkTag extends Tag {
    private readonly path: string;
    private readonly templates: Template[] | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.path = token.args.trim();
      if (!this.path) throw new Error('link: a source path is needed ({% link _posts/2020-01-01-x.md %})');
      this.templates = /\{\{|\{%/.test(this.path) ? liquid.parse(this.path, token.file) : undefined;
    }

    *render(ctx: Context): Generator<unknown, string, unknown> {
      const path = this.templates ? String(yield this.liquid.renderer.renderTemplates(this.templates, ctx)).trim() : this.path;
      return urlOrThrow('link', hooks.link(path.replace(/^\/+/, '')), urls);
    }
  };
}
