/**
 * remark plugin: kramdown's span IALs and list item IALs, the attribute lists written inside text.
 * `[link](url){:target="_blank"}`, `*em*{: .note}`, `` `code`{:.x} ``, `![img](x.png){: width="50%"}`:
 * an IAL right after a span element (no space between) sets that element's attributes. `- {:.done}
 * item`: an IAL at the start of a list item sets the `li`'s. As in kramdown, an IAL after plain text
 * stays text, and so does one written with a backslash (`\{:x}`).
 */
import type { ListItem, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseAttributeList, setAttributes } from './remark-kramdown-attribute-list.js';

// kramdown's IAL_SPAN_START and LIST_ITEM_IAL (`{::…}` extensions are remark-kramdown-extensions.ts's).
const SPAN_IAL = /^\{:(?![:/])((?:\\\}|[^}])+)\}/;
const LIST_ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;
const SPANS = new Set<PhrasingContent['type']>(['link', 'linkReference', 'image', 'imageReference', 'emphasis', 'strong', 'delete', 'inlineCode']);

/** Whether the source has `text` at `node`'s start (remark has removed backslash escapes from text). */
const writtenAt = (source: string, node: Nodes, text: string) =>
  node.position?.start.offset !== undefined && source.startsWith(text, node.position.start.offset);

/** Takes `match` off the start of a text node; drops the node when nothing is left. */
function takeStart(parent: { children: PhrasingContent[] }, index: number, text: Text, length: number): void {
  text.value = text.value.slice(length);
  if (text.position)
    text.position.start = { ...text.position.start, offset: (text.position.start.offset ?? 0) + length, column: text.position.start.column + length };
  if (!text.value) parent.children.splice(index, 1);
}

/** An IAL at the start of a list item's first paragraph. */
function listItemIal(item: ListItem, source: string): void {
  const paragraph = item.children[0];
  const text = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
  if (paragraph?.type !== 'paragraph' || text?.type !== 'text') return;
  const match = LIST_ITEM_IAL.exec(text.value);
  if (!match || !writtenAt(source, text, match[0].trimEnd())) return;
  setAttributes(item, parseAttributeList(match[1]!));
  takeStart(paragraph, 0, text, match[0].length);
}

/** The plugin (no options). */
export default function remarkKramdownSpanIal() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (!source.includes('{:')) return;
    visit(tree, (node, index, parent) => {
      if (node.type === 'listItem') listItemIal(node, source);
      if (node.type !== 'text' || !parent || index === undefined || index === 0 || !node.value.startsWith('{:')) return;
      const previous = parent.children[index - 1] as PhrasingContent;
      const match = SPAN_IAL.exec(node.value);
      if (!SPANS.has(previous.type) || !match || !writtenAt(source, node, match[0])) return;
      setAttributes(previous, parseAttributeList(match[1]!));
      takeStart(parent as { children: PhrasingContent[] }, index, node, match[0].length);
      return index;
    });
  };
}
