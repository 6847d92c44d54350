/**
 * What a folder entry really is, for the walkers: a symbolic link followed to what it points at
 * (or why it cannot be: a loop, a missing target, a target outside the site), and the messages for
 * entries that look like posts but cannot be read as one. Nothing that looks like a post is skipped
 * without a word.
 */
import { readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, error, warning } from '../diagnostics.js';
import { toSlashes } from '../fs/list-tree.js';

/** A symbolic link, resolved: what it points at, or why it cannot be read. */
export type LinkTarget = { kind: 'file' | 'folder' | 'other'; real: string } | { kind: 'broken'; reason: string };

/** Whether `inner` is `outer` or below it. */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The chain of a link loop as site paths: `posts/a.md → posts/b.md → posts/a.md`. */
async function loopChain(absPath: string, root: string): Promise<string> {
  const seen: string[] = [];
  let at = absPath;
  for (let hop = 0; hop < 8 && !seen.includes(at); hop++) {
    seen.push(at);
    const next = await readlink(at).catch(() => undefined);
    if (next === undefined) break;
    at = path.resolve(path.dirname(at), next);
  }
  return [...seen, at].map((p) => toSlashes(path.relative(root, p))).join(' → ');
}

/** Follows the link at `absPath`; `root` is the folder paths in messages are relative to. */
export async function followLink(absPath: string, root: string): Promise<LinkTarget> {
  try {
    const info = await stat(absPath);
    const real = await realpath(absPath);
    return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other', real };
  } catch (thrown) {
    const code = (thrown as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'broken', reason: `a symbolic link loop (${await loopChain(absPath, root)})` };
    if (code === 'ENOENT') {
      const target = await readlink(absPath).catch(() => '?');
      return { kind: 'broken', reason: `a symbolic link to "${toSlashes(target)}", which does not exist` };
    }
    return { kind: 'broken', reason: `a symbolic link that cannot be followed (${code ?? 'error'})` };
  }
}

/** The real path of the site folder (links are judged by where they really lead). */
export async function realFolder(dir: string): Promise<string> {
  return realpath(dir).catch(() => path.resolve(dir));
}

/** A post-like entry that is a link which cannot be read: an error. */
export function brokenLinkError(sitePath: string, reason: string): Diagnostic {
  return error(sitePath, `cannot read: ${reason}`);
}

/** A post-like link to a file outside the site folder: refused. */
export function outsideLinkWarning(sitePath: string, real: string): Diagnostic {
  return warning(sitePath, `skipped: a symbolic link to ${toSlashes(real)}, outside the site folder (copy the file into the site to build it)`);
}

/** A folder (or a link to one) with a post's name, or a linked folder among posts: skipped. */
export function folderWarning(sitePath: string, linked: boolean): Diagnostic {
  if (linked) return warning(sitePath, 'skipped: a symbolic link to a folder (linked folders are not followed; link the post files themselves)');
  return warning(sitePath, 'skipped: a folder named like a post (a post is a file; what is inside the folder is read as usual)');
}

/** A post-like entry that is neither a file nor a folder (a socket, a device): skipped. */
export function notAFileWarning(sitePath: string): Diagnostic {
  return warning(sitePath, 'skipped: not a regular file');
}

/** A folder among posts that cannot be listed: an error (posts in it would vanish). */
export function unlistableFolder(sitePath: string, code: string | undefined, inPosts: boolean): Diagnostic {
  return (inPosts ? error : warning)(sitePath || '.', `cannot read folder (${code ?? 'error'})${inPosts ? '' : ': anything in it is left out'}`);
}
