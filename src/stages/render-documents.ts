/**
 * Stage 2, render documents: every post's and page's body → HTML, as Jekyll renders them —
 * Liquid first (with `site`, `page` and, on a paginated index, `paginator`), then Markdown for
 * Markdown files, Sass for Sass files. Posts come first, so pages (an index listing
 * `site.posts`) see their rendered excerpts and content.
 *
 * Liquid runs everywhere in Jekyll posts (`_posts/`, as Jekyll does, `{% raw %}` and all), and
 * only in the prose of inkstone's posts (`posts/`): their code blocks and code spans are set
 * aside first and come back untouched. Markdown goes through the render service (and its cache),
 * with links to other posts resolved while parsing; lines reported for links and errors point
 * into the source file, through the Liquid output.
 */
import type { Liquid } from 'liquidjs';
import { indexPosts, linkContextOf, missingPostProblem, type PostIndex } from '../content/post-index.js';
import { type Diagnostic, diagnosticFrom, LocatedError, warning } from '../diagnostics.js';
import { hasLiquid, renderDocument } from '../liquid/render-document.js';
import { codeRanges, setAside } from '../markdown/code-ranges.js';
import type { LinkRef, MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import { type RenderedPage, type RenderedPost, siteDropsOf } from '../render/context.js';
import { pageDrop } from '../render/drops.js';
import { paginate } from '../render/paginate.js';
import { compileSass } from '../render/sass.js';
import type { RenderService } from '../render-service/types.js';
import type { Document, Page, Post, Site } from '../site/model.js';

/** What the Markdown render of a document is asked for: its text (after Liquid) and how to resolve its links. */
export function markdownInputOf(doc: Post | Page, index: PostIndex, baseurl: string, liquid?: { text: string; lines?: readonly number[] }): MarkdownInput {
  const post = 'slug' in doc ? doc : undefined;
  return {
    body: liquid?.text ?? doc.body,
    bodyLine: doc.bodyLine,
    excerpt: post?.excerpt,
    excerptSeparator: post?.excerptSeparator,
    links: linkContextOf(doc, index, baseurl),
    ...(liquid?.lines ? { lines: liquid.lines } : {}),
  };
}

/** The rendered links with a reason for each link to a post file that is not in the build. */
function explainMissingPosts(rendered: RenderedMarkdown, doc: Document, index: PostIndex): RenderedMarkdown {
  if (!rendered.links.some((l) => l.missingPost)) return rendered;
  const links = rendered.links.map((link): LinkRef => (link.missingPost ? { ...link, problem: missingPostProblem(link.missingPost, doc, index) } : link));
  return { ...rendered, links };
}

/** A document's body after Liquid, with its line map; undefined (and a diagnostic) when Liquid fails. */
export async function runLiquid(
  engine: Liquid,
  doc: Document,
  scope: Record<string, unknown>,
  diagnostics: Diagnostic[],
  strictVariables = false,
): Promise<{ text: string; lines?: number[] } | undefined> {
  if (doc.liquid === 'none' || !hasLiquid(doc.body)) return { text: doc.body };
  const aside = doc.liquid === 'prose' ? setAside(doc.body, await codeRanges(doc.body)) : { text: doc.body, restore: (t: string) => t };
  if (!hasLiquid(aside.text)) return { text: doc.body };
  try {
    // In inkstone's own posts, `{% highlight %}` bodies are code too: printed as written.
    const out = await renderDocument(engine, aside.text, scope, doc.source, { literalCode: doc.liquid === 'prose', strictVariables });
    return { text: aside.restore(out.text), lines: out.lines };
  } catch (thrown) {
    const line = thrown instanceof LocatedError && thrown.line !== undefined ? doc.bodyLine - 1 + thrown.line : doc.bodyLine;
    diagnostics.push({ ...diagnosticFrom(thrown, { file: doc.source }, 'Liquid error: '), line });
    return undefined;
  }
}

/** Everything the documents are rendered with. */
export interface DocumentRendering {
  service: RenderService;
  /** The build's one Liquid engine (the theme's). */
  engine: Liquid;
  nowIso: string;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Renders the bodies of `posts` (all of the site's, or dev's edited few), resolving their links against every post of the site. */
export async function renderPostBodies(
  site: Site,
  posts: readonly Post[],
  rendering: DocumentRendering,
): Promise<{ rendered: RenderedPost[]; diagnostics: Diagnostic[] }> {
  const { service, engine, nowIso, onProgress } = rendering;
  const index = indexPosts(site.posts);
  const diagnostics: Diagnostic[] = [];
  const needsLiquid = posts.some((p) => p.liquid !== 'none' && hasLiquid(p.body));
  const drops = needsLiquid
    ? siteDropsOf(
        site,
        site.posts.map((post) => ({ post })),
        site.pages.map((page) => ({ page })),
        nowIso,
      )
    : undefined;
  let done = 0;
  const results = await Promise.all(
    posts.map(async (post): Promise<RenderedPost | undefined> => {
      try {
        const scope = drops ? { site: drops.siteDrop, page: drops.summaries.get(post.source) } : {};
        const liquid = await runLiquid(engine, post, scope, diagnostics, site.config.liquid.strictVariables);
        if (!liquid) return undefined;
        const rendered = await service.render(markdownInputOf(post, index, site.config.baseurl, liquid));
        for (const message of rendered.warnings ?? []) diagnostics.push(warning(post.source, message, post.bodyLine));
        return { post, rendered: explainMissingPosts(rendered, post, index) };
      } catch (thrown) {
        diagnostics.push(diagnosticFrom(thrown, { file: post.source, line: post.bodyLine }));
        return undefined;
      } finally {
        onProgress?.(++done, posts.length);
      }
    }),
  );
  const rendered = results.filter((r): r is RenderedPost => r !== undefined);
  return { rendered, diagnostics };
}

/** Whether a page is the site's index, which `paginate:` splits into pages. */
const isIndex = (page: Page) => page.outputPath === 'index.html';

/** Renders the bodies of the site's pages, after its posts (`posts`, rendered), so pages see the posts' content and excerpts. */
export async function renderPageBodies(
  site: Site,
  posts: readonly RenderedPost[],
  rendering: DocumentRendering,
): Promise<{ rendered: RenderedPage[]; diagnostics: Diagnostic[] }> {
  const { service, engine, nowIso } = rendering;
  const index = indexPosts(site.posts);
  const diagnostics: Diagnostic[] = [];
  const drops = siteDropsOf(
    site,
    posts,
    site.pages.map((page) => ({ page })),
    nowIso,
  );
  const renderOne = async (page: Page, paginator?: Record<string, unknown>): Promise<{ html: string; rendered?: RenderedMarkdown } | undefined> => {
    const scope = { site: drops.siteDrop, page: pageDrop(page), ...(paginator ? { paginator } : {}) };
    const liquid = await runLiquid(engine, page, scope, diagnostics, site.config.liquid.strictVariables);
    if (!liquid) return undefined;
    if (page.format === 'sass')
      return { html: await compileSass(liquid.text, { root: site.config.root, source: page.source, bodyLine: page.bodyLine, reads: site.theme.reads }) };
    if (page.format !== 'markdown') return { html: liquid.text };
    const rendered = explainMissingPosts(await service.render(markdownInputOf(page, index, site.config.baseurl, liquid)), page, index);
    return { html: rendered.html, rendered };
  };
  const results = await Promise.all(
    site.pages.map(async (page): Promise<RenderedPage[]> => {
      try {
        if (!(site.config.paginate && isIndex(page))) {
          const one = await renderOne(page);
          return one ? [{ page, ...one }] : [];
        }
        const pagers = paginate([...drops.summaries.values()], site.config.paginate, site.config.paginatePath, page.url);
        const copies = await Promise.all(pagers.map((pager) => renderOne(page, pager.paginator)));
        if (copies.some((c) => c === undefined)) return [];
        return pagers.map((pager, i) => ({ page, ...copies[i]!, pagination: pager }));
      } catch (thrown) {
        diagnostics.push(diagnosticFrom(thrown, { file: page.source, line: page.bodyLine }));
        return [];
      }
    }),
  );
  return { rendered: results.flat(), diagnostics };
}
