/**
 * `{% seo %}` (jekyll-seo-tag 2.8): jekyll-seo-tag's own template, minified as the plugin minifies
 * it, rendered with `seo_tag` (see seo.ts) beside the page's `page`, `site` and `paginator`. Two
 * changes: the generator meta names inkstone, and `seo_tag.title?` is spelled `seo_tag.show_title`.
 */
import { type Context, type Emitter, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { absoluteUrl, type UrlSettings } from '../urls.js';
import { normalizeWhitespace, uriEscape } from './filters-text.js';
import { type JekyllSiteHooks, requireAsync } from './hooks.js';
import { type SeoTools, seoData } from './seo.js';
import { callFilter, lenientGet, type TagClass } from './tag-support.js';

/** jekyll-seo-tag 2.8.0's `template.html` (MIT), with the two changes above. */
const TEMPLATE = `<!-- Begin Jekyll SEO tag v{{ seo_tag.version }} -->
{% if seo_tag.show_title %}
  <title>{{ seo_tag.title }}</title>
{% endif %}

<meta name="generator" content="inkstone" />

{% if seo_tag.page_title %}
  <meta property="og:title" content="{{ seo_tag.page_title }}" />
{% endif %}

{% if seo_tag.author.name %}
  <meta name="author" content="{{ seo_tag.author.name | escape_once }}" />
{% endif %}

<meta property="og:locale" content="{{ seo_tag.page_locale }}" />

{% if seo_tag.description %}
  <meta name="description" content="{{ seo_tag.description }}" />
  <meta property="og:description" content="{{ seo_tag.description }}" />
{% endif %}

{% if site.url %}
  <link rel="canonical" href="{{ seo_tag.canonical_url }}" />
  <meta property="og:url" content="{{ seo_tag.canonical_url }}" />
{% endif %}

{% if seo_tag.site_title %}
  <meta property="og:site_name" content="{{ seo_tag.site_title }}" />
{% endif %}

{% if seo_tag.image %}
  <meta property="og:image" content="{{ seo_tag.image.path }}" />
  {% if seo_tag.image.height %}
    <meta property="og:image:height" content="{{ seo_tag.image.height }}" />
  {% endif %}
  {% if seo_tag.image.width %}
    <meta property="og:image:width" content="{{ seo_tag.image.width }}" />
  {% endif %}
  {% if seo_tag.image.alt %}
    <meta property="og:image:alt" content="{{ seo_tag.image.alt }}" />
  {% endif %}
{% endif %}

{% if page.date %}
  <meta property="og:type" content="article" />
  <meta property="article:published_time" content="{{ page.date | date_to_xmlschema }}" />
{% else %}
  <meta property="og:type" content="website" />
{% endif %}

{% if paginator.previous_page %}
  <link rel="prev" href="{{ paginator.previous_page_path | absolute_url }}" />
{% endif %}
{% if paginator.next_page %}
  <link rel="next" href="{{ paginator.next_page_path | absolute_url }}" />
{% endif %}

{% if seo_tag.image %}
  <meta name="twitter:card" content="{{ page.twitter.card | default: site.twitter.card | default: "summary_large_image" }}" />
  <meta property="twitter:image" content="{{ seo_tag.image.path }}" />
{% else %}
  <meta name="twitter:card" content="summary" />
{% endif %}

{% if seo_tag.image.alt %}
  <meta name="twitter:image:alt" content="{{ seo_tag.image.alt }}" />
{% endif %}

{% if seo_tag.page_title %}
  <meta property="twitter:title" content="{{ seo_tag.page_title }}" />
{% endif %}

{% if site.twitter %}
  <meta name="twitter:site" content="@{{ site.twitter.username | remove:'@' }}" />

  {% if seo_tag.author.twitter %}
    <meta name="twitter:creator" content="@{{ seo_tag.author.twitter | remove:'@' }}" />
  {% endif %}
{% endif %}

{% if site.facebook %}
  {% if site.facebook.admins %}
    <meta property="fb:admins" content="{{ site.facebook.admins }}" />
  {% endif %}

  {% if site.facebook.publisher %}
    <meta property="article:publisher" content="{{ site.facebook.publisher }}" />
  {% endif %}

  {% if site.facebook.app_id %}
    <meta property="fb:app_id" content="{{ site.facebook.app_id }}" />
  {% endif %}
{% endif %}

{% if site.webmaster_verifications %}
  {% if site.webmaster_verifications.google %}
    <meta name="google-site-verification" content="{{ site.webmaster_verifications.google }}" />
  {% endif %}

  {% if site.webmaster_verifications.bing %}
    <meta name="msvalidate.01" content="{{ site.webmaster_verifications.bing }}" />
  {% endif %}

  {% if site.webmaster_verifications.alexa %}
    <meta name="alexaVerifyID" content="{{ site.webmaster_verifications.alexa }}" />
  {% endif %}

  {% if site.webmaster_verifications.yandex %}
    <meta name="yandex-verification" content="{{ site.webmaster_verifications.yandex }}" />
  {% endif %}

  {% if site.webmaster_verifications.baidu %}
    <meta name="baidu-site-verification" content="{{ site.webmaster_verifications.baidu }}" />
  {% endif %}

  {% if site.webmaster_verifications.facebook %}
    <meta name="facebook-domain-verification" content="{{ site.webmaster_verifications.facebook }}" />
  {% endif %}
{% elsif site.google_site_verification %}
  <meta name="google-site-verification" content="{{ site.google_site_verification }}" />
{% endif %}

<script type="application/ld+json">
  {{ seo_tag.json_ld | jsonify }}
</script>

<!-- End Jekyll SEO tag -->
`;

/** jekyll-seo-tag's MINIFY_REGEX: whitespace after `{`, `}`, `>\n` or `,\n`, unless a `-` follows. */
const MINIFY = /(?<=[{}]|[>,]\n)[ \t\r\n\f\v]+(?!-)/g;

/** The template, minified as the plugin does before parsing it. */
export const SEO_TEMPLATE = TEMPLATE.replace(MINIFY, '');

/** Liquid's `strip_html`: scripts, styles and comments with their content, then every tag. */
const stripHtml = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/gi, '')
    .replace(/<[\s\S]*?>/g, '')
    .replace(/<[^>]*$/, '');

