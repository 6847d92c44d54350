/**
 * The preview server on its own, over a hand-made output folder: content types, folders, baseurl,
 * 404 page, methods, Host header checks and every way out of the output folder we know of.
 */
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequest } from '../../src/dev/resolve-request.js';
import { allowedHosts, BindError, type PreviewServer, startPreviewServer } from '../../src/dev/server.js';
import { openEvents, rawRequest, removeDir, statusOf } from './helpers.js';

const SECRET = 'TOP-SECRET-0xC0FFEE';
let base: string;
let outDir: string;
let server: PreviewServer;
let site = { outDir: '', baseurl: '' };

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'inkstone-serve-'));
  outDir = path.join(base, 'public');
  const files: Record<string, string> = {
    'index.html': '<!doctype html><html><body><h1>home</h1></body></html>',
    '404.html': '<!doctype html><html><body><h1>custom 404 page</h1></body></html>',
    'archive/index.html': '<html><body>archive</body></html>',
    '内核/2020/01/01/抢占.html': '<html><body>抢占笔记</body></html>',
    'a b.html': '<html><body>space</body></html>',
    'noindex/readme.txt': 'no index here',
    'feed.xml': '<?xml version="1.0"?><feed/>',
    'assets/style.css': 'body{}',
    'assets/app.js': 'void 0',
    'assets/data.json': '{}',
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/a.png': 'png',
    'assets/a.jpg': 'jpg',
    'assets/a.gif': 'gif',
    'assets/a.webp': 'webp',
    'favicon.ico': 'ico',
    'robots.txt': 'User-agent: *',
    'assets/font.woff2': 'woff2',
    'assets/blob.bin': 'bin',
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(outDir, rel)), { recursive: true });
    await writeFile(path.join(outDir, rel), content);
  }
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await mkdir(path.join(base, 'private'));
  await writeFile(path.join(base, 'private', 'index.html'), SECRET);
  await symlink(path.join(base, 'secret.txt'), path.join(outDir, 'leak.txt'));
  await symlink(path.join(base, 'private'), path.join(outDir, 'leakdir'));
  await symlink(path.join(outDir, 'robots.txt'), path.join(outDir, 'inside-link.txt'));
  site = { outDir, baseurl: '' };
  server = await startPreviewServer({ port: 0, site: () => site });
});

afterAll(async () => {
  await server?.close();
  await removeDir(base);
});

const get = (pathname: string, init?: RequestInit) => fetch(`${server.origin}${pathname}`, { redirect: 'manual', ...init });
/** A plain TCP server holding a port on 127.0.0.1 (0: any free one). */
function occupy(port: number): Promise<net.Server> {
  const blocker = net.createServer();
  return new Promise((resolve, reject) => {
    blocker.once('error', reject);
    blocker.listen(port, '127.0.0.1', () => resolve(blocker));
  });
}

