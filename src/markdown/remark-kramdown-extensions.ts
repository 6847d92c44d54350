/**
 * remark plugin: kramdown's extensions `{::comment}…{:/comment}`, `{::nomarkdown}…{:/nomarkdown}` and
 * `{::options … /}`, as a micromark syntax extension, so their bodies are never read as Markdown.
 * As a block (the tags alone on their lines, the body any lines, blank ones too) or inside a
 * paragraph. Comments and options leave nothing in the output (kramdown writes a comment as
 * `<!-- -->`); nomarkdown's body is raw HTML, as kramdown writes it (unless its `type` names only
 * other converters); options are kept for the TOC (`file.data.kramdownOptions`, e.g. `toc_levels`).
 * Another name (`{::foo}`), or a start tag without its stop tag, is left as text, as kramdown does.
 */
import type { Html, Root } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { parseAttributeList } from './remark-kramdown-attribute-list.js';
import { BRACE, isLineEnding, lineEnd, nonLazyLine, SPACE, startTag, stopTag } from './remark-kramdown-micromark.js';

const NAMES = new Set(['comment', 'nomarkdown', 'options']);

/** kramdown's EXT_START_STR: `{::name}`, `{::name attrs}`, `{::name attrs /}`. */
const START_TAG = /^\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/;

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownExtension: 'kramdownExtension';
    kramdownExtensionFence: 'kramdownExtensionFence';
    kramdownExtensionValue: 'kramdownExtensionValue';
    kramdownExtensionText: 'kramdownExtensionText';
    kramdownExtensionTextTag: 'kramdownExtensionTextTag';
    kramdownExtensionTextData: 'kramdownExtensionTextData';
  }
}

declare module 'mdast' {
  interface RootData {
    /** kramdown options set in the document with `{::options key="value" /}`. */
    kramdownOptions?: Record<string, string>;
  }
}

/** A block extension: the start tag alone on its line, body lines, the stop tag alone on its line. */
const flowConstruct: Construct = { name: 'kramdownExtension', concrete: true, tokenize: tokenizeFlow };

function tokenizeFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let name = '';
  const stopLine: Construct = { partial: true, tokenize: tokenizeStopLine };

  // kramdown's block extensions do not interrupt a paragraph.
  if (this.interrupt) return nok;
  effects.enter('kramdownExtension');
  effects.enter('kramdownExtensionFence');
  return startTag(effects, NAMES, afterStart, nok);

  // The tag lines are tokens of their own: micromark cannot split off a last line that holds a single event.
  function afterStart(tagName: string, selfClosing: boolean): State {
    name = tagName;
    return lineEnd(
      effects,
      (code) => {
        effects.exit('kramdownExtensionFence');
        return selfClosing ? after(code) : atBreak(code);
      },
      nok,
    );
  }
  function atBreak(code: Code): State | undefined {
    return effects.check(nonLazyLine, (c) => effects.attempt(stopLine, after, bodyLineStart)(c), nok)(code);
  }
  function bodyLineStart(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return body;
  }
  function body(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (isLineEnding(code)) return atBreak(code);
    effects.enter('kramdownExtensionValue');
    return value(code);
  }
  function value(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) {
      effects.exit('kramdownExtensionValue');
      return body(code);
    }
    effects.consume(code);
    return value;
  }
  function after(code: Code): State | undefined {
    effects.exit('kramdownExtension');
    return ok(code);
  }

  function tokenizeStopLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let indent = 0;
    const prefix: State = (code) => {
      if (code === SPACE && indent < 3) {
        indent++;
        effects.consume(code);
        return prefix;
      }
      return stopTag(
        effects,
        name,
        lineEnd(
          effects,
          (next) => {
            effects.exit('kramdownExtensionFence');
            return ok(next);
          },
          nok,
        ),
        nok,
      )(code);
    };
    return (code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      effects.enter('kramdownExtensionFence');
      return prefix;
    };
  }
}

/** A span extension inside a paragraph: `{::name attrs /}`, or the start tag, any text, the stop tag. */
const textConstruct: Construct = { name: 'kramdownExtensionText', tokenize: tokenizeText };

function tokenizeText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let name = '';
  let inData = false;
  // The stop tag is a token of its own: micromark cannot split off a last line that holds a single event.
  const stop: Construct = {
    partial: true,
    tokenize: (e, good, bad) => {
      e.enter('kramdownExtensionTextTag');
      return stopTag(
        e,
        name,
        (code) => {
          e.exit('kramdownExtensionTextTag');
          return good(code);
        },
        bad,
      );
    },
  };
  effects.enter('kramdownExtensionText');
  effects.enter('kramdownExtensionTextTag');
  return startTag(
    effects,
    NAMES,
    (tagName, selfClosing) => {
      name = tagName;
      effects.exit('kramdownExtensionTextTag');
      return selfClosing ? done : body;
    },
    nok,
  );

  function body(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (inData && (code === BRACE || isLineEnding(code))) {
      effects.exit('kramdownExtensionTextData');
      inData = false;
    }
    if (code === BRACE) return effects.attempt(stop, done, data)(code);
    if (isLineEnding(code)) {
      // Line endings in text are tokens of their own (as in code spans): micromark splits the lines at them.
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return body;
    }
    return data(code);
  }
  function data(code: Code): State | undefined {
    if (!inData) effects.enter('kramdownExtensionTextData');
    inData = true;
    effects.consume(code);
    return body;
  }
  function done(code: Code): State | undefined {
    effects.exit('kramdownExtensionText');
    return ok(code);
  }
}

/** What an extension's source leaves in mdast. */
function onExit(this: CompileContext, token: Token, block: boolean): void {
  const source = this.sliceSerialize(token);
  const tag = START_TAG.exec(source);
  if (!tag) return;
  const [, name, attributeText = '', selfClosing] = tag;
  const attributes = Object.fromEntries(parseAttributeList(attributeText).set);
  if (name === 'options') {
    const root = this.stack[0] as Root;
    root.data = { ...root.data, kramdownOptions: { ...root.data?.kramdownOptions, ...attributes } };
    return;
  }
  if (name !== 'nomarkdown' || selfClosing) return;
  const types = (attributes.type ?? '').split(/\s+/).filter(Boolean);
  if (types.length && !types.includes('html')) return;
  const value = block
    ? source
        .split(/\r\n|\r|\n/)
        .slice(1, -1)
        .join('\n')
    : source.slice(tag[0].length, source.lastIndexOf('{:/'));
  const point = ({ line, column, offset }: Token['start']) => ({ line, column, offset });
  const parent = this.stack[this.stack.length - 1] as { children: Html[] };
  parent.children.push({ type: 'html', value, position: { start: point(token.start), end: point(token.end) } });
}

const fromMarkdown: FromMarkdownExtension = {
  enter: {
    kramdownExtensionText() {
      // Collects the line endings inside, which would otherwise become text of the paragraph.
      this.buffer();
    },
  },
  exit: {
    kramdownExtension(token) {
      onExit.call(this, token, true);
    },
    kramdownExtensionText(token) {
      this.resume();
      onExit.call(this, token, false);
    },
  },
};

/** The plugin (no options). */
export default function remarkKramdownExtensions(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ flow: { [BRACE]: flowConstruct }, text: { [BRACE]: textConstruct } });
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
  return (tree: Root, file: VFile) => {
    if (tree.data?.kramdownOptions) file.data.kramdownOptions = tree.data.kramdownOptions;
  };
}
