/**
 * Markdown → HTML fragment: CommonMark + GFM through remark, raw HTML through rehype-raw (only when
 * the post has any), links normalized, GitHub heading ids, shiki highlighting (with line numbers,
 * line marks and shell-session markup: code-transformers.ts, rehype-code-blocks.ts), and what the rest of
 * the build needs collected on the way (see file-data.ts). One renderer per process (or worker).
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
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { RENDER_DEFAULTS } from '../config/defaults.js';
import { withBase } from '../urls.js';
import { codeTransformers } from './code-transformers.js';
import { absolutizeUrls, plainTextOf } from './excerpt.js';
import type { Heading, LinkContext, LinkRef } from './file-data.js';
import { headingIdPlugins } from './heading-ids.js';
import { getHighlighter, isKnownLanguage, THEMES } from './highlight.js';
import { estimateNesting } from './nesting.js';
import rehypeCodeBlocks from './rehype-code-blocks.js';
import rehypeCollect from './rehype-collect.js';
import { hideHighlighted, restoreHighlighted } from './rehype-keep-highlighted.js';
import rehypeKramdownCodeAttributes from './rehype-kramdown-code-attributes.js';
import rehypeKramdownToc from './rehype-kramdown-toc.js';
import rehypeNormalizeLinks from './rehype-normalize-links.js';
import rehypeTableWrap from './rehype-table-wrap.js';
import remarkKramdownExtensions from './remark-kramdown-extensions.js';
import remarkKramdownHeadingId from './remark-kramdown-heading-id.js';
import remarkKramdownIal from './remark-kramdown-ial.js';
import remarkKramdownSpanIal from './remark-kramdown-span-ial.js';
import remarkSurvey from './remark-survey.js';

export type { Heading, LinkContext, LinkRef } from './file-data.js';

/** What a post's Markdown needs besides its text. */
export interface MarkdownInput {
  body: string;
  /** 1-based line of the body in its source file, so reported lines point into the file. */
  bodyLine: number;
  /** Explicit excerpt (front matter), as Markdown. */
  excerpt?: string | undefined;
  /** Excerpt ends at this separator; undefined means "the first paragraph". */
  excerptSeparator?: string | undefined;
  /** How to normalize the post's links (see rehype-normalize-links.ts); none for a bare fragment. */
  links?: LinkContext | undefined;
  /** When the body came out of Liquid: for each 1-based line of it, the body line it came from. */
  lines?: readonly number[] | undefined;
}

/** A rendered post body and what the rest of the build needs to know about it. */
export interface RenderedMarkdown {
  html: string;
  excerptHtml: string;
  /** The excerpt as plain text, whitespace folded (the default meta description). */
  excerptText: string;
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
    { themes: THEMES, defaultColor: false, addLanguageClass: true, tokenizeMaxLineLength: 2000, transformers: codeTransformers() },
  ] as const;
  const base = unified().use(remarkRehype, { allowDangerousHtml: raw });
  // Raw HTML may hold code highlighted already ({% highlight %}): shiki leaves that alone.
  const withRaw = raw ? base.use(rehypeRaw).use(hideHighlighted) : base;
  // shiki's rehype plugin is typed against its own unified; the runtime contract is the same.
  // The TOC links the final heading ids; code attributes go on the `pre` that shiki makes.
  const highlighted = (withRaw.use(rehypeNormalizeLinks).use(headingIdPlugins).use(rehypeKramdownToc) as unknown as HastProcessor).use(
    ...(shiki as unknown as [never]),
  );
  return (raw ? highlighted.use(restoreHighlighted) : highlighted)
    .use(rehypeKramdownCodeAttributes)
    .use(rehypeCodeBlocks)
    .use(rehypeTableWrap)
    .use(rehypeCollect)
    .use(rehypeStringify)
    .freeze() as unknown as HastProcessor;
}

/** Loads the grammars a post needs that are not loaded yet; unknown names are left to render plain. */
async function loadLanguages(highlighter: Highlighter, wanted: Set<string>): Promise<void> {
  const loaded = new Set(highlighter.getLoadedLanguages());
  const missing = [...wanted].filter((lang) => !loaded.has(lang) && isKnownLanguage(lang));
  if (missing.length) await highlighter.loadLanguage(...(missing as Parameters<Highlighter['loadLanguage']>));
}

/** A post too deeply nested to parse in reasonable time, shown as preformatted text. */
function tooDeep(input: MarkdownInput, depth: number): RenderedMarkdown {
  const escaped = input.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    html: `<pre class="too-deep"><code>${escaped}</code></pre>`,
    excerptHtml: '',
    excerptText: '',
    headings: [],
    ids: [],
    links: [],
    warnings: [`nested about ${depth} levels deep (more than ${RENDER_DEFAULTS.maxNesting}): shown as plain text`],
  };
}

/** Creates the renderer: one remark parser, two hast chains (with and without raw HTML), one highlighter. */
export async function createMarkdownRenderer(highlighter?: Highlighter): Promise<MarkdownRenderer> {
  const shiki = highlighter ?? (await getHighlighter());
  // kramdown syntax before the survey (nomarkdown is raw HTML); header ids before IALs, which win.
  const parser = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkKramdownExtensions)
    .use(remarkKramdownHeadingId)
    .use(remarkKramdownIal)
    .use(remarkKramdownSpanIal)
    .use(remarkSurvey)
    .freeze();
  const plain = hastProcessor(shiki, false);
  const raw = hastProcessor(shiki, true);

  /** Markdown → hast, with the file whose data the plugins filled. */
  async function toHast(markdown: string, input: MarkdownInput): Promise<{ tree: HastRoot; chain: HastProcessor; file: VFile }> {
    const data = { bodyLine: input.bodyLine, ...(input.links ? { linkContext: input.links } : {}), ...(input.lines ? { lineMap: input.lines } : {}) };
    const file = new VFile({ value: markdown, data });
    const mdast = parser.parse(file);
    await parser.run(mdast, file);
    await loadLanguages(shiki, file.data.languages ?? new Set());
    const chain = file.data.hasRawHtml ? raw : plain;
    const tree = (await chain.run(mdast, file)) as HastRoot;
    return { tree, chain, file };
  }

  /** The excerpt's tree: front matter's, or the text before the separator, or a copy of the first paragraph. */
  async function excerptTree(input: MarkdownInput, firstParagraph: Element | undefined): Promise<{ tree: HastRoot; chain?: HastProcessor } | undefined> {
    const separatorAt = input.excerptSeparator ? input.body.indexOf(input.excerptSeparator) : -1;
    const text = input.excerpt ?? (separatorAt >= 0 ? input.body.slice(0, separatorAt) : undefined);
    if (text !== undefined) return toHast(text, input);
    return firstParagraph ? { tree: { type: 'root', children: [structuredClone(firstParagraph)] } } : undefined;
  }

  return {
    async render(input) {
      const depth = estimateNesting(input.body);
      if (depth > RENDER_DEFAULTS.maxNesting) return tooDeep(input, depth);
      const { tree, chain, file } = await toHast(input.body, input);
      const html = chain.stringify(tree);
      const excerpt = await excerptTree(input, file.data.firstParagraph);
      if (excerpt && input.links) absolutizeUrls(excerpt.tree, withBase(input.links.baseurl, input.links.pageUrl));
      return {
        html,
        excerptHtml: excerpt ? (excerpt.chain ?? chain).stringify(excerpt.tree) : '',
        excerptText: excerpt ? plainTextOf(excerpt.tree) : '',
        headings: file.data.headings ?? [],
        ids: file.data.ids ?? [],
        links: file.data.links ?? [],
      };
    },
  };
}
