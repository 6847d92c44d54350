import { describe, expect, it } from 'vitest';
import { getHighlighter, highlightCode, isKnownLanguage, PRELOADED_LANGUAGES, THEMES } from '../../src/markdown/highlight.js';
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

describe('highlightCode', () => {
  it('gives exactly what the Markdown pipeline gives a fenced block (inside the theme’s code-block wrapper)', async () => {
    const renderer = await createMarkdownRenderer();
    for (const [lang, code] of [
      ['c', 'int main(void) { return 0; } // 中文'],
      ['console', '$ ls -l\ntotal 0'],
      ['text', '<b>plain</b>'],
    ]) {
      const fenced = (await renderer.render({ body: `\`\`\`${lang}\n${code}\n\`\`\`\n`, bodyLine: 1 })).html;
      const inner = fenced.replace(/^<div class="code-block[^"]*" data-lang="[^"]*">([\s\S]*)<\/div>$/, '$1');
      expect(inner).not.toBe(fenced);
      // A session's lines are marked by the pipeline (rehype-code-blocks.ts) around the same highlighted text.
      if (lang === 'console') expect(text(parseFragment(await highlightCode(code!, lang!)))).toBe(text(parseFragment(inner)));
      else expect(await highlightCode(code!, lang!)).toBe(inner);
    }
  });

  it('loads a grammar on first use and reads the language case-insensitively', async () => {
    const root = parseFragment(await highlightCode('fn main() {}', 'Rust'));
    expect(classes(one(root, 'code'))).toEqual(['language-rust']);
    expect(all(root, 'span.line > span').length).toBeGreaterThan(1);
    expect((await getHighlighter()).getLoadedLanguages()).toContain('rust');
  });

  it('numbers lines with data-line and marks lines, keeping the numbers out of the text', async () => {
    const root = parseFragment(await highlightCode('echo a\necho b\necho c', 'bash', { linenos: true, markLines: [2, 3] }));
    const pre = one(root, 'pre.shiki');
    expect(classes(pre)).toContain('linenos');
    const lines = all(pre, 'span.line');
    expect(lines.map((l) => attr(l, 'dataLine'))).toEqual(['1', '2', '3']);
    expect(lines.map((l) => classes(l).includes('highlighted'))).toEqual([false, true, true]);
    expect(text(pre)).toBe('echo a\necho b\necho c');
  });

  it('marks lines without numbering them when only markLines is given', async () => {
    const root = parseFragment(await highlightCode('a\nb', 'c', { markLines: [1] }));
    expect(classes(one(root, 'pre'))).not.toContain('linenos');
    expect(all(root, 'span.line').map((l) => [attr(l, 'dataLine'), classes(l)])).toEqual([
      [undefined, ['line', 'highlighted']],
      [undefined, ['line']],
    ]);
  });

  it('shows an unknown language as escaped plain text, as the pipeline does', async () => {
    expect(await highlightCode('a < b && c', 'nosuchlang')).toBe('<pre><code class="language-nosuchlang">a &lt; b &amp;&amp; c</code></pre>');
    expect(await highlightCode('x', '')).toBe('<pre><code>x</code></pre>');
  });

  it('numbers and marks the lines of an unknown language too', async () => {
    const root = parseFragment(await highlightCode('one\n<two>', 'nosuchlang', { linenos: true, markLines: [2] }));
    expect(classes(one(root, 'pre'))).toEqual(['linenos']);
    expect(all(root, 'span.line').map((l) => [attr(l, 'dataLine'), classes(l), text(l)])).toEqual([
      ['1', ['line'], 'one'],
      ['2', ['line', 'highlighted'], '<two>'],
    ]);
  });
});
