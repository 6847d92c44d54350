import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import GithubSlugger, { slug as githubSlug } from 'github-slugger';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { RENDER_DEFAULTS } from '../../src/config/defaults.js';
import { buildPost } from '../../src/content/post.js';
import { createMarkdownRenderer, type MarkdownInput, type MarkdownRenderer, type RenderedMarkdown } from '../../src/markdown/pipeline.js';
import { all, attr, childElements, childTags, classes, one, parseFragment, text } from '../helpers/html.js';

const MAX_NESTING = RENDER_DEFAULTS.maxNesting;

const SAMPLE_PATH = fileURLToPath(new URL('../../posts/2020-01-01-some-drafts.md', import.meta.url));

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await createMarkdownRenderer();
});

const render = (body: string, extra: Partial<MarkdownInput> = {}): Promise<RenderedMarkdown> => renderer.render({ body, bodyLine: 1, ...extra });

async function tree(body: string, extra: Partial<MarkdownInput> = {}) {
  return parseFragment((await render(body, extra)).html);
}

function samplePost() {
  const { post } = buildPost(
    { path: 'posts/2020-01-01-some-drafts.md', relPath: '2020-01-01-some-drafts.md', text: readFileSync(SAMPLE_PATH, 'utf8'), mtimeMs: 0 },
    { permalink: 'date', timezone: undefined, excerptSeparator: undefined },
  );
  if (!post) throw new Error('sample post did not load');
  return post;
}

