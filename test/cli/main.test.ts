/**
 * The real binary (`node --import tsx src/cli/main.ts …`): each bad command line of issue 12 exits 2
 * with one line naming the problem and one pointing to --help, before any work (no folder created,
 * no stack, no help text); --version and --help exit 0; a good build says where the site went.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDir } from '../dev/helpers.js';
import { makeSite, post, REPO, writeFiles } from '../helpers/site.js';

const CLI = path.join(REPO, 'src/cli/main.ts');
const HINT = 'run "inkstone --help" for the options';
const VERSION = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version as string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function inkstone(args: string[], cwd = REPO): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd,
      env: { ...process.env, npm_lifecycle_event: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (thrown) {
    const e = thrown as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const missing = `no-such-site-${process.pid}`;
const sites: string[] = [];

afterAll(async () => {
  for (const site of sites) await removeDir(site);
});

describe('inkstone (the command): bad usage', () => {
  it.concurrent.each([
    [['biuld'], 'inkstone: unknown command "biuld" (did you mean "build"?)'],
    [['build', '--prot', '4000'], 'inkstone: unknown option "--prot" (did you mean "--port"?)'],
    [['dev', '--prot', '4000'], 'inkstone: unknown option "--prot" (did you mean "--port"?)'],
    [['build', '--workers'], 'inkstone: --workers needs a value: a whole number, 0 or more'],
    [['build', '--workers', '--strict'], 'inkstone: --workers needs a value: a whole number, 0 or more'],
    [['build', '--workers', '-1'], 'inkstone: --workers must be a whole number, 0 or more (got "-1")'],
    [['dev', '--port', 'abc'], 'inkstone: --port must be a port number, 0–65535 (got "abc")'],
    [['dev', '--port', '70000'], 'inkstone: --port must be a port number, 0–65535 (got "70000")'],
  ])('%j: exit 2, one line, a pointer to --help, nothing else', async (args, line) => {
    const result = await inkstone(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n${HINT}\n` });
  });

  it('refuses a --src that does not exist, and creates nothing', async () => {
    const result = await inkstone(['build', '--src', missing]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `inkstone: --src "${missing}": no such folder\n` });
    expect(existsSync(path.join(REPO, missing))).toBe(false);
    const dev = await inkstone(['dev', '--src', missing, '--port', '0']);
    expect(dev).toEqual({ code: 2, stdout: '', stderr: `inkstone: --src "${missing}": no such folder\n` });
    expect(existsSync(path.join(REPO, missing))).toBe(false);
  });

  it('refuses a --src that is a file', async () => {
    expect(await inkstone(['build', '--src', 'package.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'inkstone: --src "package.json" is a file, not a folder\n',
    });
  });

  it('refuses an --out that would replace the site, and leaves the site as it was', async () => {
    const root = await makeSite({ 'posts/2020-01-01-a.md': post({ title: 'a' }, 'x\n') });
    sites.push(root);
    const result = await inkstone(['build', '--src', root, '--out', '.']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'inkstone: --out "." would replace the site folder; choose a folder of its own, e.g. public\n' });
    expect(existsSync(path.join(root, 'posts/2020-01-01-a.md'))).toBe(true);
  });
});

describe('inkstone (the command): asking', () => {
  it.concurrent.each([[['--version']], [['-v']], [['build', '--version']]])('%j prints the version and exits 0', async (args) => {
    expect(await inkstone(args)).toEqual({ code: 0, stdout: `inkstone ${VERSION}\n`, stderr: '' });
  });

  it.concurrent.each([[['--help']], [['-h']], [['build', '--prot', '1', '--help']]])('%j prints the help and exits 0', async (args) => {
    const result = await inkstone(args);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^inkstone — /);
    expect(result.stdout).toContain('--strict-port');
  });
});

describe('inkstone build: the summary line', () => {
  it('says what was built, where it went, and how to preview it', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'inkstone-cli-'));
    sites.push(parent);
    const root = path.join(parent, 'site');
    await writeFiles(root, { 'posts/2020-01-01-a.md': post({ title: 'a' }, 'x\n') });
    const result = await inkstone(['build', '--src', root, '--workers', '0', '--no-cache']);
    expect(result.code).toBe(0);
    const out = `${path.join(root, 'public')}${path.sep}`;
    expect(result.stdout).toMatch(
      new RegExp(`^built 1 post, \\d+ pages in \\d+ ms → ${escapeRegExp(out)} \\(inkstone dev --src ${escapeRegExp(root)} to preview\\)\\n$`),
    );
    const verbose = await inkstone(['build', '--src', root, '--workers', '0', '--no-cache', '--verbose']);
    expect(verbose.stdout.split('\n')[1]).toMatch(/^\d+ written, \d+ unchanged; peak memory \d+ MiB$/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
