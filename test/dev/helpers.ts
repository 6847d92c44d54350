/** Helpers for the dev tests: temp sites, output snapshots, an SSE client, raw HTTP, waiting with deadlines. */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DevHandle, DevRebuild } from '../../src/dev/run.js';
import { listTree } from '../../src/fs/list-tree.js';
import { REPO, writeFiles } from '../helpers/site.js';

/** A temp site: the repository's sample posts and config, plus `extra` files. */
export async function sampleSite(extra: Record<string, string> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-dev-'));
  await cp(path.join(REPO, 'posts'), path.join(root, 'posts'), { recursive: true });
  await cp(path.join(REPO, '_config.yml'), path.join(root, '_config.yml'));
  await writeFiles(root, extra);
  return root;
}

/** Removes a temp folder (best effort). */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every output file with its mtime and content hash. */
export type Snapshot = Map<string, { mtimeMs: number; hash: string }>;

/** Snapshots an output folder. */
export async function snapshot(outDir: string): Promise<Snapshot> {
  const result: Snapshot = new Map();
  for (const rel of await listTree(outDir)) {
    const file = path.join(outDir, rel);
    const [info, bytes] = await Promise.all([stat(file), readFile(file)]);
    result.set(rel, { mtimeMs: info.mtimeMs, hash: createHash('sha1').update(bytes).digest('hex') });
  }
  return result;
}

/** What differs between two snapshots. */
export function diff(before: Snapshot, after: Snapshot): { added: string[]; removed: string[]; changed: string[]; touched: string[] } {
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed: string[] = [];
  const touched: string[] = [];
  for (const [k, a] of after) {
    const b = before.get(k);
    if (!b) continue;
    if (b.hash !== a.hash) changed.push(k);
    else if (b.mtimeMs !== a.mtimeMs) touched.push(k);
  }
  return { added, removed, changed: changed.sort(), touched: touched.sort() };
}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/**
 * Records every rebuild a dev handle reports. `next` returns the first matching rebuild recorded
 * after the previous match (or since recording started), waiting for it when it has not come yet.
 */
export function recordRebuilds(dev: DevHandle): {
  list: DevRebuild[];
  next(what: string, test?: (r: DevRebuild) => boolean, timeoutMs?: number): Promise<DevRebuild>;
  stop(): void;
} {
  const list: DevRebuild[] = [];
  let cursor = 0;
  const waiters = new Set<{ test: (r: DevRebuild) => boolean; resolve: (r: DevRebuild) => void }>();
  const on = (r: DevRebuild) => {
    list.push(r);
    for (const w of [...waiters]) {
      if (w.test(r)) {
        waiters.delete(w);
        cursor = list.length;
        w.resolve(r);
      }
    }
  };
  dev.on('rebuild', on);
  return {
    list,
    next(what, test = (r) => r.mode !== 'check', timeoutMs = 15_000) {
      for (let i = cursor; i < list.length; i++) {
        if (test(list[i]!)) {
          cursor = i + 1;
          return Promise.resolve(list[i]!);
        }
      }
      cursor = list.length;
      return new Promise((resolve, reject) => {
        const entry = {
          test,
          resolve: (r: DevRebuild) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(entry);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a rebuild: ${what}`));
        }, timeoutMs);
        waiters.add(entry);
      });
    },
    stop: () => dev.off('rebuild', on),
  };
}

/** One server-sent event. */
export interface SseEvent {
  name: string;
  data: any;
}

/** A live-reload client: collects events, waits for the next matching one. */
export interface SseClient {
  events: SseEvent[];
  /** The first matching event that arrives after this call. */
  next(name: string, test?: (data: any) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Connects to the dev server's event stream; resolves after the `hello` event. */
export function openEvents(origin: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters = new Set<() => void>();
    const request = http.get(`${origin}/__inkstone/events`, (response) => {
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!name || data === undefined) continue;
          events.push({ name, data: JSON.parse(data) });
          for (const wake of [...waiters]) wake();
          if (name === 'hello') resolve(client);
        }
      });
    });
    request.on('error', reject);
    const client: SseClient = {
      events,
      next(name, test = () => true, timeoutMs = 15_000) {
        // Each waiter reads from the events that arrive after it was made.
        let seen = events.length;
        return new Promise((resolveNext, rejectNext) => {
          const check = () => {
            while (seen < events.length) {
              const event = events[seen++]!;
              if (event.name === name && test(event.data)) {
                waiters.delete(check);
                clearTimeout(timer);
                resolveNext(event);
                return;
              }
            }
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            rejectNext(new Error(`timed out after ${timeoutMs} ms waiting for SSE event "${name}"; got ${JSON.stringify(events.map((e) => e.name))}`));
          }, timeoutMs);
          waiters.add(check);
          check();
        });
      },
      close: () => request.destroy(),
    };
  });
}

/** Sends raw bytes to a server and returns the whole response (the socket is closed after). */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(text));
    socket.on('data', (chunk: string) => {
      data += chunk;
      // One response is enough: stop once headers and the announced body are in.
      const head = data.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = /content-length: (\d+)/i.exec(data.slice(0, head))?.[1];
      if (length !== undefined && data.length >= head + 4 + Number(length)) socket.end();
    });
    socket.on('end', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(5000, () => {
      socket.destroy();
      reject(new Error(`raw request timed out: ${text.split('\r\n')[0]}`));
    });
  });
}

/** Status code of a raw HTTP response. */
export function statusOf(response: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);
}

/** A post's absolute path in a site. */
export const postFile = (root: string, name: string) => path.join(root, 'posts', name);

/** Appends text to a file. */
export async function append(file: string, text: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')) + text);
}
