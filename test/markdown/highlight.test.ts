import { describe, expect, it } from 'vitest';
import { getHighlighter, isKnownLanguage, PRELOADED_LANGUAGES, THEMES } from '../../src/markdown/highlight.js';
import { createMarkdownRenderer } from '../../src/markdown/pipeline.js';
import { all, attr, classes, one, parseFragment, text } from '../helpers/html.js';

describe('getHighlighter', () => {
  it('creates one highlighter per process and hands it out again', async () => {
    const first = getHighlighter();
    const second = getHighlighter();
    expect(second).toBe(first);
    expect(await second).toBe(await first);
  });

  it('loads both themes and the preloaded shell and C grammars', async () => {
    const highlighter = await getHighlighter();
    expect(highlighter.getLoadedThemes()).toEqual(expect.arrayContaining([THEMES.light, THEMES.dark]));
    expect(highlighter.getLoadedLanguages()).toEqual(expect.arrayContaining([...PRELOADED_LANGUAGES, 'sh', 'bash', 'console']));
  });

  it('is the highlighter every renderer of the process shares', async () => {
    const highlighter = await getHighlighter();
    await createMarkdownRenderer();
    const renderer = await createMarkdownRenderer();
    await renderer.render({ body: '```python\nx = 1\n```\n', bodyLine: 1 });
    // The grammar the renderer loaded on first use is now loaded in the shared highlighter.
    expect(highlighter.getLoadedLanguages()).toContain('python');
  });

  it('highlights with both themes as CSS variables (no default color)', async () => {
    const highlighter = await getHighlighter();
    const html = highlighter.codeToHtml('int x;', { lang: 'c', themes: THEMES, defaultColor: false });
    const root = parseFragment(html);
    const pre = one(root, 'pre.shiki');
    expect(attr(pre, 'style')).toMatch(/--shiki-light:#[0-9a-f]+;--shiki-dark:#[0-9a-f]+/i);
    for (const span of all(root, 'span.line > span')) expect(attr(span, 'style')).toMatch(/^--shiki-light:#[0-9A-F]+;--shiki-dark:#[0-9A-F]+$/i);
    expect(text(pre)).toBe('int x;');
  });
});

describe('isKnownLanguage', () => {
  it.each([
    ['c', true],
    ['C', true],
    ['sh', true],
    ['shell', true],
    ['bash', true],
    ['zsh', true],
    ['console', true],
    ['shellsession', true],
    ['Shell', true],
    ['c++', true],
    ['diff', true],
    ['makefile', true],
    ['dockerfile', true],
    ['nosuchlang', false],
    ['', false],
    ['gas', false],
    ['__proto__', false],
    ['constructor', false],
    ['toString', false],
  ])('%j → %s', (lang, known) => {
    expect(isKnownLanguage(lang)).toBe(known);
  });
});

describe('code blocks in rendered Markdown', () => {
  it.each(['text', 'txt', 'plaintext'])('```%s is wrapped by shiki but not colored per token', async (lang) => {
    const renderer = await createMarkdownRenderer();
    const root = parseFragment((await renderer.render({ body: `\`\`\`${lang}\n<b>x</b>\n\`\`\`\n`, bodyLine: 1 })).html);
    expect(classes(one(root, 'pre'))).toContain('shiki');
    expect(all(root, 'b')).toEqual([]);
    expect(text(one(root, 'code'))).toBe('<b>x</b>');
  });
});
