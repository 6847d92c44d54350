/**
 * Liquid for a document body (a post or page, before Markdown), with a map from each output line to
 * the body line it came from, so Markdown diagnostics and link lines still point into the source.
 * The body is parsed once and its top-level templates rendered one by one against one shared
 * Context (so `assign` and `capture` carry over); text maps line for line, a tag's or output's
 * lines all map to the line the tag starts on.
 */
import path from 'node:path';
import { Context, type Liquid, type Template, TokenKind } from 'liquidjs';
import { LocatedError } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { errorToken, liquidMessage } from './errors.js';

/** The rendered body and its line map. */
export interface LiquidOutput {
  text: string;
  /** 1-based line in the Liquid input for each 1-based line of `text` (index 0 unused). */
  lines: number[];
}

/** Whether a text has any Liquid at all (`{{` or `{%`); documents without it skip rendering. */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/** The 1-based line of each offset, by binary search over line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Where a top-level template's output starts in the body: after whitespace control trimmed it, for text. */
function outputStart(tpl: Template): number {
  const token = tpl.token as { begin: number; trimLeft?: number };
  return tpl.token.kind === TokenKind.HTML ? token.begin + (token.trimLeft ?? 0) : token.begin;
}

/** A Liquid error as a LocatedError at a body line; an error inside an included file is placed at the including tag and names that file. */
function located(thrown: unknown, body: string, file: string, fallbackLine: number, root: string | undefined): LocatedError {
  const token = errorToken(thrown);
  const message = liquidMessage(thrown);
  if (token && token.input === body) return new LocatedError(message, file, token.getPosition()[0]);
  if (token?.file && token.file !== file) {
    const rel = root ? toSlashes(path.relative(root, token.file)) : token.file;
    const shown = rel && !rel.startsWith('..') ? rel : token.file;
    return new LocatedError(`${message} (in ${shown}:${token.getPosition()[0]})`, file, fallbackLine);
  }
  return new LocatedError(message, file, fallbackLine);
}

/**
 * Renders `body` with `scope` and maps output lines to body lines. `file` names the document in
 * errors, which are LocatedErrors with the line in the body (add the front matter's offset).
 */
export async function renderDocument(engine: Liquid, body: string, scope: object, file: string): Promise<LiquidOutput> {
  const root = engine.options.root[0];
  let templates: Template[];
  try {
    templates = engine.parse(body, file);
  } catch (thrown) {
    throw located(thrown, body, file, 1, root);
  }
  const lineOf = lineFinder(body);
  const ctx = new Context(scope, engine.options, { sync: false }, { liquid: engine });
  const lines = [0];
  let text = '';
  let atLineStart = true;
  let line = 1;
  for (const tpl of templates) {
    const start = lineOf(outputStart(tpl));
    const isText = tpl.token.kind === TokenKind.HTML;
    let out: string;
    try {
      out = isText ? (tpl as unknown as { str: string }).str : String((await engine.render([tpl], ctx)) ?? '');
    } catch (thrown) {
      throw located(thrown, body, file, lineOf(tpl.token.begin), root);
    }
    if (!out) continue;
    line = start;
    for (let from = 0; from < out.length; ) {
      if (atLineStart) lines.push(line);
      const newline = out.indexOf('\n', from);
      if (newline < 0) {
        atLineStart = false;
        break;
      }
      atLineStart = true;
      if (isText) line++;
      from = newline + 1;
    }
    text += out;
  }
  if (atLineStart) lines.push(line);
  return { text, lines };
}
