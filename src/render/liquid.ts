/**
 * Rendering through a chain of Liquid layouts (`layout:` in a layout's front matter), with the
 * site's one Jekyll-compatible engine (see liquid/engine.ts).
 */
import { LocatedError } from '../diagnostics.js';
import { liquidErrorLine, liquidMessage } from '../liquid/errors.js';
import { needsAsyncRender } from '../liquid/hooks.js';
import type { Layout, Theme } from '../site/model.js';

/** The chain of layouts a page goes through, innermost first (`post` → `default`). */
export function layoutChain(theme: Theme, name: string): Layout[] {
  const chain: Layout[] = [];
  for (let layout = theme.layouts.get(name); layout && chain.length < 20; layout = layout.parent ? theme.layouts.get(layout.parent) : undefined) {
    chain.push(layout);
  }
  return chain;
}

/** Layouts that waited on the site (a highlight tag, markdownify, seo) once: rendered asynchronously from then on. */
const asyncLayouts = new WeakSet<Layout>();

/**
 * Renders one layout: synchronously (liquidjs's synchronous mode is 2–3× faster), or, for a layout
 * with a tag or filter that waits on the site, asynchronously — found out by the first render that
 * meets one (it throws NeedsAsyncRender) and remembered for the layout.
 */
async function renderLayout(theme: Theme, layout: Layout, scope: object, options: { strictVariables: boolean }): Promise<string> {
  if (!asyncLayouts.has(layout)) {
    try {
      // On a copy: the attempt may count with {% increment %} (liquidjs counts in the scope object) before it stops.
      return theme.engine.renderSync(layout.templates, { ...scope }, options) as string;
    } catch (thrown) {
      if (!needsAsyncRender(thrown)) throw thrown;
      asyncLayouts.add(layout);
    }
  }
  return (await theme.engine.render(layout.templates, scope, options)) as string;
}

/** Thrown when a page cannot be rendered; carries the file and line to report. */
export class TemplateError extends LocatedError {}

/**
 * Renders `content` through layout `name` and its parents with `page` and `site` in scope.
 * Layout `none` (or an empty name) returns the content unchanged.
 */
export async function renderWithLayout(
  theme: Theme,
  name: string,
  content: string,
  scope: { page: Record<string, unknown>; site: Record<string, unknown>; paginator?: Record<string, unknown> },
  strictVariables = false,
): Promise<string> {
  if (!name || name === 'none') return content;
  const chain = layoutChain(theme, name);
  if (chain.length === 0) throw new TemplateError(`layout "${name}" does not exist (looked in ${theme.folders.layouts.join(', ')})`, '', undefined);
  let html = content;
  for (const layout of chain) {
    try {
      // `liquid.strict_variables` holds for the site's own layouts; the default theme reads optional fields.
      const options = { strictVariables: strictVariables && layout.own };
      html = await renderLayout(theme, layout, { ...scope, content: html, layout: layout.data }, options);
    } catch (thrown) {
      throw new TemplateError(`Liquid error in layout "${layout.name}": ${liquidMessage(thrown)}`, layout.file, liquidErrorLine(thrown, layout.line));
    }
  }
  return html;
}

/** Whether any layout in the chain reads site-wide post lists (so it must re-render when any post changes). */
export function usesSiteLists(theme: Theme, name: string): boolean {
  return layoutChain(theme, name).some((l) => /site\.(posts|pages|categories|tags|html_pages)|paginator/.test(l.source) || /\{%-?\s*include/.test(l.source));
}

/** Whether a page's layouts (or any include) may show other documents' bodies (`post.content`). */
export function readsContent(theme: Theme, name: string): boolean {
  return theme.includesReadContent || layoutChain(theme, name).some((l) => /\.content\b/.test(l.source));
}
