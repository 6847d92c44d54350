import type { Liquid } from 'liquidjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocatedError } from '../../src/diagnostics.js';
import { hasLiquid, type LiquidOutput, renderDocument } from '../../src/liquid/render-document.js';
import { fixtureEngine } from './engine-fixture.js';

let engine: Liquid;
beforeAll(async () => {
  ({ engine } = await fixtureEngine());
});

/** Each output line with the body line it maps to: `3: text`. */
const mapped = (out: LiquidOutput): string[] => out.text.split('\n').map((line, i) => `${out.lines[i + 1]}: ${line}`);

/** The LocatedError a render throws. */
async function failure(body: string, scope: object = {}): Promise<LocatedError> {
  try {
    await renderDocument(engine, body, scope, 'posts/x.md');
  } catch (error) {
    if (error instanceof LocatedError) return error;
    throw error;
  }
  throw new Error('rendered without an error');
}

describe('hasLiquid', () => {
  it.each([
    ['plain text, {curly} and % signs', false],
    ['a {{ b }}', true],
    ['{% raw %}', true],
    ['{ {', false],
  ])('%j → %s', (text, expected) => {
    expect(hasLiquid(text)).toBe(expected);
  });
});

describe('renderDocument', () => {
  it('maps text without Liquid line for line', async () => {
    const out = await renderDocument(engine, '# 标题\n\n正文\n', {}, 'posts/x.md');
    expect(out).toEqual({ text: '# 标题\n\n正文\n', lines: [0, 1, 2, 3, 4] });
  });

  it('carries assign and capture from one top-level template to the next', async () => {
    const body = '{% assign who = "李雷" %}\n{% capture greeting %}你好，{{ who }}{% endcapture %}\n{{ greeting }}！';
    expect((await renderDocument(engine, body, {}, 'posts/x.md')).text).toBe('\n\n你好，李雷！');
  });

  it('maps a loop’s lines to the loop’s first line, and the text after it back to its own lines', async () => {
    // The empty line before "after the loop" is the line break that follows {% endfor %} (line 4).
    const body = ['intro', '{% for i in (1..3) %}', '- item {{ i }}', '{% endfor %}', 'after the loop', 'last'].join('\n');
    const out = await renderDocument(engine, body, {}, 'posts/x.md');
    expect(mapped(out)).toEqual(['1: intro', '2: ', '2: - item 1', '2: ', '2: - item 2', '2: ', '2: - item 3', '4: ', '5: after the loop', '6: last']);
  });

  it('maps an include’s three lines to the include tag and the text after it to the right line', async () => {
    const body = 'before\n{% include three.html %}\nafter\n{{ page.title }}\nend';
    const out = await renderDocument(engine, body, { page: { title: '标题' } }, 'posts/x.md');
    expect(mapped(out)).toEqual(['1: before', '2: one', '2: two', '2: three', '2: ', '3: after', '4: 标题', '5: end']);
  });

  it('follows whitespace control, and tags that print nothing leave the lines around them in place', async () => {
    const body = 'a\n{%- assign x = 1 -%}\nb {{ x }}\n{% comment %}\n多行\n注释\n{% endcomment %}\nc';
    const out = await renderDocument(engine, body, {}, 'posts/x.md');
    expect(mapped(out)).toEqual(['1: ab 1', '7: ', '8: c']);
  });

  it('maps the lines of a raw block line for line', async () => {
    const body = 'a\n{% raw %}{{ x }}\n[link](./b.md)\n{% endraw %}\nz';
    const out = await renderDocument(engine, body, {}, 'posts/x.md');
    expect(mapped(out)).toEqual(['1: a', '2: {{ x }}', '3: [link](./b.md)', '4: ', '5: z']);
  });

  it('has one map entry per output line', async () => {
    const out = await renderDocument(engine, '{% include three.html %}', {}, 'posts/x.md');
    expect(out.lines).toHaveLength(out.text.split('\n').length + 1);
    expect((await renderDocument(engine, '', {}, 'posts/x.md')).lines).toEqual([0, 1]);
  });

  it('reports a syntax error at its line in the body, without liquidjs’s suffix', async () => {
    const error = await failure('line one\n\n{% for x in %}\n{% endfor %}');
    expect({ file: error.file, line: error.line }).toEqual({ file: 'posts/x.md', line: 3 });
    expect(error.message).not.toMatch(/line:\d+, col:\d+/);
  });

  it('reports an unclosed block at the block’s line', async () => {
    const error = await failure('a\nb\n{% if true %}\nc');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/not closed/);
  });

  it('reports a render error in a tag at the tag’s line', async () => {
    const error = await failure('a\n\nsee {% post_url 2020-01-0-x %} here');
    expect({ line: error.line, message: error.message }).toEqual({ line: 3, message: 'post_url: no post named "2020-01-0-x"' });
  });

  it('reports an error inside an included file at the include tag, naming the file and its line', async () => {
    const error = await failure('a\nb\n{% include broken.html %}');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/\(in _includes\/broken\.html:2\)$/);
  });

  it('makes an undefined variable an error only under strictVariables', async () => {
    expect((await renderDocument(engine, 'x{{ nope }}y', {}, 'posts/x.md')).text).toBe('xy');
    const { engine: strict } = await fixtureEngine({ strictVariables: true });
    await expect(renderDocument(strict, 'ok\n{{ nope }}', {}, 'posts/x.md')).rejects.toMatchObject({ line: 2, message: 'undefined variable: nope' });
  });
});
