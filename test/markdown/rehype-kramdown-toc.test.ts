import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { headingIdPlugins } from '../../src/markdown/heading-ids.js';
import rehypeKramdownToc, { parseTocLevels, type TocOptions } from '../../src/markdown/rehype-kramdown-toc.js';
import remarkKramdownExtensions from '../../src/markdown/remark-kramdown-extensions.js';
import remarkKramdownHeadingId from '../../src/markdown/remark-kramdown-heading-id.js';
import remarkKramdownIal from '../../src/markdown/remark-kramdown-ial.js';
import { all, attr, childElements, childTags, one, parseFragment, text } from '../helpers/html.js';

/** Markdown → HTML through the kramdown plugins, the pipeline's heading ids and the TOC. */
async function html(markdown: string, options?: TocOptions): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownExtensions)
    .use(remarkKramdownHeadingId)
    .use(remarkKramdownIal)
    .use(remarkRehype)
    .use(headingIdPlugins)
    .use(rehypeKramdownToc, options)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

/** The TOC's links as [href, id, text], depth-first. */
async function entries(markdown: string, options?: TocOptions): Promise<string[][]> {
  const tree = parseFragment(await html(markdown, options));
  return all(tree, '#markdown-toc a, .toc a').map((a) => [attr(a, 'href')!, attr(a, 'id')!, text(a)]);
}

describe('rehype-kramdown-toc', () => {
  it('nests h2/h3/h4 as kramdown does, without no_toc headings, with explicit ids and CJK ids', async () => {
    const markdown = '* TOC\n{:toc}\n\n## 内核抢占\n\n### 抢占点 {#preempt-points}\n\n#### 细节\n{:.no_toc}\n\n#### 计数器\n\n## Setup\n\n#### Deep\n';
    // kramdown 2.4 for the same source (whitespace aside; its ids differ only where its slugs do).
    expect(await html(markdown)).toMatch(
      /^<ul id="markdown-toc">\n<li><a href="#内核抢占" id="markdown-toc-内核抢占">内核抢占<\/a>\n<ul>\n<li><a href="#preempt-points" id="markdown-toc-preempt-points">抢占点<\/a>\n<ul>\n<li><a href="#计数器" id="markdown-toc-计数器">计数器<\/a><\/li>\n<\/ul>\n<\/li>\n<\/ul>\n<\/li>\n<li><a href="#setup" id="markdown-toc-setup">Setup<\/a>\n<ul>\n<li><a href="#deep" id="markdown-toc-deep">Deep<\/a><\/li>\n<\/ul>\n<\/li>\n<\/ul>\n<h2 id="内核抢占">/,
    );
  });

  it('lists headings before the TOC too, and lower levels after higher ones as siblings', async () => {
    expect(await entries('# One\n\n* TOC\n{:toc}\n\n### Three\n\n## Two\n')).toEqual([
      ['#one', 'markdown-toc-one', 'One'],
      ['#three', 'markdown-toc-three', 'Three'],
      ['#two', 'markdown-toc-two', 'Two'],
    ]);
    const tree = parseFragment(await html('# One\n\n* TOC\n{:toc}\n\n### Three\n\n## Two\n'));
    expect(childTags(one(tree, '#markdown-toc > li'))).toEqual(['a', 'ul']);
    expect(all(tree, '#markdown-toc > li > ul > li').length).toBe(2);
  });

  it('makes a numbered TOC from a numbered list, and keeps the list’s own id and classes', async () => {
    const ordered = parseFragment(await html('1. TOC\n{:toc}\n\n## A\n\n### B\n'));
    expect(one(ordered, 'ol#markdown-toc > li > ol > li > a').properties.href).toBe('#b');
    const styled = parseFragment(await html('* TOC\n{: toc .cls #myid}\n\n## A\n'));
    expect(attr(one(styled, 'ul'), 'className')).toBe('cls');
    expect(attr(one(styled, 'ul > li > a'), 'id')).toBe('myid-a');
  });

  it('keeps inline markup, unwraps links, drops footnote references and self-links', async () => {
    const tree = parseFragment(await html('1. TOC\n{:toc}\n\n## A [link](/x) `code`[^1]\n\n[^1]: fn\n'));
    const entry = one(tree, '#markdown-toc a');
    expect(childTags(entry)).toEqual(['code']);
    expect(text(entry)).toBe('A link code');
    // Nor is the footnotes' own heading listed.
    expect(all(tree, '#markdown-toc li').length).toBe(1);
  });

  it('honours toc_levels from {::options} and from the plugin option', async () => {
    const markdown = '* TOC\n{:toc}\n\n# A\n## B\n### C\n#### D\n';
    expect((await entries(`{::options toc_levels="2..3" /}\n${markdown}`)).map((e) => e[2])).toEqual(['B', 'C']);
    expect((await entries(`{::options toc_levels="1,4" /}\n${markdown}`)).map((e) => e[2])).toEqual(['A', 'D']);
    expect((await entries(markdown, { levels: [2] })).map((e) => e[2])).toEqual(['B']);
    // A value kramdown would reject leaves the default.
    expect((await entries(`{::options toc_levels="0..9" /}\n${markdown}`)).length).toBe(4);
  });

  it('replaces only the first TOC list; a later one is an ordinary list', async () => {
    const tree = parseFragment(await html('# A\n\n* TOC\n{:toc}\n\n* TOC\n{:toc}\n\n## B\n'));
    const lists = childElements(tree).filter((el) => el.tagName === 'ul');
    expect(lists.map((ul) => attr(ul, 'id') ?? text(ul).trim())).toEqual(['markdown-toc', 'TOC']);
    expect(all(tree, '[data-kramdown-toc]')).toEqual([]);
  });

  it('removes the list when there is no heading to list, as kramdown writes nothing', async () => {
    expect(await html('* TOC\n{:toc}\n\nno headings')).toBe('\n<p>no headings</p>');
  });

  it('leaves a TOC-looking list without {:toc} alone', async () => {
    expect(await html('* TOC\n\n## A')).toBe('<ul>\n<li>TOC</li>\n</ul>\n<h2 id="a">A<a class="anchor" aria-label="Link to this section" href="#a">#</a></h2>');
  });
});

describe('parseTocLevels', () => {
  it.each([
    ['1..6', [1, 2, 3, 4, 5, 6]],
    ['2..3', [2, 3]],
    ['1,2,2,4', [1, 2, 4]],
    ['3..2', []],
    ['0..7', undefined],
    ['[1,2]', undefined],
    ['', undefined],
  ])('%j', (textValue, levels) => {
    expect(parseTocLevels(textValue)).toEqual(levels);
  });
});
