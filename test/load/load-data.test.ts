import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData, parseDataFile } from '../../src/load/load-data.js';

async function dataFolder(files: Record<string, string>) {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-data-'));
  const found = [];
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, '_data', rel);
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
    found.push({ relPath: rel, absPath: abs, sitePath: `_data/${rel}` });
  }
  return found;
}

describe('parseDataFile', () => {
  it.each([
    ['links.yml', '- name: 内核\n  url: https://kernel.org\n', [{ name: '内核', url: 'https://kernel.org' }]],
    ['a.yaml', 'x: 1\n', { x: 1 }],
    ['people.json', '["李雷", "韩梅梅"]', ['李雷', '韩梅梅']],
    ['mirrors.csv', 'name,url\nTUNA,https://mirrors.tuna.tsinghua.edu.cn/\n', [{ name: 'TUNA', url: 'https://mirrors.tuna.tsinghua.edu.cn/' }]],
    ['t.tsv', 'a\tb\n1\t2\n', [{ a: '1', b: '2' }]],
    ['empty.yml', '', null],
  ])('%s', (name, text, value) => {
    expect(parseDataFile(name, text)).toEqual(value);
  });

  it('points at the line of a problem', () => {
    expect(() => parseDataFile('a.yml', 'a: 1\nb: "x\n')).toThrow(expect.objectContaining({ message: expect.stringMatching(/^invalid YAML: /), line: 2 }));
    expect(() => parseDataFile('a.json', '{\n  "a": 1,\n}')).toThrow(expect.objectContaining({ message: expect.stringMatching(/^invalid JSON/), line: 3 }));
  });
});

describe('loadData', () => {
  it('nests folders and reports what it cannot read, by file and line', async () => {
    const files = await dataFolder({
      'links.yml': '- a\n',
      'kernel/versions.yml': '- version: "5.4"\n',
      'broken.yml': 'a: [1\n',
      'notes.txt': 'not data',
    });
    const { data, diagnostics } = await loadData(files);
    expect(data).toEqual({ links: ['a'], kernel: { versions: [{ version: '5.4' }] } });
    expect(diagnostics.map((d) => [d.severity, d.file, d.line !== undefined])).toEqual([
      ['error', '_data/broken.yml', true],
      ['warning', '_data/notes.txt', false],
    ]);
  });
});
