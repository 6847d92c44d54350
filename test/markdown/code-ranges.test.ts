import { describe, expect, it } from 'vitest';
import { codeRanges, setAside } from '../../src/markdown/code-ranges.js';

describe('codeRanges / setAside', () => {
  const doc = 'Prose {{ a }} and `{{ span }}`.\n\n```yaml\nimage: "{{ .Values.image }}"\n```\n\n    indented {% x %}\n\nend {{ b }}\n';

  it('finds code blocks and code spans', async () => {
    expect((await codeRanges(doc)).map((r) => doc.slice(r.start, r.end))).toEqual([
      '`{{ span }}`',
      '```yaml\nimage: "{{ .Values.image }}"\n```',
      '    indented {% x %}',
    ]);
  });

  it('sets code aside keeping every line where it was, and puts it back', async () => {
    const { text, restore } = setAside(doc, await codeRanges(doc));
    expect(text.split('\n')).toHaveLength(doc.split('\n').length);
    expect(text).not.toContain('.Values');
    expect(text).toContain('{{ a }}');
    expect(restore(text)).toBe(doc);
    expect(restore(text.replace('{{ a }}', 'A').replace('{{ b }}', 'B'))).toBe(doc.replace('{{ a }}', 'A').replace('{{ b }}', 'B'));
  });

  it('restores every copy of a placeholder and tolerates lost newlines', () => {
    const { text, restore } = setAside('`x`', [{ start: 0, end: 3 }]);
    expect(restore(text + text)).toBe('`x``x`');
  });
});
