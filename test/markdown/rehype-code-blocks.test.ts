import { beforeAll, describe, expect, it } from 'vitest';
import { highlightCode } from '../../src/markdown/highlight.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/markdown/pipeline.js';
import { all, attr, classes, one, parseFragment, text } from '../helpers/html.js';

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await createMarkdownRenderer();
});
const render = async (body: string) => parseFragment((await renderer.render({ body, bodyLine: 1 })).html);
const fence = (info: string, code: string) => `\`\`\`${info}\n${code}\n\`\`\`\n`;

describe('code blocks (through the pipeline)', () => {
  it('boxes highlighted and plain blocks alike, labelled by their language', async () => {
    const tree = await render(fence('c', 'int x;') + fence('kconfig-ish', 'CONFIG_PREEMPT=y') + fence('', 'plain'));
    const boxes = all(tree, 'div.code-block');
    expect(boxes.map((b) => attr(b, 'dataLang'))).toEqual(['c', 'kconfig-ish', undefined]);
    expect(classes(one(boxes[0]!, ':scope > pre'))).toContain('shiki');
    expect(text(one(boxes[1]!, ':scope > pre > code')).trimEnd()).toBe('CONFIG_PREEMPT=y');
    // The label is an attribute (CSS draws it), so the block's text is the code alone.
    expect(boxes.map((b) => text(b).trim())).toEqual(['int x;', 'CONFIG_PREEMPT=y', 'plain']);
  });

  it('marks a console session: prompts apart, commands and output', async () => {
    const box = one(await render(fence('console', '$ false | true; echo $?\n0\n[root@localhost ~]# uname -r\n5.10.0')), 'div.code-block');
    expect(classes(box)).toEqual(['code-block', 'session']);
    expect(all(box, '.line').map((l) => classes(l).join(' '))).toEqual(['line command', 'line output', 'line command', 'line output']);
    expect(all(box, '.prompt').map(text)).toEqual(['$ ', '[root@localhost ~]# ']);
    expect(all(box, '.line.command').map((l) => text(l))).toEqual(['$ false | true; echo $?', '[root@localhost ~]# uname -r']);
    expect(text(box)).toBe('$ false | true; echo $?\n0\n[root@localhost ~]# uname -r\n5.10.0');
  });

  it('takes a shell block of gdb commands for a session, and leaves a shell script alone', async () => {
    const tree = await render(fence('shell', '(gdb) b mymod_init\n(gdb) c') + fence('bash', '# a comment\ncmd > out.log 2>&1'));
    const [gdb, script] = all(tree, 'div.code-block');
    expect(all(gdb!, '.prompt').map(text)).toEqual(['(gdb) ', '(gdb) ']);
    expect(classes(script!)).toEqual(['code-block']);
    expect(all(script!, '.prompt, .command, .output')).toEqual([]);
  });

  it('numbers lines with `linenos` in the fence, highlighted or plain, as data-line attributes', async () => {
    const tree = await render(fence('c linenos', 'int a;\nint b;') + fence('nosuchlang linenos', 'x\ny'));
    for (const box of all(tree, 'div.code-block')) {
      expect(classes(one(box, 'pre'))).toContain('linenos');
      expect(all(box, '.line').map((l) => attr(l, 'dataLine'))).toEqual(['1', '2']);
      expect(text(one(box, 'code'))).not.toMatch(/[12]/);
    }
  });

  it('highlights lines by `{n}` in the fence and by `[!code highlight]`, and marks diffs by `[!code ++]` / `[!code --]`', async () => {
    const tree = await render(
      fence('c {2}', 'int a;\nint b;') + fence('c', 'int a; // [!code highlight]\nint b;') + fence('c', 'old(); // [!code --]\nnew(); // [!code ++]\nsame();'),
    );
    const [meta, notation, diff] = all(tree, 'div.code-block');
    expect(all(meta!, '.line.highlighted').map(text)).toEqual(['int b;']);
    expect(all(notation!, '.line.highlighted').map((l) => text(l).trim())).toEqual(['int a;']);
    expect(text(notation!)).not.toContain('[!code');
    expect(all(diff!, '.line.diff.remove').map((l) => text(l).trim())).toEqual(['old();']);
    expect(all(diff!, '.line.diff.add').map((l) => text(l).trim())).toEqual(['new();']);
    expect(classes(one(diff!, 'pre'))).toContain('has-diff');
  });

  it('decorates the figure of {% highlight %} output in place', async () => {
    const html = `<figure class="highlight">${await highlightCode('$ make\nCC x.o', 'console', { linenos: true })}</figure>`;
    const figure = one(await render(`${html}\n`), 'figure');
    expect(classes(figure)).toEqual(['highlight', 'code-block', 'session']);
    expect(attr(figure, 'dataLang')).toBe('console');
    expect(all(figure, '.prompt').map(text)).toEqual(['$ ']);
    expect(all(figure, '.line').map((l) => attr(l, 'dataLine'))).toEqual(['1', '2']);
    expect(all(await render(`${html}\n`), 'div.code-block')).toEqual([]);
  });

  it('wraps tables so they can be full width and still scroll', async () => {
    const tree = await render('| 路径 | 含义 |\n| --- | --- |\n| `/proc/self/fd/0` | 标准输入 |\n');
    expect(one(tree, 'div.table-wrap > table')).toBeTruthy();
  });
});
