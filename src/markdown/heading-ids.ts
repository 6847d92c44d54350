/** GitHub-compatible heading ids (github-slugger: CJK kept) and a visible `#` self-link on each. */
import type { Element, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import type { PluggableList } from 'unified';
import { visit } from 'unist-util-visit';

/** A heading on a page, for tables of contents and link checking. */
export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** rehype plugins that give every h1–h6 its GitHub id and a self-link. */
export const headingIdPlugins: PluggableList = [
  rehypeSlug,
  [
    rehypeAutolinkHeadings,
    {
      behavior: 'append',
      // remark-rehype's hidden "Footnotes" heading is not a section readers link to.
      test: (node: Element) => node.properties.id !== 'footnote-label',
      properties: { className: ['anchor'], ariaLabel: 'Link to this section' },
      content: { type: 'text', value: '#' },
    },
  ],
];

/** Headings (with ids) of a hast tree, in document order. */
export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = headingRank(node);
    if (depth && typeof node.properties.id === 'string' && node.properties.id) {
      const text = toString({ ...node, children: node.children.filter((c) => !(c.type === 'element' && c.tagName === 'a' && (c.properties.className as string[] | undefined)?.includes('anchor'))) });
      headings.push({ depth, id: node.properties.id, text: text.trim() });
    }
  });
  return headings;
}