/** `--shiki-light` and `--shiki-dark` of an element's inline style. */
function shikiColors(el: Element): { light?: string; dark?: string } {
  const style = attr(el, 'style') ?? '';
  const get = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-fA-F]{3,8})`).exec(style)?.[1];
  return { light: get('--shiki-light'), dark: get('--shiki-dark') };
}

describe('CommonMark', () => {
  it.each([
    ['*em*', 'p > em', 'em'],
    ['**strong**', 'p > strong', 'strong'],
    ['`a < b`', 'p > code', 'a < b'],
    ['[x](/y "t")', 'p > a[href="/y"][title="t"]', 'x'],
    ['![alt text](/i.png)', 'p > img[src="/i.png"][alt="alt text"]', ''],
    ['> quoted', 'blockquote > p', 'quoted'],
    ['3. three\n4. four', 'ol[start="3"] > li', 'three'],
    ['---', 'hr', ''],
    ['a  \nb', 'p > br', ''],
    ['&copy; &amp;', 'p', '© &'],
    ['    indented code', 'pre > code', 'indented code\n'],
    ['###### six', 'h6#six', 'six#'],
    ['Setext\n======', 'h1#setext', 'Setext#'],
  ])('%j renders %s', async (markdown, selector, expected) => {
    const el = one(await tree(markdown), selector);
    expect(text(el)).toBe(expected);
  });

  it('escapes text that looks like markup when it is not HTML', async () => {
    const root = await tree('a < b && c > d');
    expect(text(one(root, 'p'))).toBe('a < b && c > d');
    expect(childElements(one(root, 'p'))).toEqual([]);
  });
});

describe('GFM', () => {
  it('renders a table with header, body and alignment', async () => {
    const root = await tree('| 名称 | 值 |\n|:---|---:|\n| a | 1 |\n| b | 2 |\n');
    expect(all(root, 'table > thead > tr > th').map(text)).toEqual(['名称', '值']);
    expect(all(root, 'table > tbody > tr').map((tr) => all(tr, 'td').map(text))).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(all(root, 'th').map((th) => attr(th, 'align'))).toEqual(['left', 'right']);
  });

  it('renders a task list as disabled checkboxes', async () => {
    const root = await tree('- [x] done\n- [ ] todo\n');
    expect(classes(one(root, 'ul'))).toContain('contains-task-list');
    const items = all(root, 'li.task-list-item');
    expect(items.map((li) => text(li).trim())).toEqual(['done', 'todo']);
    const boxes = all(root, 'input[type="checkbox"]');
    expect(boxes.map((b) => b.properties.checked === true)).toEqual([true, false]);
    expect(boxes.every((b) => b.properties.disabled === true)).toBe(true);
  });

  it('renders strikethrough', async () => {
    expect(text(one(await tree('~~gone~~ kept'), 'p > del'))).toBe('gone');
  });

  it('renders footnotes with reference, back reference and ids', async () => {
    const result = await render('Text[^note].\n\n[^note]: The note.\n');
    const root = parseFragment(result.html);
    const ref = one(root, 'sup > a[data-footnote-ref]');
    expect(attr(ref, 'href')).toBe('#user-content-fn-note');
    expect(attr(ref, 'id')).toBe('user-content-fnref-note');
    const item = one(root, 'section.footnotes li#user-content-fn-note');
    expect(text(one(item, 'p')).trim()).toMatch(/^The note\./);
    expect(attr(one(item, 'a[data-footnote-backref]'), 'href')).toBe('#user-content-fnref-note');
    expect(result.ids).toEqual(expect.arrayContaining(['user-content-fnref-note', 'user-content-fn-note', 'footnote-label']));
  });

  it.each([
    ['www.example.com', 'http://www.example.com', 'www.example.com'],
    ['https://example.com/a?b=1', 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['<https://example.com/x>', 'https://example.com/x', 'https://example.com/x'],
    ['mail me@example.com', 'mailto:me@example.com', 'me@example.com'],
    ['见<https://www.51cto.com/article/662974.html>。', 'https://www.51cto.com/article/662974.html', 'https://www.51cto.com/article/662974.html'],
  ])('autolinks %j', async (markdown, href, label) => {
    const a = one(await tree(markdown), 'p > a');
    expect(attr(a, 'href')).toBe(href);
    expect(text(a)).toBe(label);
  });
});

describe('raw HTML', () => {
  it('passes the sample’s <img ... style="zoom:33%"> through', async () => {
    const root = await tree('<img src="https://github.com/lclgo/draw/raw/master/github-io/stargz.png" style="zoom:33%" />\n');
    const img = one(root, 'img');
    expect(attr(img, 'src')).toBe('https://github.com/lclgo/draw/raw/master/github-io/stargz.png');
    expect(attr(img, 'style')).toBe('zoom:33%');
  });

  it('keeps block and inline HTML, with ids reported', async () => {
    const result = await render('<details id="more"><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nPress <kbd>Ctrl</kbd>.\n');
    const root = parseFragment(result.html);
    expect(text(one(root, 'details#more > summary'))).toBe('More');
    expect(text(one(root, 'details > p > em'))).toBe('text');
    expect(text(one(root, 'p > kbd'))).toBe('Ctrl');
    expect(result.ids).toContain('more');
  });

  it('still highlights code and slugs headings in a post with raw HTML', async () => {
    const root = await tree('<br>\n\n## 标题\n\n```c\nint x;\n```\n');
    expect(one(root, 'h2').properties.id).toBe('标题');
    expect(one(root, 'pre').properties.className).toContain('shiki');
  });
});

describe('nested lists indented with tabs (as in the sample)', () => {
  it('nests tab-indented items under their parent', async () => {
    const markdown = [
      '* 普通4K：（参考代码：__soft_offline_page）',
      '\t* 已经标记poison的不处理',
      '\t* 未标记的，尝试迁移替换',
      '\t* 空闲页直接从伙伴系统摘除',
      '',
      '* 静态2M：（参考代码：__soft_offline_page）',
      '\t* 已经标记为poison的不处理',
      '',
    ].join('\n');
    const root = await tree(markdown);
    const outer = childElements(root).filter((e) => e.tagName === 'ul');
    expect(outer).toHaveLength(1);
    const items = childElements(outer[0]!);
    expect(items.map((li) => li.tagName)).toEqual(['li', 'li']);
    expect(all(items[0]!, ':scope > ul > li').map(text)).toEqual(['已经标记poison的不处理', '未标记的，尝试迁移替换', '空闲页直接从伙伴系统摘除']);
    expect(all(items[1]!, ':scope > ul > li').map(text)).toEqual(['已经标记为poison的不处理']);
    // A loose list (blank line between items) wraps item text in <p>.
    expect(text(one(items[0]!, ':scope > p'))).toBe('普通4K：（参考代码：__soft_offline_page）');
  });

  it('lets a list interrupt an autolink paragraph and nest tab-indented items in a tight list', async () => {
    const markdown = '<https://example.com/s>\n* stargz：改进tar.gz。\n\t* stargz用于支持按需加载。\n\t* stargz仍然是合法的tar.gz。\n* nydus：重构。\n';
    const root = await tree(markdown);
    expect(childTags(root)).toEqual(['p', 'ul']);
    const items = childElements(childElements(root)[1]!);
    expect(items.map((li) => li.tagName)).toEqual(['li', 'li']);
    expect(all(items[0]!, 'ul > li').map(text)).toEqual(['stargz用于支持按需加载。', 'stargz仍然是合法的tar.gz。']);
    expect(all(items[0]!, 'p')).toEqual([]);
  });
});

describe('the sample post', () => {
  let result: RenderedMarkdown;
  let bodyLine: number;
  beforeAll(async () => {
    const post = samplePost();
    bodyLine = post.bodyLine;
    result = await renderer.render({ body: post.body, bodyLine: post.bodyLine });
  });

  it('starts its body after the front matter', () => {
    expect(bodyLine).toBe(7);
  });

  it('gives every heading its GitHub id, CJK kept', () => {
    expect(result.headings).toEqual([
      { depth: 2, id: '内核抢占', text: '内核抢占' },
      { depth: 2, id: 'elf文件的加载', text: 'ELF文件的加载' },
      { depth: 2, id: 'uce故障处理', text: 'UCE故障处理' },
      { depth: 2, id: 'iommu', text: 'IOMMU' },
      { depth: 2, id: 'printk触发死锁', text: 'printk触发死锁' },
      { depth: 2, id: 'unix-domain-socket介绍', text: 'Unix Domain Socket介绍' },
      { depth: 2, id: 'dracutinitrd', text: 'dracut、initrd' },
      { depth: 2, id: 'fuse', text: 'fuse' },
      { depth: 2, id: 'docker', text: 'docker' },
      { depth: 2, id: '调研', text: '调研' },
      { depth: 3, id: '调研方法', text: '调研方法' },
      { depth: 3, id: '交流', text: '交流' },
    ]);
    const root = parseFragment(result.html);
    expect(all(root, 'h2, h3').map((h) => h.properties.id)).toEqual(result.headings.map((h) => h.id));
  });

  it('reports every id in the fragment', () => {
    expect(result.ids).toEqual(result.headings.map((h) => h.id));
  });

  it('reports links and the image with their file lines', () => {
    expect(result.links).toEqual([
      { kind: 'link', url: 'https://www.51cto.com/article/662974.html', line: 20 },
      { kind: 'link', url: 'https://www.cnblogs.com/sparkdev/p/8359028.html', line: 61 },
      { kind: 'link', url: 'https://www.a-programmer.top/2021/10/05/FUSE%E4%BB%8B%E7%BB%8D/', line: 79 },
      { kind: 'image', url: 'https://github.com/lclgo/draw/raw/master/github-io/stargz.png', line: 89 },
      {
        kind: 'link',
        url: 'https://mp.weixin.qq.com/s?__biz=Mzg3ODUxNzM0MA==&mid=2247485991&idx=1&sn=acdacd719f27c0c53afe19de7e20fff8',
        line: 91,
      },
    ]);
  });

  it('keeps the raw <img> and highlights the shell block', () => {
    const root = parseFragment(result.html);
    expect(attr(one(root, 'img'), 'style')).toBe('zoom:33%');
    const pre = one(root, 'pre.shiki');
    expect(text(pre)).toBe('mount -t fusectl none /sys/fs/fuse/connections');
    expect(attr(one(pre, 'code'), 'className')).toBe('language-shell');
  });

  it('uses the first paragraph as the excerpt', () => {
    const root = parseFragment(result.excerptHtml);
    expect(childTags(root)).toEqual(['p']);
    expect(text(root)).toMatch(/^内核抢占：在进程执行内核代码的时候/);
    expect(all(root, 'code').map(text)).toEqual(['CONFIG_PREEMPTION=y', '__schedule()', 'yes']);
  });

  it('renders the nested UCE lists', () => {
    const root = parseFragment(result.html);
    const h2 = one(root, 'h2#uce故障处理');
    const siblings = childElements(root);
    const list = siblings[siblings.indexOf(h2) + 2]!;
    expect(list.tagName).toBe('ul');
    expect(all(list, ':scope > li').map((li) => all(li, ':scope > ul > li').length)).toEqual([3, 3]);
  });
});

describe('heading ids', () => {
  // Each heading alone in its document: the id must be exactly what github-slugger gives its text.
  it.each([
    ['内核抢占', '内核抢占'],
    ['dracut、initrd', 'dracutinitrd'],
    ['函数（参数）：说明', '函数参数说明'],
    ['【确信】服务器，一般不可抢占', '确信服务器一般不可抢占'],
    ['Unix Domain Socket介绍', 'unix-domain-socket介绍'],
    ['Linux 5.10 内核 & 驱动', 'linux-510-内核--驱动'],
    ['C++ 与 Rust', 'c-与-rust'],
    ['😄 emoji 标题', '-emoji-标题'],
    ['“引号”与‘单引号’', '引号与单引号'],
    ['日本語のテキスト', '日本語のテキスト'],
    ['한국어 제목', '한국어-제목'],
    ['snake_case-and.dots', 'snake_case-anddots'],
    ['ＦＵＬＬ　ｗｉｄｔｈ', 'ｆｕｌｌｗｉｄｔｈ'],
    ['？！。', ''],
  ])('%j → %j', async (heading, expected) => {
    // The literal expectation is pinned, and it must agree with github-slugger's own slug().
    expect(githubSlug(heading)).toBe(expected);
    const result = await render(`## ${heading}\n`);
    const h2 = one(parseFragment(result.html), 'h2');
    if (expected === '') {
      // Punctuation only: github-slugger gives '' (as GitHub does); such a heading has no anchor to link to.
      expect(all(h2, 'a.anchor')).toEqual([]);
      expect(result.headings).toEqual([]);
      expect(result.ids).toEqual([]);
      return;
    }
    expect(h2.properties.id).toBe(expected);
    expect(result.headings).toEqual([{ depth: 2, id: expected, text: heading }]);
  });

  it('uses the text of inline code, emphasis and links in the heading', async () => {
    const result = await render('## `task_struct` 的 *字段* 与 [链接](/x)\n');
    expect(result.headings).toEqual([{ depth: 2, id: 'task_struct-的-字段-与-链接', text: 'task_struct 的 字段 与 链接' }]);
  });

  it('numbers duplicate headings -1, -2 like GitHub, across levels', async () => {
    const headings = ['内核', '内核', 'Docker', '内核', 'docker', '内核-1'];
    const result = await render(headings.map((h, i) => `${'#'.repeat((i % 3) + 1)} ${h}`).join('\n\n') + '\n');
    const slugger = new GithubSlugger();
    const expected = headings.map((h) => slugger.slug(h));
    expect(expected).toEqual(['内核', '内核-1', 'docker', '内核-2', 'docker-1', '内核-1-1']);
    expect(result.headings.map((h) => h.id)).toEqual(expected);
    expect(result.ids).toEqual(expected);
  });

  it('appends a visible # self-link to every heading', async () => {
    const root = await tree('# One\n\n## 二、三\n\n###### six\n');
    const headings = all(root, 'h1, h2, h3, h4, h5, h6');
    expect(headings).toHaveLength(3);
    for (const heading of headings) {
      const last = childElements(heading).at(-1)!;
      expect(last.tagName).toBe('a');
      expect(classes(last)).toEqual(['anchor']);
      expect(attr(last, 'href')).toBe(`#${String(heading.properties.id)}`);
      expect(text(last)).toBe('#');
      expect(attr(last, 'ariaLabel')).toBe('Link to this section');
    }
    expect(all(root, 'a.anchor').map((a) => attr(a, 'href'))).toEqual(['#one', '#二三', '#six']);
  });

  it('keeps an id written in raw HTML', async () => {
    const result = await render('<h2 id="custom">Raw</h2>\n');
    expect(one(parseFragment(result.html), 'h2').properties.id).toBe('custom');
    expect(result.headings).toEqual([{ depth: 2, id: 'custom', text: 'Raw' }]);
  });
});

