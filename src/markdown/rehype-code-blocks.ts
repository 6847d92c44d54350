/**
 * rehype plugin, after shiki: gives every code block the markup the theme styles and the copy
 * button script reads. A block (`pre > code`, highlighted or plain) is wrapped in
 * `<div class="code-block" data-lang="c">` (the label is drawn by CSS from `data-lang`, so it is no
 * part of the text); Jekyll's `<figure class="highlight">` from `{% highlight %}` gets the class and
 * attribute itself. In shell sessions (console-prompts.ts) the block gets the class `session`, each
 * line `command` or `output`, and each prompt its own `<span class="prompt">`, which CSS makes
 * unselectable and the copy button leaves out. Plain blocks with `linenos` in the fence's meta, or
 * that are sessions, are split into `<span class="line">`s as shiki's are.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { wantsLineNumbers } from './code-transformers.js';
import { isSession, parseSession } from './console-prompts.js';

/** Class names of an element, whether spelled `className` (hast) or `class` (shiki's output). */
export function classNames(node: Element): string[] {
  const { className, class: plain } = node.properties;
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : []);
  return [...list(className), ...list(plain)];
}

/** Adds class names, keeping the property spelling the element already uses. */
function addClass(node: Element, ...names: string[]): void {
  if (typeof node.properties.class === 'string') node.properties.class = [node.properties.class, ...names].join(' ');
  else node.properties.className = [...classNames(node), ...names];
}

const isElement = (node: unknown, tag: string): node is Element => (node as Element | undefined)?.type === 'element' && (node as Element).tagName === tag;
const codeOf = (pre: Element): Element | undefined => pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
const linesOf = (code: Element): Element[] => code.children.filter((c): c is Element => c.type === 'element' && classNames(c).includes('line'));

/** The block's language as written (`c`, `console`), from `data-lang` or the `language-` class. */
function languageOf(code: Element): string {
  const written = code.properties.dataLang;
  if (typeof written === 'string' && written) return written.toLowerCase();
  const cls = classNames(code).find((c) => c.startsWith('language-'));
  return cls ? cls.slice('language-'.length).toLowerCase() : '';
}

/** A plain block's text as `<span class="line">`s joined by newlines (numbered with `linenos`). */
function splitLines(code: Element, numbered: boolean): void {
  const lines = hastToString(code).replace(/\n$/, '').split('\n');
  code.children = lines.flatMap((line, i): ElementContent[] => {
    const span: Element = { type: 'element', tagName: 'span', properties: { className: ['line'] }, children: line ? [{ type: 'text', value: line }] : [] };
    if (numbered) span.properties.dataLine = i + 1;
    return i === 0 ? [span] : [{ type: 'text', value: '\n' }, span];
  });
}

/** Moves the first `length` characters of a line into a `<span class="prompt">` at its start. */
function splitPrompt(line: Element, length: number): void {
  const moved: ElementContent[] = [];
  let left = length;
  while (left > 0 && line.children.length) {
    const first = line.children[0]!;
    const text = hastToString(first as Element);
    if (text.length <= left) {
      moved.push(line.children.shift()!);
      left -= text.length;
      continue;
    }
    // Split the token: its first characters go into the prompt with the token's style.
    const leaf: Text | undefined =
      first.type === 'text'
        ? first
        : first.type === 'element' && first.children.length === 1 && first.children[0]!.type === 'text'
          ? first.children[0]
          : undefined;
    if (!leaf) break;
    const head: Text = { type: 'text', value: leaf.value.slice(0, left) };
    leaf.value = leaf.value.slice(left);
    moved.push(first.type === 'element' ? { ...first, children: [head] } : head);
    left = 0;
  }
  line.children.unshift({ type: 'element', tagName: 'span', properties: { className: ['prompt'] }, children: moved });
}

/** Marks a session's lines as commands or output and sets its prompts apart. */
function markSession(lines: Element[], texts: string[]): void {
  parseSession(texts).forEach((info, i) => {
    const line = lines[i]!;
    addClass(line, info.kind);
    if (info.prompt) splitPrompt(line, info.prompt.length);
  });
}

/** Decorates one block; `box` is the element that carries the class and label (wrapper or figure). */
function decorate(box: Element, pre: Element, code: Element): void {
  const lang = languageOf(code);
  if (lang) box.properties.dataLang = lang;
  const highlighted = classNames(pre).includes('shiki');
  let lines = linesOf(code);
  const texts = () => lines.map((l) => hastToString(l));
  const numbered = !highlighted && wantsLineNumbers(code.data?.meta ?? undefined);
  const plainText = lines.length ? [] : hastToString(code).replace(/\n$/, '').split('\n');
  const session = isSession(lang, lines.length ? texts() : plainText);
  if (!lines.length && (numbered || session)) {
    splitLines(code, numbered);
    if (numbered) addClass(pre, 'linenos');
    lines = linesOf(code);
  }
  if (session && lines.length) {
    addClass(box, 'session');
    markSession(lines, texts());
  }
}

/** The plugin (no options). */
export default function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'figure' && classNames(node).includes('highlight')) {
        const pre = node.children.find((c): c is Element => isElement(c, 'pre'));
        const code = pre && codeOf(pre);
        if (pre && code) {
          addClass(node, 'code-block');
          decorate(node, pre, code);
        }
        return SKIP;
      }
      if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
      const code = codeOf(node);
      if (!code) return SKIP;
      const box: Element = { type: 'element', tagName: 'div', properties: { className: ['code-block'] }, children: [node] };
      decorate(box, node, code);
      parent.children[index] = box;
      return SKIP;
    });
  };
}
