/**
 * Liquid (liquidjs, Jekyll-compatible): the engine with Jekyll's URL filters and includes from
 * `_includes/`, and rendering through a chain of layouts (`layout:` in a layout's front matter).
 */
import { Liquid } from 'liquidjs';
import { LocatedError, messageOf } from '../diagnostics.js';
import type { Layout, Theme, ThemeFolders } from '../site/model.js';
import { absoluteUrl, relativeUrl, type UrlSettings } from '../urls.js';

/** A Liquid engine with Jekyll's URL filters and includes from the theme's include folders. */
export function createEngine(folders: Pick<ThemeFolders, 'layouts' | 'includes'>, settings: UrlSettings): Liquid {
  const engine = new Liquid({
    root: folders.layouts,
    partials: folders.includes,
    layouts: folders.layouts,
    extname: '.html',
    jekyllInclude: true,
    preserveTimezones: true,
    cache: true,
  });
  engine.registerFilter('relative_url', (v: unknown) => relativeUrl(v, settings.baseurl));
  engine.registerFilter('absolute_url', (v: unknown) => absoluteUrl(v, settings));
  return engine;
}

/** `file:line` of a Liquid error, mapped from template line to file line. */
export function liquidErrorLine(thrown: unknown, firstLine: number): number {
  const token = (thrown as { token?: { getPosition?: () => [number, number] } }).token;
  const line = token?.getPosition?.()[0];
  return line ? line + firstLine - 1 : firstLine;
}

/** First line of a Liquid error message, without liquidjs's position suffix and source excerpt. */
export function liquidMessage(thrown: unknown): string {
  const message = messageOf(thrown);
  return message.split('\n')[0]!.replace(/,? (?:file:.*, )?line:\d+, col:\d+$/, '');
}

/** The chain of layouts a page goes through, innermost first (`post` → `default`). */
export function layoutChain(theme: Theme, name: string): Layout[] {
  const chain: Layout[] = [];
  for (let layout = theme.layouts.get(name); layout && chain.length < 20; layout = layout.parent ? theme.layouts.get(layout.parent) : undefined) {
    chain.push(layout);
  }
  return chain;
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
): Promise<string> {
  if (!name || name === 'none') return content;
  const chain = layoutChain(theme, name);
  if (chain.length === 0) throw new TemplateError(`layout "${name}" does not exist (looked in ${theme.folders.layouts.join(', ')})`, '', undefined);
  let html = content;
  for (const layout of chain) {
    try {
      html = theme.engine.renderSync(layout.templates, { ...scope, content: html, layout: {} }) as string;
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
