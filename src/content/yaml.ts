/** YAML for front matter and `_config.yml`, with Jekyll-friendly typing and located errors. */
import { isMap, isScalar, isSeq, LineCounter, type Node, Parser, parse, parseDocument, YAMLParseError } from 'yaml';
import { LocatedError, messageOf } from '../diagnostics.js';

/** A YAML problem with its 1-based line inside the parsed text. */
export class YamlError extends LocatedError {
  constructor(message: string, line: number | undefined) {
    super(message, '', line);
  }
}

/**
 * Parses YAML with the core schema: timestamps stay strings (so a date keeps the offset it was
 * written with; YAML 1.1's timestamp type would turn it into a UTC Date), everything else as usual.
 */
export function parseYaml(text: string): unknown {
  try {
    return parse(text, { schema: 'core', prettyErrors: false, uniqueKeys: false, maxAliasCount: 100 });
  } catch (thrown) {
    if (thrown instanceof YAMLParseError) {
      const first = thrown.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // With prettyErrors off there is no linePos: count lines up to the error offset. An unclosed
      // quote is reported where the text ends, so point at the opening quote instead.
      const end = thrown.pos[0];
      const at = thrown.code === 'MISSING_CHAR' ? (quotedScalarStart(text, end) ?? end) : end;
      throw new YamlError(first, thrown.linePos?.[0]?.line ?? text.slice(0, at).split('\n').length);
    }
    throw new YamlError(messageOf(thrown), undefined);
  }
}

/** Offset of the opening quote of the quoted scalar that ends at `end`, if there is one. */
function quotedScalarStart(text: string, end: number): number | undefined {
  let found: number | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const token = node as { type?: unknown; offset?: unknown; source?: unknown };
    if (
      (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') &&
      typeof token.offset === 'number' &&
      typeof token.source === 'string' &&
      token.offset + token.source.length === end
    ) {
      found = token.offset;
      return;
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** A path into parsed YAML: mapping keys and list indexes (`['defaults', 0, 'values', 'layout']`). */
export type YamlPath = readonly (string | number)[];

/**
 * Where each key of a YAML text is: a function from a path to the 1-based line of its deepest part
 * that exists (the key of a mapping entry, the start of a list item); undefined when not even the
 * first part exists. Parses again, with node ranges, so call it only when a line is needed.
 */
export function yamlLines(text: string): (path: YamlPath) => number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: false, lineCounter: counter });
  return (path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const part of path) {
      if (isMap(node)) {
        // With repeated keys the last one wins, as in the parsed value.
        const pair = node.items.findLast((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(part));
        if (!pair) break;
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
        node = node.items[part];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
}
