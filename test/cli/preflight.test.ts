/** The command line's checks on the disk: `--src` must be a folder, `--out` must not replace the site. */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { preflight } from '../../src/cli/preflight.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { removeDir } from '../dev/helpers.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'inkstone-preflight-'));
  await mkdir(path.join(cwd, 'blog/posts'), { recursive: true });
  await mkdir(path.join(cwd, 'sites/notes'), { recursive: true });
  await writeFile(path.join(cwd, 'notes.md'), 'x');
  await writeFile(path.join(cwd, 'blog/public'), 'a file where the output would go');
});

afterAll(() => removeDir(cwd));

async function check(argv: string[]): Promise<string> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) throw new Error(formatDiagnostic(parsed.problem));
  const problem = await preflight(parsed.command, cwd);
  return problem ? formatDiagnostic(problem) : 'ok';
}

describe('preflight', () => {
  it.each([
    // issue 12: `--src no-such-site` exited 0 and created `no-such-site/public`
    [['build', '--src', 'no-such-site'], 'inkstone: --src "no-such-site": no such folder'],
    [['dev', '--src', 'blgo'], 'inkstone: --src "blgo": no such folder (did you mean "blog"?)'],
    [['build', '--src', 'sites/ntoes'], 'inkstone: --src "sites/ntoes": no such folder (did you mean "sites/notes"?)'],
    [['build', '--src', 'notes.md'], 'inkstone: --src "notes.md" is a file, not a folder'],
    [['build', '--src', 'notes.md/x'], 'inkstone: --src "notes.md/x": no such folder'],
    [['build', '--src', 'blog', '--out', '.'], 'inkstone: --out "." would replace the site folder; choose a folder of its own, e.g. public'],
    [['build', '--src', 'blog', '--out', '..'], 'inkstone: --out ".." would replace the site folder; choose a folder of its own, e.g. public'],
    [['build', '--src', 'blog', '--out', 'posts'], 'inkstone: --out "posts" would replace the posts/ folder; choose a folder of its own, e.g. public'],
    [
      ['build', '--src', 'blog', '--out', 'layouts/out'],
      'inkstone: --out "layouts/out" would replace the layouts/ folder; choose a folder of its own, e.g. public',
    ],
    [['build', '--src', 'blog', '--out', 'public'], 'inkstone: --out "public" is a file, not a folder'],
    [['build', '--src', 'blog'], 'ok'],
    [['build', '--src', 'blog', '--out', 'dist'], 'ok'],
    [['build'], 'ok'],
    [['help'], 'ok'],
  ])('%j → %s', async (argv, line) => {
    expect(await check(argv)).toBe(line);
  });

  it('creates nothing', async () => {
    const before = await readdir(cwd, { recursive: true });
    await check(['build', '--src', 'no-such-site', '--out', 'x']);
    await check(['build', '--src', 'blog', '--out', 'new/out']);
    expect(await readdir(cwd, { recursive: true })).toEqual(before);
  });
});
