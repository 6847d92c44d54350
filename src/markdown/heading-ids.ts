/** GitHub-compatible heading ids (github-slugger: CJK kept) and a visible `#` self-link on each. */
import type { Element } from 'hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import type { PluggableList } from 'unified';

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
