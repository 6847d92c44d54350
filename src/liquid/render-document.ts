/**
 * Liquid for a document body (a post or page, before Markdown), with a map from each output line to
 * the body line it came from, so Markdown diagnostics and link lines still point into the source.
 * The body is parsed once and its top-level templates rendered one by one against one shared
 * Context (so `assign` and `capture` carry over); text and `{% raw %}` map line for line, a tag's
 * or output's lines all map to the line the tag starts on.
 */
import path from 'node:path';
import { Context, type Emitter, type Liquid, type Template, TokenKind, toPromise, toValue } from 'liquidjs';
import { LocatedError } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';
import { errorToken, liquidMessage } from './errors.js';
import { LITERAL_CODE_REGISTER } from './tag-highlight.js';

/** The rendered body and its line map. */
export interface LiquidOutput {
  text: string;
  /** 1-based line in the Liquid input for each 1-based line of `text` (index 0 unused). */
  lines: number[];
}

/** How to render a document. */
export interface RenderDocumentOptions {
  /** `{% highlight %}` bodies are literal code, not Liquid (inkstone's own posts: code stays code). Default false: Jekyll's behaviour. */
  literalCode?: boolean;
  /** Undefined variables are errors (`_config.yml` liquid.strict_variables); the engine's own setting otherwise. */
  strictVariables?: boolean;
}

/** Whether a text has any Liquid at all (`{{` or `{%`); documents without it skip rendering. */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/** liquidjs's SimpleEmitter (not exported): output appended to one string, values written as Liquid prints them. */
class StringEmitter implements Emitter {
  buffer = '';

  write(html: unknown): void {
    this.buffer += printed(html);
  }
}

/** A value as Liquid prints it: nil empty, arrays joined without separator. */
function printed(value: unknown): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === undefined || plain === null) return '';
  if (Array.isArray(plain)) return plain.map(printed).join('');
  return String(plain);
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

/** Whether a template prints its own source text (text, `{% raw %}`), so its lines map one to one. */
function printsSource(tpl: Template): boolean {
  return tpl.token.kind === TokenKind.HTML || (tpl as { name?: string }).name === 'raw';
}

/** Where a top-level template's output starts in the body: after whitespace control trimmed it for text, after the tag for raw. */
function outputStart(tpl: Template): number {
  const token = tpl.token as { begin: number; end: number; trimLeft?: number };
  if (tpl.token.kind === TokenKind.HTML) return token.begin + (token.trimLeft ?? 0);
  return printsSource(tpl) ? token.end : token.begin;
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
export async function renderDocument(engine: Liquid, body: string, scope: object, file: string, options: RenderDocumentOptions = {}): Promise<LiquidOutput> {
  const root = engine.options.root[0];
  let templates: Template[];
  try {
    templates = engine.parse(body, file);
  } catch (thrown) {
    throw located(thrown, body, file, 1, root);
  }
  const lineOf = lineFinder(body);
  const ctx = new Context(
    scope,
    engine.options,
    { sync: false, ...(options.strictVariables !== undefined ? { strictVariables: options.strictVariables } : {}) },
    { liquid: engine },
  );
  if (options.literalCode) ctx.setRegister(LITERAL_CODE_REGISTER, true);
  const emitter = new StringEmitter();
  /** Where each template's output starts in the emitter's buffer. */
  const starts: number[] = [];
  // One render of the whole body, each template wrapped to note where its output starts.
  const noted = templates.map((tpl) => ({
    token: tpl.token,
    render(context: Context, out: Emitter): unknown {
      starts.push(emitter.buffer.length);
      // The template's own iterator, not a wrapping generator: each generator level costs an await.
      return tpl.render(context, out);
    },
  }));
  try {
    await toPromise(engine.renderer.renderTemplates(noted, ctx, emitter));
  } catch (thrown) {
    const failed = templates[starts.length - 1];
    throw located(thrown, body, file, failed ? lineOf(failed.token.begin) : 1, root);
  }
  const text = emitter.buffer;
  const lines = [0];
  let atLineStart = true;
  let line = 1;
  templates.forEach((tpl, i) => {
    const out = text.slice(starts[i], starts[i + 1] ?? text.length);
    if (!out) return;
    const verbatim = printsSource(tpl);
    line = lineOf(outputStart(tpl));
    for (let from = 0; from < out.length; ) {
      if (atLineStart) lines.push(line);
      const newline = out.indexOf('\n', from);
      if (newline < 0) {
        atLineStart = false;
        break;
      }
      atLineStart = true;
      if (verbatim) line++;
      from = newline + 1;
    }
  });
  if (atLineStart) lines.push(line);
  return { text, lines };
}
