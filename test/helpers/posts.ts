/**
 * Rendered posts for the check tests, made the way the build makes them: the real front matter
 * parser, and the render-Markdown stage (links between posts resolved) on the real renderer.
 */
import { buildPost } from '../../src/content/post.js';
import type { RenderedPost } from '../../src/render/context.js';
import { createInProcessService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';
import type { Post } from '../../src/site/model.js';
import { renderPosts } from '../../src/stages/render-markdown.js';

let service: Promise<RenderService> | undefined;

/** `posts/<relPath>` parsed from its full text (front matter included). */
export function parsedPost(relPath: string, text: string): Post {
  const result = buildPost({ path: `posts/${relPath}`, relPath, text, mtimeMs: 0 }, { permalink: 'date', timezone: undefined, excerptSeparator: undefined });
  if (!result.post) throw new Error(`fixture ${relPath} does not build: ${JSON.stringify(result.diagnostics)}`);
  return result.post;
}

/** Renders several posts of one site, `{relPath: text}`, in that order, under base path `baseurl`. */
export async function renderedPosts(files: Record<string, string>, baseurl = ''): Promise<RenderedPost[]> {
  const posts = Object.entries(files).map(([rel, text]) => parsedPost(rel, text));
  service ??= createInProcessService();
  const { rendered, diagnostics } = await renderPosts(await service, posts, posts, baseurl);
  if (rendered.length !== posts.length) throw new Error(`fixtures do not render: ${JSON.stringify(diagnostics)}`);
  return rendered;
}