const raw = (target: string, headers = `Host: 127.0.0.1:${server.port}\r\n`, method = 'GET') =>
  rawRequest(server.port, `${method} ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);

describe('preview server: serving', () => {
  it('binds to 127.0.0.1 by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.displayUrl()).toBe(`http://localhost:${server.port}/`);
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/data.json', 'application/json; charset=utf-8'],
    ['/feed.xml', 'application/xml; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/a.png', 'image/png'],
    ['/assets/a.jpg', 'image/jpeg'],
    ['/assets/a.gif', 'image/gif'],
    ['/assets/a.webp', 'image/webp'],
    ['/favicon.ico', 'image/x-icon'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/blob.bin', 'application/octet-stream'],
  ])('%s is served as %s', async (pathname, type) => {
    const response = await get(pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for folders and redirects a folder without its slash', async () => {
    expect(await (await get('/archive/')).text()).toContain('archive');
    const redirect = await get('/archive?x=1');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/archive/?x=1');
  });

  it('decodes percent-encoded CJK and spaces', async () => {
    const response = await get(`/${encodeURIComponent('内核')}/2020/01/01/${encodeURIComponent('抢占')}.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('抢占笔记');
    expect(await (await get('/a%20b.html')).text()).toContain('space');
  });

  it("answers misses with the site's 404.html and status 404", async () => {
    const response = await get('/no/such/page.html');
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('custom 404 page');
    expect(body).toContain('data-missing="1"');
    expect((await get('/noindex/')).status).toBe(404);
    expect((await get('/robots.txt/')).status).toBe(404);
  });

  it('injects the live-reload script into HTML responses only, never into the files', async () => {
    const body = await (await get('/')).text();
    expect(body).toMatch(/<script src="\/__inkstone\/client\.js" data-file="index\.html"><\/script><\/body>/);
    expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).not.toContain('__inkstone');
    expect(await (await get('/assets/style.css')).text()).toBe('body{}');
    const client = await get('/__inkstone/client.js');
    expect(client.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await client.text()).toContain('EventSource');
  });

  it('HEAD gets the headers without a body', async () => {
    const response = await raw('/', undefined, 'HEAD');
    expect(statusOf(response)).toBe(200);
    expect(response).toMatch(/content-length: \d+/i);
    expect(response.split('\r\n\r\n')[1]).toBe('');
  });

  it('serves the site under its baseurl and redirects / to it', async () => {
    site = { outDir, baseurl: '/repo' };
    try {
      const root = await get('/');
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/repo/');
      const bare = await get('/repo');
      expect(bare.status).toBe(302);
      expect(bare.headers.get('location')).toBe('/repo/');
      expect(await (await get('/repo/')).text()).toContain('home');
      expect((await get('/repo/archive/')).status).toBe(200);
      const outside = await get('/archive/');
      expect(outside.status).toBe(404);
      expect(await outside.text()).toContain('custom 404 page');
      expect(server.displayUrl()).toBe(`http://localhost:${server.port}/repo/`);
    } finally {
      site = { outDir, baseurl: '' };
    }
  });

  it('takes the next port when the asked one is in use, and says which it asked for', async () => {
    const blocker = await occupy(0);
    const taken = (blocker.address() as net.AddressInfo).port;
    const other = await startPreviewServer({ port: taken, site: () => site }).catch((e: Error) => e);
    blocker.close();
    // The next port may itself be taken by something else on a busy machine; then it tries the one after.
    if (other instanceof Error) throw other;
    expect(other.requestedPort).toBe(taken);
    expect(other.port).toBeGreaterThan(taken);
    expect(other.port).toBeLessThan(taken + 20);
    await other.close();
  });

  it('reports the port it was given when that one is free', () => {
    expect([server.requestedPort, server.port > 0]).toEqual([0, true]);
  });

  it('with strictPort, fails with a BindError naming the port instead of moving on', async () => {
    const blocker = await occupy(0);
    const taken = (blocker.address() as net.AddressInfo).port;
    const result = await startPreviewServer({ port: taken, strictPort: true, site: () => site }).catch((e: unknown) => e);
    blocker.close();
    expect(result).toBeInstanceOf(BindError);
    expect(result).toMatchObject({ message: `port ${taken} is in use`, reason: 'in-use' });
  });

  it('names the range when every port it may try is taken', async () => {
    const first = await occupy(0);
    const taken = (first.address() as net.AddressInfo).port;
    // Held by us, or already by something else: either way the second port is busy too.
    const second = await occupy(taken + 1).catch(() => undefined);
    const result = await startPreviewServer({ port: taken, portAttempts: 2, site: () => site }).catch((e: unknown) => e);
    first.close();
    second?.close();
    expect(result).toBeInstanceOf(BindError);
    expect(result).toMatchObject({ message: `ports ${taken}–${taken + 1} are all in use`, reason: 'in-use' });
  });

  it.each([
    [{ port: 70000 }, 'port 70000 is not a port number (0–65535)'],
    [{ port: -1 }, 'port -1 is not a port number (0–65535)'],
    [{ port: 1.5 }, 'port 1.5 is not a port number (0–65535)'],
    [{ port: 0, host: '192.0.2.1' }, 'cannot listen on 192.0.2.1: not an address of this machine'],
  ])('%j never reaches Node: %s', async (options, message) => {
    const result = await startPreviewServer({ ...options, site: () => site }).catch((e: unknown) => e);
    expect(result).toBeInstanceOf(BindError);
    expect((result as Error).message).toBe(message);
    expect((result as Error).message).not.toMatch(/options\.port|EADDR/);
  });
});

