/** Front matter: the YAML block between `---` lines at the top of a document, and where its keys are. */
import matter from 'gray-matter';
import { parseYaml, YamlError } from './yaml.js';

/** The 1-based file line of `key:` in the front matter, or the opening line. */
export function lineOfKey(frontMatter: string, key: string): number {
  const lines = frontMatter.split('\n');
  const index = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return index < 0 ? 1 : index + 1;
}

/** A document split into its front matter and body. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  frontMatter: string;
}

/** Splits and parses front matter; a thrown YamlError carries the file line of the problem. */
export function parseFrontMatter(text: string): FrontMatter {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(normalized) && normalized.trim() !== '---') {
    return { data: {}, body: normalized, bodyLine: 1, frontMatter: '' };
  }
  if (!/\n---[ \t]*(\n|$)/.test(normalized.slice(3))) {
    throw new YamlError('front matter has no closing "---" line', 1);
  }
  const parsed = matter(normalized, {
    engines: {
      yaml: (source: string) => {
        // `source` starts with the rest of the opening "---" line, so its line N is file line N.
        const value = parseYaml(source);
        if (value === null || value === undefined) return {};
        if (typeof value !== 'object' || Array.isArray(value)) throw new YamlError('front matter must be a mapping (key: value)', 2);
        return value as object;
      },
    },
  });
  let body = parsed.content;
  // gray-matter leaves the rest of the closing line ("---  ") at the start of the body: drop it.
  if (normalized.slice(0, normalized.length - body.length).endsWith('---')) body = body.replace(/^[ \t]*(?:\n|$)/, '');
  const bodyLine = normalized.slice(0, normalized.length - body.length).split('\n').length;
  return { data: parsed.data as Record<string, unknown>, body, bodyLine, frontMatter: '---' + parsed.matter };
}
