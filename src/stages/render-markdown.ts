/**
 * Stage 2, render Markdown: every post's body → an HTML fragment with its headings, ids and links,
 * through the render service (and its cache). Links to other posts are resolved while parsing, so
 * each render gets the URLs of the posts it may link to; a link to a post that is not in the build
 * is reported with the post it probably meant.
 */

import { rewriteLinkTags } from '../check/rewrite.js';
import { indexPosts, linkContextOf, missingPostProblem, type PostIndex } from '../content/post-index.js';
import { type Diagnostic, diagnosticFrom, warning } from '../diagnostics.js';
import type { LinkRef, MarkdownInput, RenderedMarkdown } from '../markdown/pipeline.js';
import type { RenderedPost } from '../render/context.js';
import type { RenderService } from '../render-service/types.js';
import type { Post } from '../site/model.js';

/** What the render of `post` is asked for, with links resolved against `index`. */
export function markdownInputOf(post: Post, index: PostIndex, baseurl: string): MarkdownInput {
  return {
    body: post.body,
    bodyLine: post.bodyLine,
    excerpt: post.excerpt,
    excerptSeparator: post.excerptSeparator,
    links: linkContextOf(post, index, baseurl),
  };
}

/** The rendered links with a reason for each link to a post file that is not in the build. */
function explainMissingPosts(rendered: RenderedMarkdown, post: Post, index: PostIndex): RenderedMarkdown {
  if (!rendered.links.some((l) => l.missingPost)) return rendered;
  const links = rendered.links.map((link): LinkRef => (link.missingPost ? { ...link, problem: missingPostProblem(link.missingPost, post, index) } : link));
  return { ...rendered, links };
}

/**
 * Renders `posts` (all of the site's, or dev's edited few), resolving their links against every
 * post of the site (`all`); failures become error records at the post's first body line.
 */
export async function renderPosts(
  service: RenderService,
  posts: readonly Post[],
  all: readonly Post[],
  baseurl: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ rendered: RenderedPost[]; diagnostics: Diagnostic[] }> {
  const index = indexPosts(all);
  const diagnostics: Diagnostic[] = [];
  let done = 0;
  const results = await Promise.all(
    posts.map(async (post): Promise<RenderedPost | undefined> => {
      try {
        const rendered = await service.render(markdownInputOf(post, index, baseurl));
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
  return { rendered: rewriteLinkTags(rendered, all, { baseurl }), diagnostics };
}
