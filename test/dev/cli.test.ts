/**
 * The real command: `node --import tsx src/cli/main.ts dev --src DIR --port 0` in a child process,
 * its terminal lines, a save, a broken save, and Ctrl-C (SIGINT) or SIGTERM ending it with 0; and
 * with a port that is really taken on 127.0.0.1: the next one, said so, or exit 2 with --strict-port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/site.js';
import { fixtureSite, PAGES, postText, SOURCES } from './fixture.js';
import { removeDir, waitFor } from './helpers.js';

interface Running {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(root: string, port: string[] = ['--port', '0']): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'dev', '--src', root, ...port, '--workers', '1', '--no-cache'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop()!;
      into.push(...parts);
    };
  };
  child.stdout!.on('data', collect(stdout));
  child.stderr!.on('data', collect(stderr));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout, stderr, exit };
}

const portOf = async (run: Running) => {
  const line = await waitFor('the "serving" line', () => run.stdout.find((l) => l.startsWith('serving ')), 30_000);
  return Number(/^serving http:\/\/localhost:(\d+)\/ /.exec(line)![1]);
};

const closed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });

let root: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  root = await fixtureSite();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await removeDir(root);
});

describe('inkstone dev (the command)', () => {
  it('builds, serves, prints one line per rebuild, reports errors, and stops with exit code 0 on Ctrl-C', async () => {
    const run = startCli(root);
    children.push(run.child);
    const port = await portOf(run);
    expect(run.stdout[0]!.replace(/ \d+ pages in \d+ ms /, ' N pages in T ms ')).toBe(
      `built 5 posts, N pages in T ms → ${path.join(root, 'public')}${path.sep}`,
    );

    const page = await fetch(`http://127.0.0.1:${port}/${PAGES.alpha}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Alpha 笔记');

    await writeFile(path.join(root, 'posts', SOURCES.alpha), postText('Alpha 笔记', 'kernel', 'c', '\n命令行测试。\n'));
    await waitFor('the rebuild line', () => run.stdout.find((l) => /^posts\/2021-01-01-alpha\.md → 1 page in \d+ ms$/.test(l)));
    await waitFor('the new text being served', async () => (await (await fetch(`http://127.0.0.1:${port}/${PAGES.alpha}`)).text()).includes('命令行测试。'));

    await writeFile(path.join(root, 'posts', SOURCES.alpha), '---\ntitle: [broken\n---\n');
    await waitFor('the error line', () => run.stderr.find((l) => l.startsWith(`posts/${SOURCES.alpha}:2: invalid front matter`)));
    await waitFor('the error summary line', () =>
      run.stdout.find((l) => /^posts\/2021-01-01-alpha\.md → 1 error in \d+ ms; still serving the last good pages$/.test(l)),
    );
    // Still alive, still serving the last good page.
    expect(await (await fetch(`http://127.0.0.1:${port}/${PAGES.alpha}`)).text()).toContain('命令行测试。');

    run.child.kill('SIGINT');
    const { code, signal } = await run.exit;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(run.stdout).toContain('stopping…');
    expect(await closed(port)).toBe(true);
  });

  it('stops with exit code 0 on SIGTERM', async () => {
    await writeFile(path.join(root, 'posts', SOURCES.alpha), postText('Alpha 笔记', 'kernel', 'c'));
    const run = startCli(root);
    children.push(run.child);
    const port = await portOf(run);
    run.child.kill('SIGTERM');
    expect(await run.exit).toEqual({ code: 0, signal: null });
    expect(await closed(port)).toBe(true);
  });
});

/** A plain TCP server holding a free port on 127.0.0.1. */
async function occupyPort(): Promise<{ port: number; close: () => void }> {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as net.AddressInfo).port, close: () => blocker.close() };
}

describe('inkstone dev --port (a port that is taken)', () => {
  it('serves on the next free port and says which one was taken', async () => {
    const busy = await occupyPort();
    try {
      const run = startCli(root, ['--port', String(busy.port)]);
      children.push(run.child);
      const port = await portOf(run);
      expect(port).toBeGreaterThan(busy.port);
      expect(run.stdout).toContain(`port ${busy.port} is in use; serving on ${port} instead`);
      run.child.kill('SIGINT');
      expect((await run.exit).code).toBe(0);
    } finally {
      busy.close();
    }
  });

  it('with --strict-port, exits 2 with one line, before building anything', async () => {
    const site = await fixtureSite();
    const busy = await occupyPort();
    try {
      const run = startCli(site, ['--port', String(busy.port), '--strict-port']);
      children.push(run.child);
      expect(await run.exit).toEqual({ code: 2, signal: null });
      expect(run.stderr).toEqual([`inkstone: port ${busy.port} is in use; drop --strict-port to use the next free one`]);
      expect(run.stdout).toEqual([]);
      expect(existsSync(path.join(site, 'public'))).toBe(false);
    } finally {
      busy.close();
      await removeDir(site);
    }
  });

  it('an invalid port exits 2 before building, and Node’s message never shows', async () => {
    const site = await fixtureSite();
    try {
      const run = startCli(site, ['--port', '70000']);
      children.push(run.child);
      expect(await run.exit).toEqual({ code: 2, signal: null });
      expect(run.stderr).toEqual(['inkstone: --port must be a port number, 0–65535 (got "70000")', 'run "inkstone --help" for the options']);
      expect(run.stderr.join('\n')).not.toContain('options.port');
      expect(existsSync(path.join(site, 'public'))).toBe(false);
    } finally {
      await removeDir(site);
    }
  });
});