describe('preview server: security', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('%s is refused with 405', async (method) => {
    const response = await raw('/', undefined, method);
    expect(statusOf(response)).toBe(405);
    expect(response).toMatch(/allow: GET, HEAD/i);
  });

  it.each([['evil.example:PORT'], ['evil.example'], ['127.0.0.1:1'], ['localhost.evil.example:PORT'], ['127.0.0.1.nip.io:PORT']])(
    'a request with Host %s is refused with 403 (DNS rebinding)',
    async (host) => {
      const response = await raw('/', `Host: ${host.replace('PORT', String(server.port))}\r\n`);
      expect(statusOf(response)).toBe(403);
      expect(response).not.toContain('home');
    },
  );

  it('a request without a Host header is refused', async () => {
    expect(statusOf(await rawRequest(server.port, 'GET / HTTP/1.0\r\n\r\n'))).toBe(403);
  });

  it.each(['localhost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'LOCALHOST:PORT'])('Host %s is served', async (host) => {
    expect(statusOf(await raw('/', `Host: ${host.replace('PORT', String(server.port))}\r\n`))).toBe(200);
  });

  it('the event stream checks the Host header too', async () => {
    expect(statusOf(await raw('/__inkstone/events', 'Host: evil.example\r\n'))).toBe(403);
  });

  it('answers to the --host name it was started with', async () => {
    expect(allowedHosts('myhost.lan', 4000).has('myhost.lan:4000')).toBe(true);
    expect(allowedHosts('::1', 4000).has('[::1]:4000')).toBe(true);
    expect(allowedHosts('127.0.0.1', 80).has('localhost')).toBe(true);
    expect(allowedHosts('127.0.0.1', 4000).has('localhost')).toBe(false);
  });

  it.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/assets/../../secret.txt',
    '/./../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e/secret.txt',
    '//..//secret.txt',
    `/${'..%2F'.repeat(8)}etc/passwd`,
    '/%00../secret.txt',
    '/leak.txt',
    '/leakdir/',
    '/leakdir/index.html',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    'http://127.0.0.1/../secret.txt',
    '/%',
    '/%zz',
  ])('%s never reaches a file outside the output folder', async (target) => {
    const response = await raw(target);
    const status = statusOf(response);
    expect([400, 403, 404]).toContain(status);
    expect(response).not.toContain(SECRET);
    expect(response).not.toContain('root:');
  });

  it('a symlink that stays inside the output folder is served', async () => {
    expect(await (await get('/inside-link.txt')).text()).toBe('User-agent: *');
  });

  it.each([
    ['/../secret.txt', 'forbidden'],
    ['/%2e%2e/secret.txt', 'forbidden'],
    ['/%2e%2e%2fsecret.txt', 'bad'],
    ['/leak.txt', 'forbidden'],
    ['/%E0%A4%A', 'bad'],
    ['/nope', 'missing'],
    ['/archive', 'redirect'],
    ['/archive/', 'file'],
  ])('resolveRequest(%s) is %s', async (target, kind) => {
    expect((await resolveRequest({ outDir, baseurl: '' }, target)).kind).toBe(kind);
  });

  it('a redirect never points off-site', async () => {
    await mkdir(path.join(outDir, 'evil.example'), { recursive: true });
    const response = await get('//evil.example');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/evil.example/');
  });

  it('announces errors to clients and to pages opened later, and clears them', async () => {
    const client = await openEvents(server.origin);
    const shown = client.next('build-error');
    server.showErrors([{ file: 'posts/a.md', line: 3, message: '<script>alert(1)</script>', severity: 'error' }]);
    expect((await shown).data.errors).toEqual([{ file: 'posts/a.md', line: 3, message: '<script>alert(1)</script>' }]);
    const late = await openEvents(server.origin);
    expect(late.events[0]!.data.errors).toHaveLength(1);
    const cleared = client.next('build-ok');
    server.clearErrors();
    await cleared;
    const after = await openEvents(server.origin);
    expect(after.events[0]!.data.errors).toEqual([]);
    for (const c of [client, late, after]) c.close();
  });

  it('sends warnings as their own event, apart from errors, only when they change, and to pages opened later', async () => {
    const client = await openEvents(server.origin);
    const warning = { file: 'posts/a.md', line: 4, message: 'link to "#x": no heading with id "x" on this page', pages: ['a.html'] };
    const sent = client.next('warnings');
    expect(server.showWarnings([warning])).toBe(1);
    expect((await sent).data.warnings).toEqual([warning]);
    // The same warnings again (the next rebuild still has them): no event, nothing to show twice.
    expect(server.showWarnings([{ ...warning }])).toBe(0);
    const late = await openEvents(server.origin);
    expect(late.events[0]!.data).toMatchObject({ errors: [], warnings: [warning] });
    const cleared = client.next('warnings');
    server.showWarnings([]);
    expect((await cleared).data.warnings).toEqual([]);
    expect(client.events.map((e) => e.name)).toEqual(['hello', 'warnings', 'warnings']);
    for (const c of [client, late]) c.close();
  });
});
