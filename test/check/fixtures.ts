/** Rendered posts for the check tests, made with the real front matter parser and Markdown renderer. */
import { buildPost } from '../../src/content/post.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/markdown/pipeline.js';
import type { RenderedPost } from '../../src/render/site.js';

let renderer: Promise<MarkdownRenderer> | undefined;

/** Renders `posts/<relPath>` from its full text (front matter included). */
export async function renderedPost(relPath: string, text: string): Promise<RenderedPost> {
  const result = buildPost({ path: `posts/${relPath}`, relPath, text, mtimeMs: 0 }, { permalink: 'date', timezone: undefined, excerptSeparator: undefined });
  if (!result.post) throw new Error(`fixture ${relPath} does not build: ${JSON.stringify(result.diagnostics)}`);
  const post = result.post;
  renderer ??= createMarkdownRenderer();
  const rendered = await (await renderer).render({ body: post.body, bodyLine: post.bodyLine, excerpt: post.excerpt, excerptSeparator: post.excerptSeparator });
  return { post, rendered };
}

/** Renders several posts: `{relPath: text}`. */
export async function renderedPosts(files: Record<string, string>): Promise<RenderedPost[]> {
  return Promise.all(Object.entries(files).map(([rel, text]) => renderedPost(rel, text)));
}
