/**
 * The preview server (node:http): serves the output folder under the site's baseurl, injects the
 * live-reload script into HTML responses, and pushes rebuild, error and warning events over Server-Sent
 * Events. Reachable from this machine only by default; answers only GET and HEAD; refuses a Host
 * header it does not serve (DNS rebinding); never serves a file outside the output folder.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { SERVER_DEFAULTS } from '../config/defaults.js';
import type { Diagnostic } from '../diagnostics.js';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient } from './client.js';
import { contentTypeOf, encodePath, resolveRequest, type ServedSite } from './resolve-request.js';

export type { ServedSite } from './resolve-request.js';

/** Host header values the server answers to: loopback names and the bound address, with the port. */
export function allowedHosts(bindHost: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  const bracket = (h: string) => (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h);
  names.add(bracket(bindHost.toLowerCase()));
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    // Bound to every interface: the machine's own addresses are the ones it serves.
    for (const list of Object.values(os.networkInterfaces())) {
      for (const info of list ?? []) names.add(bracket(info.address.toLowerCase().replace(/%.*$/, '')));
    }
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/** Options of the preview server. */
export interface PreviewServerOptions {
  /** Address to bind (default 127.0.0.1: this machine only). */
  host?: string;
  /** Port (default 4000; 0 picks a free one). When taken, the next ones are tried unless `strictPort`. */
  port?: number;
  /** Fail with a BindError when the port is taken instead of trying the next ones. */
  strictPort?: boolean;
  /** How many ports to try, counting the first (default 20). */
  portAttempts?: number;
  /** What to serve; called per request. */
  site: () => ServedSite;
}

/** A warning as pages get it: where, what, and the output pages it shows on (none: every page). */
export interface ShownWarning {
  file: string;
  line?: number | undefined;
  message: string;
  pages?: readonly string[] | undefined;
}

/** A reload announcement: which output files changed. */
export interface ReloadMessage {
  /** Output paths relative to the output folder (`2020/01/01/x.html`). */
  paths: string[];
  /** URL paths with baseurl (`/repo/2020/01/01/x.html`, `/repo/tags/`). */
  urls: string[];
  /** Reload every page (assets or the whole site changed). */
  all: boolean;
}

/** A running preview server. */
export interface PreviewServer {
  readonly host: string;
  readonly port: number;
  /** The port that was asked for (differs from `port` when it was taken, or was 0). */
  readonly requestedPort: number;
  /** `http://127.0.0.1:4000` (what tests and tools connect to). */
  readonly origin: string;
  /** The address to show people: `http://localhost:4000/repo/`. */
  displayUrl(): string;
  /** Number of connected live-reload clients. */
  readonly clients: number;
  /** Tells pages to reload; returns the number of clients told. */
  reload(message: ReloadMessage): number;
  /** Shows errors in every open page (and in pages opened until cleared). */
  showErrors(errors: readonly Diagnostic[]): number;
  /** Removes the error overlay. */
  clearErrors(): number;
  /** Sets the site's current warnings (pages show theirs in a warning bar); tells pages only when they changed. */
  showWarnings(warnings: readonly ShownWarning[]): number;
  close(): Promise<void>;
}

function plain(res: ServerResponse, method: string | undefined, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(text + '\n');
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

function send(res: ServerResponse, method: string | undefined, status: number, type: string, body: Buffer | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(method === 'HEAD' ? undefined : bytes);
}

const NOT_FOUND_PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 Not Found</h1><p>inkstone dev: nothing is built at this address.</p></body></html>';

/** Starts the preview server. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const bindHost = options.host ?? SERVER_DEFAULTS.host;
  const requestedPort = options.port ?? SERVER_DEFAULTS.port;
  // Checked before Node sees it: its own message ("options.port should be >= 0 …") is not for people.
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new BindError(`port ${requestedPort} is not a port number (0–65535)`, 'invalid');
  }
  const session = randomBytes(6).toString('hex');
  const clients = new Set<ServerResponse>();
  let build = 0;
  let errors: Pick<Diagnostic, 'file' | 'line' | 'message'>[] = [];
  let warnings: ShownWarning[] = [];
  let hosts = new Set<string>();

  const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const broadcast = (text: string): number => {
    for (const client of clients) client.write(text);
    return clients.size;
  };

  async function serveFile(req: IncomingMessage, res: ServerResponse, file: string, rel: string, status: number, missing = false): Promise<void> {
    const bytes = await readFile(file);
    const type = contentTypeOf(file);
    if (type.startsWith('text/html')) send(res, req.method, status, type, injectClient(bytes.toString('utf8'), rel, missing));
    else send(res, req.method, status, type, bytes);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, site: ServedSite): Promise<void> {
    const page = await resolveRequest({ outDir: site.outDir, baseurl: '' }, '/404.html');
    if (page.kind === 'file') return serveFile(req, res, page.file, page.rel, 404, true);
    send(res, req.method, 404, 'text/html; charset=utf-8', injectClient(NOT_FOUND_PAGE, '404.html', true));
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    req.socket.setNoDelay(true);
    res.write(`retry: 500\n\n${event('hello', { session, build, errors, warnings })}`);
    clients.add(res);
    const drop = () => clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!hosts.has(host)) {
      return plain(res, req.method, 403, 'Forbidden: unexpected Host header (open the address inkstone dev printed)');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, req.method, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const target = req.url ?? '';
    const cut = target.search(/[?#]/);
    const rawPath = cut < 0 ? target : target.slice(0, cut);
    if (rawPath === EVENTS_PATH) return openEvents(req, res);
    if (rawPath === CLIENT_PATH) return send(res, req.method, 200, 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
    const site = options.site();
    const resolved = await resolveRequest(site, rawPath);
    switch (resolved.kind) {
      case 'file':
        return serveFile(req, res, resolved.file, resolved.rel, 200);
      case 'redirect': {
        const query = cut >= 0 && target[cut] === '?' ? target.slice(cut).replace(/#.*$/, '') : '';
        res.writeHead(302, { Location: resolved.location + query, 'Content-Length': '0', 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      case 'missing':
        return notFound(req, res, site);
      case 'forbidden':
        return plain(res, req.method, 403, `Forbidden: ${resolved.reason}`);
      case 'bad':
        return plain(res, req.method, 400, `Bad Request: ${resolved.reason}`);
    }
  }

  const server = http.createServer({ noDelay: true }, (req, res) => {
    handle(req, res).catch((thrown: unknown) => {
      if (!res.headersSent) plain(res, req.method, 500, `Internal Server Error: ${(thrown as Error).message}`);
      else res.destroy();
    });
  });

  const attempts = options.strictPort ? 1 : (options.portAttempts ?? SERVER_DEFAULTS.portAttempts);
  const port = await listen(server, bindHost, requestedPort, attempts);
  hosts = allowedHosts(bindHost, port);
  const keepAlive = setInterval(() => broadcast(': keep-alive\n\n'), 15_000);
  keepAlive.unref();

  const urlHost = (h: string) => (h.includes(':') ? `[${h}]` : h);
  const loopback = bindHost === '127.0.0.1' || bindHost === 'localhost' || bindHost === '::1';
  const anyHost = bindHost === '0.0.0.0' || bindHost === '::';
  let closing: Promise<void> | undefined;

  return {
    host: bindHost,
    port,
    requestedPort,
    origin: `http://${anyHost ? '127.0.0.1' : urlHost(bindHost)}:${port}`,
    displayUrl: () => `http://${loopback || anyHost ? 'localhost' : urlHost(bindHost)}:${port}${encodePath(options.site().baseurl.split('/'))}/`,
    get clients() {
      return clients.size;
    },
    reload(message) {
      build++;
      return broadcast(event('reload', { ...message, session, build }));
    },
    showErrors(list) {
      errors = list.map(({ file, line, message }) => ({ file, line, message }));
      return broadcast(event('build-error', { errors }));
    },
    clearErrors() {
      errors = [];
      return broadcast(event('build-ok', {}));
    },
    showWarnings(list) {
      const next = list.map(({ file, line, message, pages }) => ({ file, line, message, pages }));
      if (JSON.stringify(next) === JSON.stringify(warnings)) return 0;
      warnings = next;
      return broadcast(event('warnings', { warnings }));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Why the server could not bind: the port is taken, not allowed, or the address is not this machine's. */
export class BindError extends Error {
  constructor(
    message: string,
    readonly reason: 'in-use' | 'denied' | 'address' | 'invalid',
  ) {
    super(message);
  }
}

/** A bind failure in words, from Node's error code (undefined for codes that are not about the address). */
function bindError(code: string | undefined, host: string, port: number, last: number): BindError | undefined {
  switch (code) {
    case 'EADDRINUSE':
      return new BindError(last > port ? `ports ${port}–${last} are all in use` : `port ${port} is in use`, 'in-use');
    case 'EACCES':
      return new BindError(`port ${port} is not allowed for this user (ports below 1024 usually need administrator rights)`, 'denied');
    case 'EADDRNOTAVAIL':
      return new BindError(`cannot listen on ${host}: not an address of this machine`, 'address');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new BindError(`cannot listen on ${host}: no such host`, 'address');
    default:
      return undefined;
  }
}

/** Listens on `port`, or the next free one (up to `attempts` ports, never past 65535); returns the port bound. */
async function listen(server: http.Server, host: string, port: number, attempts: number): Promise<number> {
  for (let i = 0; ; i++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port + i, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      const last = i + 1 >= attempts || port === 0 || port + i >= 65535;
      if (code === 'EADDRINUSE' && !last) continue;
      throw bindError(code, host, port, port + i) ?? thrown;
    }
  }
}
