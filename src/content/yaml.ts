/** YAML for front matter and `_config.yml`, with Jekyll-friendly typing and located errors. */
import { Parser, parse, YAMLParseError } from 'yaml';
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
