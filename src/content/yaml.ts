/** YAML for front matter and `_config.yml`, with Jekyll-friendly typing and located errors. */
import { parse, YAMLParseError } from 'yaml';

/** A YAML problem with its 1-based line inside the parsed text. */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
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
      throw new YamlError(first, thrown.linePos?.[0]?.line);
    }
    throw new YamlError(thrown instanceof Error ? thrown.message : String(thrown), undefined);
  }
}
