import { describe, expect, it } from 'vitest';
import { parseYaml, YamlError } from '../../src/content/yaml.js';

/** The YamlError thrown by parseYaml(text). */
function yamlError(text: string): YamlError {
  try {
    parseYaml(text);
  } catch (thrown) {
    if (thrown instanceof YamlError) return thrown;
    throw new Error(`expected a YamlError, got ${String(thrown)}`);
  }
  throw new Error('expected parseYaml to throw');
}

describe('parseYaml typing', () => {
  it.each<[string, unknown]>([
    // Dates and timestamps stay strings, keeping the offset as written.
    ['2020-01-01', '2020-01-01'],
    ['2020-01-01 16:00:00 +0800', '2020-01-01 16:00:00 +0800'],
    ['2020-01-01T16:00:00Z', '2020-01-01T16:00:00Z'],
    ['2020-01-01T16:00:00.5+08:00', '2020-01-01T16:00:00.5+08:00'],
    // Numbers.
    ['12', 12],
    ['-3', -3],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['0x1f', 31],
    ['0o17', 15],
    ['.inf', Infinity],
    // Core schema: YAML 1.1 forms are plain strings.
    ['1_000', '1_000'],
    ['yes', 'yes'],
    ['no', 'no'],
    ['on', 'on'],
    // Booleans and null.
    ['true', true],
    ['false', false],
    ['True', true],
    ['null', null],
    ['~', null],
    ['', null],
    // Quoted stays string.
    ['"12"', '12'],
    ["'true'", 'true'],
    ['"2020-01-01"', '2020-01-01'],
    // Text.
    ['内核笔记', '内核笔记'],
    ['basic', 'basic'],
  ])('%j → %j', (text, expected) => {
    expect(parseYaml(`v: ${text}`)).toEqual({ v: expected });
  });

  it('parses mappings, lists and nesting', () => {
    expect(parseYaml('title: "Shell 管道"\ncategories: [shell, linux]\ntags:\n  - bash\n  - 笔记\nfeed:\n  posts_limit: 5\n')).toEqual({
      title: 'Shell 管道',
      categories: ['shell', 'linux'],
      tags: ['bash', '笔记'],
      feed: { posts_limit: 5 },
    });
  });

  it('returns null for empty or comment-only text, scalars for scalars', () => {
    expect(parseYaml('')).toBeNull();
    expect(parseYaml('# only a comment\n')).toBeNull();
    expect(parseYaml('just text')).toBe('just text');
    expect(parseYaml('- a\n- b')).toEqual(['a', 'b']);
  });

  it('lets a repeated key win (last one), as Jekyll does', () => {
    expect(parseYaml('a: 1\na: 2')).toEqual({ a: 2 });
  });

  it('supports anchors and aliases', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x')).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe('parseYaml errors', () => {
  it.each<[string, number, RegExp]>([
    ['a: "x', 1, /Missing closing "quote/],
    ["a: 'x", 1, /Missing closing 'quote/],
    // The unclosed quote swallows later lines; the error still points at the quote's line.
    ['a: 1\nb: 2\nc: "x\nd: 4', 3, /Missing closing "quote/],
    ['a: 1\nb: 2\nc: "x\nd: 4\ne: 5\n', 3, /Missing closing "quote/],
    ["a: 1\nb: 'it''s\nc: 3", 2, /Missing closing 'quote/],
    ['a: 1\nb: [1\nc: 2', 3, /Flow sequence/],
    ['a: 1\nb: 2\nc: d: e', 3, /Nested mappings are not allowed/],
    ['a: 1\nb: 2\n\tc: 3', 3, /Tabs are not allowed/],
  ])('%j → line %d', (text, line, message) => {
    const e = yamlError(text);
    expect(e).toBeInstanceOf(Error);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('keeps only the first line of the message', () => {
    const e = yamlError('a: 1\nb: [1\nc: 2');
    expect(e.message).toBe('Flow sequence in block collection must be sufficiently indented and end with a ]');
  });

  it('reports an unresolved alias without a line', () => {
    const e = yamlError('a: *nothing');
    expect(e.message).toMatch(/nothing/);
    expect(e.line).toBeUndefined();
  });
});
