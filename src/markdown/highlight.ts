/** The one shiki highlighter of the process: light and dark themes, grammars loaded on first use. */
import { bundledLanguages, bundledLanguagesAlias, createHighlighter, type Highlighter } from 'shiki';

/** Themes used for `prefers-color-scheme: light` and `dark`. */
export const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

/** Grammars our users need on almost every page, loaded up front. */
export const PRELOADED_LANGUAGES = ['shellscript', 'shellsession', 'c'] as const;

let shared: Promise<Highlighter> | undefined;

/** The process-wide highlighter, created on first call (tens of ms) and reused ever after. */
export function getHighlighter(): Promise<Highlighter> {
  shared ??= createHighlighter({ themes: [THEMES.light, THEMES.dark], langs: [...PRELOADED_LANGUAGES] });
  return shared;
}

/** Whether shiki ships a grammar for this name or alias (`sh`, `console`, `c++` ...). */
export function isKnownLanguage(lang: string): boolean {
  const id = lang.toLowerCase();
  // Own keys only: `constructor` or `__proto__` as a fence name must not pass for a grammar.
  return Object.hasOwn(bundledLanguages, id) || Object.hasOwn(bundledLanguagesAlias, id);
}
