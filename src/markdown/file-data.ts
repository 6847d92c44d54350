/**
 * What the Markdown pipeline's plugins read from and write to `file.data` (typed here, as Astro's
 * collectors do): the render's context goes in, the collected headings, ids and links come out.
 */
import type { Element } from 'hast';

/** A heading on a page, for tables of contents and link checking. */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** A link or image reference found in a rendered post. */
export interface LinkRef {
  kind: 'link' | 'image';
  /** The URL as it is in the output. */
  url: string;
  /** 1-based line in the source file, when known. */
  line: number | undefined;
  /** The URL as the author wrote it, when the build rewrote it. */
  written?: string;
  /** For a link to a post file that is not in the build: the source path it named. */
  missingPost?: string;
  /** Why it is broken, when the build already knows (set after rendering), reported by the link check. */
  problem?: string;
}

/** How links in a post are normalized while it is parsed (see rehype-normalize-links.ts). */
export interface LinkContext {
  /** Base path, `''` or `/repo`. */
  baseurl: string;
  /** The post's source path, relative to the site root (`posts/2020-01-01-x.md`). */
  source: string;
  /** The posts folder, relative to the site root (`posts`), for root-relative `/x.md` links. */
  postsFolder: string;
  /** The post's URL path (no base), to make excerpt links absolute. */
  pageUrl: string;
  /** Posts this one may link to by file: site-root-relative source path (NFC) → URL path (no base). */
  posts: Record<string, string>;
}

declare module 'vfile' {
  interface DataMap {
    /** In: 1-based line of the Markdown's first line in its source file. */
    bodyLine: number;
    /** In: when the Markdown came out of Liquid, the body line each of its lines came from (index = Markdown line). */
    lineMap: readonly number[];
    /** In: how to normalize links; absent for fragments rendered without a post. */
    linkContext: LinkContext;
    /** Out (remark-survey): the document has raw HTML. */
    hasRawHtml: boolean;
    /** Out (remark-survey): fenced-code languages used, lowercased. */
    languages: Set<string>;
    /** Out (remark-kramdown-extensions): kramdown options the document sets with `{::options … /}`. */
    kramdownOptions: Record<string, string>;
    /** Out (rehype-collect): headings with ids, in document order. */
    headings: Heading[];
    /** Out (rehype-collect): every `id` (headings, footnotes, raw HTML), for `#fragment` checks. */
    ids: string[];
    /** Out (rehype-collect): links and images, with source lines. */
    links: LinkRef[];
    /** Out (rehype-collect): the first top-level paragraph, the default excerpt. */
    firstParagraph: Element | undefined;
  }
}
