/** Test helpers: fixture sites in temp folders, real builds, parsed output. */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { buildPost } from '../../src/content/post.js';
import type { Post } from '../../src/site/model.js';

/** The repository root (holds the sample posts and the default theme). */
export const REPO = path.resolve(import.meta.dirname, '../..');

/** Creates a temp site from `{relative path: content}`. */
export async function makeSite(files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'inkstone-site-'));
  await writeFiles(root, files);
  return root;
}

/** Writes `{relative path: content}` below `root`. */
export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/** Reads and parses an output HTML file. */
export async function readHtml(root: string, rel: string): Promise<Root> {
  return fromHtml(await readFile(path.join(root, rel), 'utf8'));
}

/** Every element matching a predicate, in document order. */
export function findAll(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (test(node)) found.push(node);
  });
  return found;
}

/** Elements by tag name. */
export function byTag(tree: Root | Element, tag: string): Element[] {
  return findAll(tree, (el) => el.tagName === tag);
}

/** Whether an element has a class. */
export function hasClass(el: Element, name: string): boolean {
  const value = el.properties.className;
  return Array.isArray(value) && value.includes(name);
}

/** Text content of an element. */
export function text(el: Element | Root): string {
  return hastToString(el).trim();
}

/** A post file with front matter. */
export function post(front: Record<string, string>, body: string): string {
  const lines = Object.entries(front).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

/** A Post built by the real loader from a file name, front matter (JSON values are valid YAML) and body. */
export function makePost(name: string, front: Record<string, unknown>, body = 'Body.\n'): Post {
  const fm = Object.entries(front).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const { post, diagnostics } = buildPost(
    { path: `posts/${name}`, relPath: name, text: `---\n${fm.join('\n')}\n---\n${body}`, mtimeMs: 0 },
    { permalink: 'date', timezone: undefined, excerptSeparator: undefined },
  );
  if (!post) throw new Error(`${name}: ${JSON.stringify(diagnostics)}`);
  return post;
}
