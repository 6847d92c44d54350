/**
 * Markdown → HTML fragment: CommonMark + GFM through remark, raw HTML through rehype-raw (only when
 * the post has any), GitHub heading ids, and shiki highlighting. One renderer per process (or worker).
 */
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Highlighter } from 'shiki';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { collectHeadings, headingIdPlugins, type Heading } from './heading-ids.js';
import { getHighlighter, isKnownLanguage, THEMES } from './highlight.js';
import { estimateNesting, MAX_NESTING } from './nesting.js';

/** What a post's Markdown needs besides its text. */
export interface MarkdownInput {
  body: string;
  /** 1-based line of the body in its source file, so reported lines point into the file. */
  bodyLine: number;
  /** Explicit excerpt (front matter), as Markdown. */
  excerpt?: string | undefined;
  /** Excerpt ends at this separator; undefined means "the first paragraph". */
  excerptSeparator?: string | undefined;
}

/** A link or image reference found in the rendered post. */
export interface LinkRef {
  kind: 'link' | 'image';
  url: string;
  /** 1-based line in the source file, when known. */
  line: number | undefined;
}

/** A rendered post body and what the rest of the build needs to know about it. */
export interface RenderedMarkdown {
  html: string;
  excerptHtml: string;
  headings: Heading[];
  /** Every `id` in the fragment (headings, footnotes, raw HTML), for `#fragment` checks. */
  ids: string[];
  links: LinkRef[];
  /** Problems worth telling the writer that did not stop the render. */
  warnings?: string[];
}

/** Renders Markdown; created once and reused for every post. */
export interface MarkdownRenderer {
  render(input: MarkdownInput): Promise<RenderedMarkdown>;
}

type HastProcessor = Processor<undefined, MdastRoot, HastRoot, HastRoot, string>;

function hastProcessor(highlighter: Highlighter, raw: boolean): HastProcessor {
  const shiki = [
    rehypeShikiFromHighlighter,
    highlighter,
    { themes: THEMES, defaultColor: false, addLanguageClass: true, tokenizeMaxLineLength: 2000 },
  ] as const;
  const base = unified().use(remarkRehype, { allowDangerousHtml: raw });
  const withRaw = raw ? base.use(rehypeRaw) : base;
  // shiki's rehype plugin is typed against its own unified; the runtime contract is the same.
  return (withRaw.use(headingIdPlugins) as unknown as HastProcessor).use(...(shiki as unknown as [never])).use(rehypeStringify).freeze() as unknown as HastProcessor;
}

/**
 * Whether the tree has raw HTML, and which fenced-code languages it uses. Known fence names are
 * lowercased in place (```C, ```Bash): shiki's lookup is case-sensitive, fence names are not.
 */
function survey(tree: MdastRoot): { raw: boolean; languages: Set<string> } {
  let raw = false;
  const languages = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'html') raw = true;
    else if (node.type === 'code' && node.lang) {
      if (isKnownLanguage(node.lang)) node.lang = node.lang.toLowerCase();
      languages.add(node.lang.toLowerCase());
    }
  });
  return { raw, languages };
}

/** Loads the grammars a post needs that are not loaded yet; unknown names are left to render plain. */
async function loadLanguages(highlighter: Highlighter, wanted: Set<string>): Promise<void> {
  const loaded = new Set(highlighter.getLoadedLanguages());
  const missing = [...wanted].filter((lang) => !loaded.has(lang) && isKnownLanguage(lang));
  if (missing.length) await highlighter.loadLanguage(...(missing as Parameters<Highlighter['loadLanguage']>));
}

function collect(tree: HastRoot, bodyLine: number): { ids: string[]; links: LinkRef[]; firstParagraph: Element | undefined } {
  const ids: string[] = [];
  const links: LinkRef[] = [];
  let firstParagraph: Element | undefined;
  visit(tree, 'element', (node: Element, _index, parent) => {
    const { id, href, src } = node.properties;
    if (typeof id === 'string' && id) ids.push(id);
    const line = node.position ? node.position.start.line + bodyLine - 1 : undefined;
    const selfLink = (node.properties.className as string[] | undefined)?.includes('anchor');
    if (node.tagName === 'a' && typeof href === 'string' && !selfLink) links.push({ kind: 'link', url: href, line });
    if (node.tagName === 'img' && typeof src === 'string') links.push({ kind: 'image', url: src, line });
    if (!firstParagraph && node.tagName === 'p' && parent?.type === 'root') firstParagraph = node;
  });
  return { ids, links, firstParagraph };
}

/** Creates the renderer: one remark parser, two hast chains (with and without raw HTML), one highlighter. */
export async function createMarkdownRenderer(highlighter?: Highlighter): Promise<MarkdownRenderer> {
  const shiki = highlighter ?? (await getHighlighter());
  const parser = unified().use(remarkParse).use(remarkGfm).freeze();
  const plain = hastProcessor(shiki, false);
  const raw = hastProcessor(shiki, true);

  async function toHast(markdown: string): Promise<{ tree: HastRoot; chain: HastProcessor }> {
    const mdast = parser.parse(markdown);
    await parser.run(mdast);
    const { raw: hasRaw, languages } = survey(mdast);
    await loadLanguages(shiki, languages);
    const chain = hasRaw ? raw : plain;
    const tree = (await chain.run(mdast)) as HastRoot;
    return { tree, chain };
  }

  async function renderFragment(markdown: string): Promise<string> {
    const { tree, chain } = await toHast(markdown);
    return chain.stringify(tree);
  }

  return {
    async render(input) {
      const depth = estimateNesting(input.body);
      if (depth > MAX_NESTING) {
        const escaped = input.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        return {
          html: `<pre class="too-deep"><code>${escaped}</code></pre>`,
          excerptHtml: '',
          headings: [],
          ids: [],
          links: [],
          warnings: [`nested about ${depth} levels deep (more than ${MAX_NESTING}): shown as plain text`],
        };
      }
      const { tree, chain } = await toHast(input.body);
      const { ids, links, firstParagraph } = collect(tree, input.bodyLine);
      const html = chain.stringify(tree);
      let excerptHtml: string;
      const separatorAt = input.excerptSeparator ? input.body.indexOf(input.excerptSeparator) : -1;
      if (input.excerpt !== undefined) excerptHtml = await renderFragment(input.excerpt);
      else if (separatorAt >= 0) excerptHtml = await renderFragment(input.body.slice(0, separatorAt));
      else excerptHtml = firstParagraph ? chain.stringify({ type: 'root', children: [firstParagraph] }) : '';
      return { html, excerptHtml, headings: collectHeadings(tree), ids, links };
    },
  };
}
