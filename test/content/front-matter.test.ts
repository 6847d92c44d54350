import { describe, expect, it } from 'vitest';
import { lineOfKey, parseFrontMatter } from '../../src/content/front-matter.js';
import { YamlError } from '../../src/content/yaml.js';

describe('parseFrontMatter', () => {
  it.each<[string, ReturnType<typeof parseFrontMatter>]>([
    ['---\na: 1\n---\nbody\n', { data: { a: 1 }, body: 'body\n', bodyLine: 4, frontMatter: '---\na: 1' }],
    ['---\na: 1\nb: x\n---\n\nbody', { data: { a: 1, b: 'x' }, body: '\nbody', bodyLine: 5, frontMatter: '---\na: 1\nb: x' }],
    ['no front matter\n', { data: {}, body: 'no front matter\n', bodyLine: 1, frontMatter: '' }],
    ['---   \na: 1\n---  \nbody', { data: { a: 1 }, body: 'body', bodyLine: 4, frontMatter: '---   \na: 1' }],
    ['\uFEFF---\r\na: 1\r\n---\r\nb\r\n', { data: { a: 1 }, body: 'b\n', bodyLine: 4, frontMatter: '---\na: 1' }],
  ])('%j', (text, expected) => {
    expect(parseFrontMatter(text)).toEqual(expected);
  });

  it('throws YamlError carrying the file line of the problem', () => {
    const cases: [string, number][] = [
      ['---\na: 1\nb: "x\n---\n', 3],
      ['---\n- a\n---\n', 2],
      ['---\na: 1\n', 1], // no closing line: the opening line
    ];
    for (const [text, line] of cases) {
      let caught: unknown;
      try {
        parseFrontMatter(text);
      } catch (thrown) {
        caught = thrown;
      }
      expect(caught).toBeInstanceOf(YamlError);
      expect((caught as YamlError).line).toBe(line);
    }
  });
});

describe('lineOfKey', () => {
  const front = '---\nlayout: post\ntitle: x\ncategories: [a]\n  nested: 1\ntags: b';
  it.each<[string, number]>([
    ['layout', 2],
    ['title', 3],
    ['categor(y|ies)', 4],
    ['tags?', 6],
    ['nested', 1],
    ['missing', 1],
  ])('%s → line %d', (key, line) => {
    expect(lineOfKey(front, key)).toBe(line);
  });
});
