/**
 * remark plugin: kramdown's block inline attribute lists. A line `{: #id .class key="value"}` (also
 * `{:#id}`, several classes, `{:toc}`) right after a block — paragraph, heading, list, blockquote,
 * code block, table, rule — sets that block's attributes; one after a blank line sets the next
 * block's. As in kramdown, the line ends a paragraph, a list or a blockquote it follows (it is a
 * micromark construct that interrupts them), a fenced code block keeps it as code, an IAL with no
 * block to go to is dropped, and a line that is not an IAL stays text. Rules (kramdown's
 * `parse_block_extensions` and `update_tree`):
 * - directly after a block (no blank line between), an IAL goes to that block, and so does every
 *   IAL on the lines right after it;
 * - otherwise it waits for the next block of the same container, blank lines or not — except that
 *   at the very start of a container a blank line after it drops it (kramdown's quirk, kept).
 * Attributes go on through `data.hProperties`; a code block is wrapped in a marked `div` that
 * rehype-kramdown-code-attributes.ts dissolves after highlighting; `{:toc}` on a list marks it
 * (`data-kramdown-toc`) for rehype-kramdown-toc.ts.
 */
import type { Code as CodeNode, Data, Literal, Nodes, Parent, Root, RootContent } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { type AttributeList, parseAttributeList, setAttributes } from './remark-kramdown-attribute-list.js';
import { BACKSLASH, BRACE, CLOSE_BRACE, COLON, isLineEnding, isSpace, isWordChar, SLASH } from './remark-kramdown-micromark.js';

/** An IAL line, until the plugin has given it to its block. */
export interface KramdownIal extends Literal {
  type: 'kramdownIal';
}

/** A code block with attributes, until rehype-kramdown-code-attributes.ts moves them onto its `pre`. */
export interface KramdownCode extends Parent {
  type: 'kramdownCode';
  children: CodeNode[];
  data: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    kramdownIal: KramdownIal;
    kramdownCode: KramdownCode;
  }
  interface BlockContentMap {
    kramdownIal: KramdownIal;
    kramdownCode: KramdownCode;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownIal: 'kramdownIal';
  }
}

/** The hast property that marks a list for the TOC, and the one that marks a code block's wrapper. */
export const TOC_PROPERTY = 'dataKramdownToc';
export const CODE_PROPERTY = 'dataKramdownCode';

const isAldNameChar = (code: Code) => isWordChar(code) || code === 45;

/** kramdown's IAL_BLOCK: `{:` (not `{::` or `{:/`), anything but an unescaped `}`, `}`, then only spaces. */
const ialConstruct: Construct = { name: 'kramdownIal', tokenize: tokenizeIal };

function tokenizeIal(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  // `{:name: …}` is an attribute list definition (ALD), which is not supported: it stays text.
  let aldName: 'none' | 'word' | 'rest' = 'none';
  return start;

  function start(code: Code): State | undefined {
    if (code !== BRACE) return nok(code);
    effects.enter('kramdownIal');
    effects.consume(code);
    return colon;
  }
  function colon(code: Code): State | undefined {
    if (code !== COLON) return nok(code);
    effects.consume(code);
    return first;
  }
  function first(code: Code): State | undefined {
    if (code === COLON || code === SLASH) return nok(code);
    if (isWordChar(code)) aldName = 'word';
    return inside(code);
  }
  function inside(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return nok(code);
    if (code === CLOSE_BRACE) {
      if (size === 0) return nok(code);
      effects.consume(code);
      return after;
    }
    if (aldName === 'word' && !isAldNameChar(code)) {
      if (code === COLON) return nok(code);
      aldName = 'rest';
    }
    size++;
    effects.consume(code);
    return code === BACKSLASH ? escaped : inside;
  }
  function escaped(code: Code): State | undefined {
    if (code !== CLOSE_BRACE) return inside(code);
    size++;
    effects.consume(code);
    return inside;
  }
  function after(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      return after;
    }
    if (code !== null && !isLineEnding(code)) return nok(code);
    effects.exit('kramdownIal');
    return ok(code);
  }
}

const fromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownIal(token) {
      this.enter({ type: 'kramdownIal', value: '' }, token);
    },
  },
  exit: {
    kramdownIal(token) {
      const node = this.stack[this.stack.length - 1] as KramdownIal;
      node.value = this.sliceSerialize(token).trim();
      this.exit(token);
    },
  },
};

/** The attribute list of an IAL node (`{: …}` without its braces). */
const attributesOf = (ial: KramdownIal): AttributeList => parseAttributeList(ial.value.slice(2, -1));

const startLine = (node: Nodes) => node.position?.start.line ?? 0;
const endLine = (node: Nodes) => node.position?.end.line ?? 0;

/** Blocks of one container and the attribute lists each receives, by kramdown's rules (see the top). */
function targets(parent: Parent): Map<RootContent, AttributeList[]> {
  const given = new Map<RootContent, AttributeList[]>();
  const give = (node: RootContent, lists: AttributeList[]) => given.set(node, [...(given.get(node) ?? []), ...lists]);
  let last: RootContent | 'start' | 'blank' | 'done' = 'start';
  let waiting: AttributeList[] = [];
  let previousEnd = parent.type === 'root' ? 1 : startLine(parent as Nodes);
  for (const [index, child] of (parent.children as RootContent[]).entries()) {
    if (startLine(child) > previousEnd + (index === 0 ? 0 : 1)) {
      // A blank line: kramdown's first blank element takes a waiting IAL with it; later ones add to it.
      if (last !== 'blank') waiting = [];
      last = 'blank';
    }
    previousEnd = endLine(child);
    if (child.type !== 'kramdownIal') {
      if (waiting.length) give(child, waiting);
      waiting = [];
      last = child;
      continue;
    }
    if (typeof last === 'object') give(last, [attributesOf(child)]);
    else waiting.push(attributesOf(child));
    // After an IAL that went to a block, only the IAL lines right after it go there too.
    if (typeof last === 'object') {
      const next = (parent.children as RootContent[])[index + 1];
      if (!(next?.type === 'kramdownIal' && startLine(next) === endLine(child) + 1)) last = 'done';
    }
  }
  return given;
}

/** Sets the lists on a block: its attributes, the TOC mark on a list, a wrapper around a code block. */
function apply(parent: Parent, node: RootContent, lists: AttributeList[]): void {
  for (const list of lists) {
    if (node.type === 'code') {
      const wrapper: KramdownCode = { type: 'kramdownCode', children: [node], data: { hName: 'div', hProperties: { [CODE_PROPERTY]: '' } } };
      parent.children.splice(parent.children.indexOf(node), 1, wrapper);
      apply(parent, wrapper, lists);
      return;
    }
    setAttributes(node, list);
    if (node.type === 'list' && list.refs.includes('toc')) ((node.data ??= {}).hProperties ??= {})[TOC_PROPERTY] = '';
  }
}

/** Gives every IAL of the tree to its block and removes the IAL nodes. */
function attach(tree: Root): void {
  const parents = new Set<Parent>();
  const visit = (node: Nodes) => {
    if (!('children' in node)) return;
    if (node.children.some((child) => child.type === 'kramdownIal')) parents.add(node);
    for (const child of node.children) visit(child);
  };
  visit(tree);
  for (const parent of parents) {
    for (const [node, lists] of targets(parent)) apply(parent, node, lists);
    parent.children = parent.children.filter((child) => child.type !== 'kramdownIal');
  }
}

/** The plugin (no options). */
export default function remarkKramdownIal(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ flow: { [BRACE]: ialConstruct } });
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
  return (tree: Root, file: VFile) => {
    if (String(file.value).includes('{:')) attach(tree);
  };
}
