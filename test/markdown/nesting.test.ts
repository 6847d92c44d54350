import { describe, expect, it } from 'vitest';
import { RENDER_DEFAULTS } from '../../src/config/defaults.js';
import { estimateNesting } from '../../src/markdown/nesting.js';

const MAX_NESTING = RENDER_DEFAULTS.maxNesting;

const list = (depth: number, indent = '  ') => Array.from({ length: depth }, (_, i) => `${indent.repeat(i)}- x`).join('\n');

describe('estimateNesting', () => {
  it.each([
    ['plain text', 'hello\n\nworld', 0],
    ['a flat list', '- a\n- b', 1],
    ['a list nested three deep (spaces)', list(3), 3],
    ['tab-nested lists as in the sample', '* a\n\t* b\n\t* c', 3],
    // An upper estimate: the space after each marker counts as indentation too.
    ['quotes', '> > > deep', 4],
    ['a quoted list', '> - a\n>   - b', 4],
    ['indented code is not nesting', `${' '.repeat(200)}ascii art`, 0],
    ['fenced code is not nesting', `\`\`\`\n${list(200)}\n\`\`\``, 0],
    ['a 1000-deep list', list(1000), 1000],
  ])('%s', (_name, markdown, expected) => {
    expect(estimateNesting(markdown)).toBe(expected);
  });

  it('lets real notes through and stops pathological ones', () => {
    expect(estimateNesting(list(10))).toBeLessThanOrEqual(MAX_NESTING);
    expect(estimateNesting('>'.repeat(3000) + ' x')).toBeGreaterThan(MAX_NESTING);
  });
});