const ESCAPE: Record<string, string> = { '&': '&amp;', '>': '&gt;', '<': '&lt;', '"': '&quot;', "'": '&#39;' };

/** Liquid's `escape_once`: escapes, leaving existing named and decimal entities alone. */
const escapeOnce = (text: string): string => text.replace(/["><']|&(?!(?:[a-zA-Z]+|#\d+);)/g, (c) => ESCAPE[c]!);

/** Text Markdown would change (emphasis, code, links, HTML, escapes, block markers, several lines); anything else skips the Markdown render. */
const MARKDOWN_SIGNIFICANT = /[*_`[\]<\\~\n]|^\s*(?:[-+>#]|\d+[.)])(?:\s|$)/;

/** The seo tag class. */
export function seoTag(hooks: Pick<JekyllSiteHooks, 'markdownify'>, urls: UrlSettings): TagClass {
  const parsed = new WeakMap<Liquid, Template[]>();

  /** jekyll-seo-tag's `format_string`. */
  async function format(value: unknown): Promise<string | undefined> {
    if (value === undefined || value === null || value === false) return undefined;
    let text = String(value);
    // HTML (an excerpt is already rendered) passes through Markdown as it is, so only text is converted.
    if (MARKDOWN_SIGNIFICANT.test(text) && !text.trimStart().startsWith('<')) text = await hooks.markdownify(text);
    // Hex references (`&#x26;`, as remark writes `&`) are characters to escape_once, which only keeps named and decimal ones.
    const plain = stripHtml(text).replace(/&#x([0-9a-f]+);/gi, (ref, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    });
    const result = escapeOnce(normalizeWhitespace(plain));
    return result || undefined;
  }

  return class SeoTag extends Tag {
    private readonly markup: string;

    constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
      super(token, remainTokens, liquid);
      this.markup = token.args;
      if (!parsed.has(liquid)) parsed.set(liquid, liquid.parse(SEO_TEMPLATE, 'jekyll-seo-tag/template.html'));
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      requireAsync(ctx, 'the seo tag');
      const page = (yield* lenientGet(ctx, ['page'])) ?? {};
      const site = (yield* lenientGet(ctx, ['site'])) ?? {};
      const paginator = yield* lenientGet(ctx, ['paginator']);
      const tools: SeoTools = {
        format,
        absoluteUrl: (value) => absoluteUrl(value, urls),
        xmlschema: (value) => String(callFilter(this.liquid, ctx, 'date_to_xmlschema', value) ?? ''),
        uriEscape,
      };
      const data = yield seoData(this.markup, page as Record<string, unknown>, site as Record<string, unknown>, paginator, tools);
      const strict = ctx.strictVariables;
      ctx.strictVariables = false;
      ctx.push({ seo_tag: data });
      try {
        yield this.liquid.renderer.renderTemplates(parsed.get(this.liquid)!, ctx, emitter);
      } finally {
        ctx.pop();
        ctx.strictVariables = strict;
      }
    }
  };
}
