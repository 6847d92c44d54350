/**
 * Rendered posts for the check tests, made the way the build makes them: the real front matter
 * parser, and the render-Markdown stage (links between posts resolved) on the real renderer.
 */
import { resolveConfig } from '../../src/config/config.js';
import { buildPost } from '../../src/content/post.js';
import { BUILTIN_LAYOUTS, loadTheme } from '../../src/load/load-theme.js';
import type { RenderedPost } from '../../src/render/context.js';
import { createInProcessService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';
import type { Post, Site } from '../../src/site/model.js';
import { renderPostBodies } from '../../src/stages/render-documents.js';

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
  const { config } = resolveConfig({ baseurl }, { root: '/site' });
  const { theme } = await loadTheme('/site', [BUILTIN_LAYOUTS], config);
  const site: Site = {
    config,
    posts,
    pages: [],
    theme,
    staticFiles: [],
    postFiles: [],
    data: {},
    inputs: { folders: new Map(), files: [], trees: [], read: theme.reads },
  };
  theme.hooks.bind(site, await service);
  const { rendered, diagnostics } = await renderPostBodies(site, posts, { service: await service, engine: theme.engine, nowIso: '2024-01-01T00:00:00+00:00' });
  if (rendered.length !== posts.length) throw new Error(`fixtures do not render: ${JSON.stringify(diagnostics)}`);
  return rendered;
}
