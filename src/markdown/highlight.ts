/** The one shiki highlighter of the process: light and dark themes from one tokenization, grammars loaded on first use. */

import { bundledLanguages, bundledLanguagesAlias, createHighlighter, type Highlighter, isSpecialLang, type ShikiTransformer } from 'shiki';
import { codeTransformers } from './code-transformers.js';
import { tokenizeOnceForThemes } from './dual-theme-tokens.js';

/** Themes used for `prefers-color-scheme: light` and `dark`. */
export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Grammars our users need on almost every page, loaded up front. */
export const PRELOADED_LANGUAGES = ['shellscript', 'shellsession', 'c'] as const;

let shared: Promise<Highlighter> | undefined;

/** The process-wide highlighter, created on first call (tens of ms) and reused ever after. */
export function getHighlighter(): Promise<Highlighter> {
  shared ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [...PRELOADED_LANGUAGES] }).then((highlighter) =>
    tokenizeOnceForThemes(highlighter, THEMES),
  );
  return shared;
}

/** Whether shiki ships a grammar for this name or alias (`sh`, `console`, `c++` ...). */
export function isKnownLanguage(lang: string): boolean {
  const id = lang.toLowerCase();
  // Own keys only: `constructor` or `__proto__` as a fence name must not pass for a grammar.
  return Object.hasOwn(bundledLanguages, id) || Object.hasOwn(bundledLanguagesAlias, id);
}

/** Line options for highlightCode: numbered lines and lines to emphasise (1-based). */
export interface HighlightLineOptions {
  linenos?: boolean;
  markLines?: number[];
}

const escapeCode = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain lines for an unknown language, with the same line marks shiki's output gets. */
function plainHtml(code: string, lang: string, options: HighlightLineOptions): string {
  const marked = new Set(options.markLines ?? []);
  const codeClass = lang ? ` class="language-${escapeCode(lang).replace(/"/g, '&quot;')}"` : '';
  if (!options.linenos && marked.size === 0) return `<pre><code${codeClass}>${escapeCode(code)}</code></pre>`;
  const lines = code.split('\n').map((line, i) => {
    const n = i + 1;
    const attrs = `${marked.has(n) ? ' highlighted' : ''}"${options.linenos ? ` data-line="${n}"` : ''}`;
    return `<span class="line${attrs}>${escapeCode(line)}</span>`;
  });
  return `<pre${options.linenos ? ' class="linenos"' : ''}><code${codeClass}>${lines.join('\n')}</code></pre>`;
}

/**
 * Highlights `code` in `lang` with the process's shiki highlighter, as the Markdown pipeline
 * highlights a fenced block (same themes, classes and attributes, so both look alike); unknown
 * languages render as escaped plain text (`<pre><code class="language-x">`, as the pipeline does).
 * `linenos` adds class `linenos` to the `pre` and `data-line="n"` to each `<span class="line">`, so
 * CSS can show the numbers (`content: attr(data-line)`) without putting them into copied text;
 * `markLines` adds class `highlighted` to those lines.
 */
export async function highlightCode(code: string, lang: string, options: HighlightLineOptions = {}): Promise<string> {
  const id = lang.toLowerCase();
  const special = id !== '' && isSpecialLang(id);
  if (!special && !isKnownLanguage(id)) return plainHtml(code, id, options);
  const highlighter = await getHighlighter();
  if (!special && !highlighter.getLoadedLanguages().includes(id)) {
    await highlighter.loadLanguage(id as Parameters<Highlighter['loadLanguage']>[0]);
  }
  const marked = new Set(options.markLines ?? []);
  const transformer: ShikiTransformer = {
    name: 'inkstone:lines',
    code(node) {
      this.addClassToHast(node, `language-${id}`);
    },
    pre(node) {
      if (options.linenos) this.addClassToHast(node, 'linenos');
    },
    line(node, line) {
      if (options.linenos) node.properties['data-line'] = line;
      if (marked.has(line)) this.addClassToHast(node, 'highlighted');
    },
  };
  return highlighter.codeToHtml(code, {
    lang: id,
    themes: THEMES,
    defaultColor: false,
    tokenizeMaxLineLength: 2000,
    transformers: [transformer, ...codeTransformers()],
  });
}