describe('code highlighting', () => {
  it.each(['shell', 'sh', 'bash', 'zsh', 'console', 'shellscript', 'Bash', 'SH'])('```%s → pre.shiki with light and dark colors', async (lang) => {
    const source = 'ls -la /proc | grep "kernel" # list';
    const root = await tree(`\`\`\`${lang}\n${source}\n\`\`\`\n`);
    const pre = one(root, 'pre');
    expect(classes(pre)).toEqual(expect.arrayContaining(['shiki', 'shiki-themes', 'github-light', 'github-dark']));
    expect(shikiColors(pre)).toEqual({ light: expect.any(String), dark: expect.any(String) });
    const code = one(pre, 'code');
    expect(classes(code)).toEqual([`language-${lang.toLowerCase()}`]);
    const spans = all(code, 'span.line > span');
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) expect(shikiColors(span)).toEqual({ light: expect.stringMatching(/^#/), dark: expect.stringMatching(/^#/) });
    expect(text(code)).toBe(source);
  });

  it('colors shell tokens differently (not one plain run)', async () => {
    const root = await tree('```sh\necho "hi" | grep h\n```\n');
    const colors = new Set(all(root, 'span.line > span').map((s) => shikiColors(s).light));
    expect(colors.size).toBeGreaterThan(2);
  });

  it('highlights C: keywords differ in color from identifiers', async () => {
    const root = await tree('```c\nint main(void) { return 0; }\n```\n');
    const spans = all(root, 'pre.shiki code.language-c span.line > span');
    const colorOf = (token: string) => shikiColors(spans.find((s) => text(s).trim() === token)!).light;
    expect(colorOf('int')).toBeDefined();
    expect(colorOf('main')).toBeDefined();
    expect(colorOf('int')).not.toBe(colorOf('main'));
    expect(text(one(root, 'code'))).toBe('int main(void) { return 0; }');
  });

  it('highlights a diff: removed and added lines get different colors', async () => {
    const root = await tree('```diff\n-old line\n+new line\n context\n```\n');
    const lines = all(root, 'pre.shiki code.language-diff > span.line');
    expect(lines.map(text)).toEqual(['-old line', '+new line', ' context']);
    const [removed, added] = lines.map((line) => shikiColors(one(line, ':scope > span')));
    expect(removed!.light).toBeDefined();
    expect(removed!.light).not.toBe(added!.light);
    expect(removed!.dark).not.toBe(added!.dark);
  });

  it.each([
    ['an unknown language', '```nosuchlang\n<b>bold?</b> & more\n```\n', ['language-nosuchlang']],
    ['no language', '```\n<b>bold?</b> & more\n```\n', []],
    ['a fence named like an Object.prototype key', '```constructor\n<b>bold?</b> & more\n```\n', ['language-constructor']],
    ['a fence named __proto__', '```__proto__\n<b>bold?</b> & more\n```\n', ['language-__proto__']],
    ['an indented block', '    <b>bold?</b> & more\n', []],
  ])('renders %s as plain escaped <pre><code>', async (_name, markdown, codeClasses) => {
    const root = await tree(markdown);
    const pre = one(root, 'pre');
    expect(classes(pre)).toEqual([]);
    expect(pre.properties.style).toBeUndefined();
    const code = one(pre, 'code');
    expect(classes(code)).toEqual(codeClasses);
    expect(childElements(code)).toEqual([]); // no <b>, no <span>
    expect(text(code)).toBe('<b>bold?</b> & more\n');
  });

  it('escapes markup inside highlighted code', async () => {
    const root = await tree('```c\n#include <stdio.h>\n```\n');
    expect(all(root, 'stdio\\.h')).toEqual([]);
    expect(text(one(root, 'pre.shiki code'))).toBe('#include <stdio.h>');
  });
});

describe('excerpt', () => {
  it.each([
    ['the first paragraph', 'First *para*.\n\nSecond.\n', {}, ['p'], 'First para.'],
    ['the first top-level paragraph after a heading', '## Title\n\n- a list item\n\nThe paragraph.\n\nNext.\n', {}, ['p'], 'The paragraph.'],
    ['nothing when there is no paragraph', '## Only a heading\n\n- item\n', {}, [], ''],
    ['the explicit excerpt, as Markdown', 'Body.\n', { excerpt: 'Explicit **excerpt**' }, ['p'], 'Explicit excerpt'],
    ['everything before the separator', 'One.\n\nTwo.\n<!--more-->\nThree.\n', { excerptSeparator: '<!--more-->' }, ['p', 'p'], 'One.\nTwo.'],
    ['the first paragraph when the separator is absent', 'One.\n\nTwo.\n', { excerptSeparator: '<!--more-->' }, ['p'], 'One.'],
    [
      'the explicit excerpt over the separator',
      'One.\n<!--more-->\nTwo.\n',
      { excerpt: 'Front matter.', excerptSeparator: '<!--more-->' },
      ['p'],
      'Front matter.',
    ],
    ['an empty explicit excerpt', 'Body.\n', { excerpt: '' }, [], ''],
  ])('is %s', async (_name, body, extra, tags, expectedText) => {
    const result = await render(body, extra);
    const root = parseFragment(result.excerptHtml);
    expect(childTags(root)).toEqual(tags);
    expect(text(root).trim()).toBe(expectedText);
  });

  it('keeps highlighting and links in a separator excerpt', async () => {
    const result = await render('See [x](/x).\n\n```sh\necho\n```\n\n<!-- more -->\n\nRest.\n', { excerptSeparator: '<!-- more -->' });
    const root = parseFragment(result.excerptHtml);
    expect(attr(one(root, 'a'), 'href')).toBe('/x');
    expect(classes(one(root, 'pre'))).toContain('shiki');
  });
});

describe('links', () => {
  it('reports links and images with file lines (bodyLine applied), not heading self-links', async () => {
    const body = ['# Title', '', 'See [a](/a) and ![pic](img/p.png).', '', '- <https://example.com>', '', '<a href="/raw">raw</a>', ''].join('\n');
    const result = await render(body, { bodyLine: 7 });
    expect(result.links).toEqual([
      { kind: 'link', url: '/a', line: 9 },
      { kind: 'image', url: 'img/p.png', line: 9 },
      { kind: 'link', url: 'https://example.com', line: 11 },
      { kind: 'link', url: '/raw', line: 13 },
    ]);
  });

  it('reports #fragment links to footnotes', async () => {
    const result = await render('a[^1]\n\n[^1]: b\n', { bodyLine: 5 });
    expect(result.links[0]).toEqual({ kind: 'link', url: '#user-content-fn-1', line: 5 });
    expect(result.links.map((l) => l.url)).toEqual(['#user-content-fn-1', '#user-content-fnref-1']);
  });

  it('reports CJK URLs as written (percent-encoded by the renderer)', async () => {
    const result = await render('[内核](/categories/内核/)\n');
    expect(result.links).toEqual([{ kind: 'link', url: '/categories/%E5%86%85%E6%A0%B8/', line: 1 }]);
  });
});

describe('unusual input', () => {
  it('renders a 20,000-character line in a paragraph and in a code block', async () => {
    const long = 'x'.repeat(10_000) + ' 中文 ' + 'y'.repeat(9_996);
    expect(long).toHaveLength(20_000);
    const result = await render(`${long}\n\n\`\`\`c\n${long}\n\`\`\`\n`);
    const root = parseFragment(result.html);
    expect(text(one(root, 'p'))).toBe(long);
    expect(text(one(root, 'pre code'))).toBe(long);
  });

  it('renders CRLF input like LF input', async () => {
    const lf = '# Title\n\nPara one\nline two.\n\n- a\n- b\n\n```sh\necho hi\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const [a, b] = await Promise.all([render(lf), render(crlf)]);
    const ta = parseFragment(a.html);
    const tb = parseFragment(b.html);
    expect(b.headings).toEqual(a.headings);
    expect(all(tb, 'li').map(text)).toEqual(['a', 'b']);
    expect(all(tb, 'td').map(text)).toEqual(['1', '2']);
    expect(text(one(tb, 'pre.shiki code'))).toBe('echo hi');
    expect(text(one(tb, 'p')).replace(/\r/g, '')).toBe(text(one(ta, 'p')));
  });

  it(`renders a list nested ${MAX_NESTING} deep as Markdown`, async () => {
    const body = Array.from({ length: MAX_NESTING }, (_, i) => '  '.repeat(i) + `- level ${i}`).join('\n') + '\n';
    const result = await render(body);
    expect(result.warnings ?? []).toEqual([]);
    const root = parseFragment(result.html);
    expect(all(root, 'ul')).toHaveLength(MAX_NESTING);
    expect(text(one(root, 'ul ul ul li')).startsWith('level 2')).toBe(true);
  });

  it('shows a post nested deeper than that as escaped plain text, with a warning', async () => {
    const body = '# Title <b>\n\n' + '>'.repeat(MAX_NESTING + 10) + ' deep & <i>x</i>\n';
    const result = await render(body);
    expect(result.warnings).toEqual([`nested about ${MAX_NESTING + 10} levels deep (more than ${MAX_NESTING}): shown as plain text`]);
    const root = parseFragment(result.html);
    expect(all(root, 'b, i, h1, blockquote')).toEqual([]);
    expect(text(one(root, 'pre > code'))).toBe(body);
    expect(result).toMatchObject({ excerptHtml: '', headings: [], ids: [], links: [] });
  });

  it('does not count indentation inside fenced code as nesting', async () => {
    const body = '```c\n' + '\t'.repeat(80) + 'return 0;\n```\n';
    const result = await render(body);
    expect(result.warnings ?? []).toEqual([]);
    expect(classes(one(parseFragment(result.html), 'pre'))).toContain('shiki');
  });

  it('renders an empty body', async () => {
    expect(await render('')).toEqual({ html: '', excerptHtml: '', excerptText: '', headings: [], ids: [], links: [] });
  });
});
