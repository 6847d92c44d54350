/**
 * The fuzzer's model of a site: posts with generated front matter, encodings, names and file-system
 * shapes (links, loops, folders, permissions), written to a folder, and what the loader must say
 * about each (the oracle). Every generated value knows whether it is fine, and if not, what kind of
 * diagnostic it must produce.
 */
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';

/** What a front matter value must do: build, keep the post unpublished, warn, or fail at its line. */
export type Verdict = 'good' | 'hidden' | 'warning' | 'error';

/** One front matter line: its YAML text and what it must do. */
export interface FrontLine {
  key: string;
  yaml: string;
  verdict: Verdict;
  /** An error only for a post that is published (a missing layout matters to a page that is written). */
  whenPublished?: boolean;
}

/** How a post is put on disk. */
export type Shape = 'file' | 'bom' | 'crlf' | 'latin1' | 'utf16' | 'unreadable' | 'inside-link' | 'outside-link' | 'dangling' | 'loop' | 'folder' | 'bad-yaml';

/** One generated post. */
export interface PostShape {
  folder: string;
  name: string;
  lines: FrontLine[];
  shape: Shape;
}

const text = fc.oneof(
  fc.constantFrom('内核抢占', 'Shell 管道与重定向', "it's", 'a "quoted" title', '  spaced  ', '标签 tag', 'ü', '😀 emoji'),
  // No Liquid or Markdown link syntax: an excerpt is rendered, and those have their own checks.
  fc.string({ maxLength: 12 }).filter((s) => !/[\n\r{}%[\]]/.test(s)),
);
/** A category or tag: no `/` or `\\`, never `.` or `..` (those are refused, see content/post.ts). */
const name = text.filter((s) => !/[/\\]/.test(s) && !/^\s*\.{1,2}\s*$/.test(s));
const line = (key: string, verdict: Verdict, values: fc.Arbitrary<unknown>, raw = false): fc.Arbitrary<FrontLine> =>
  values.map((v) => ({ key, yaml: raw ? String(v) : JSON.stringify(v), verdict }));

/** Front matter lines for the known keys, good and bad, and a key inkstone does not know. */
const frontLine: fc.Arbitrary<FrontLine> = fc.oneof(
  line('title', 'good', fc.oneof(text, fc.integer())),
  line('title', 'error', fc.oneof(fc.array(text, { minLength: 1, maxLength: 2 }), fc.constant({ a: 1 }), fc.boolean())),
  line('tags', 'good', fc.oneof(name, fc.array(fc.oneof(name, fc.integer()), { maxLength: 3 }))),
  line('categories', 'error', fc.oneof(fc.constant({ x: 1 }), fc.constant([['nested']]))),
  line('category', 'good', fc.constantFrom('linux', 'kernel notes', '内核')),
  line('date', 'good', fc.constantFrom('2021-03-14', '2021-03-14 22:30:00 +0800', '2021-03-14T10:00:00Z')),
  line('date', 'error', fc.oneof(fc.constantFrom('someday', '2021-02-30'), fc.integer({ min: 1, max: 3000 }), fc.constant(['2021-01-01']))),
  line('layout', 'good', fc.constantFrom('post', 'default', null)),
  line('layout', 'error', fc.oneof(fc.constant({ a: 1 }), fc.constant(['post']))),
  line('layout', 'error', fc.constant('pots')).map((l) => ({ ...l, whenPublished: true })),
  line('published', 'good', fc.constantFrom('true', 'yes', 'On', 'y'), true),
  line('published', 'hidden', fc.constantFrom('false', 'no', 'No', 'OFF', 'n', '"no"'), true),
  line('published', 'warning', fc.constantFrom('maybe', 'later', '"0"'), true),
  line('published', 'error', fc.oneof(fc.integer(), fc.constant([true]))),
  line('excerpt', 'good', text),
  line('excerpt', 'error', fc.constant(['a', 'b'])),
  line('permalink', 'error', fc.oneof(fc.constant(['a']), fc.constant('/../../etc/:title.html'))),
  line('render_with_liquid', 'good', fc.constantFrom('false', 'no', 'true'), true),
  line('redirect_from', 'error', fc.constant({ a: 1 })),
  line('last_modified_at', 'error', fc.constantFrom('yesterday', '2021-13-01')),
  line('comments', 'good', fc.oneof(text, fc.boolean(), fc.constant({ deep: [1, { x: null }] }))),
);

/** A folder posts may live in (inkstone's and Jekyll's, nested, with odd names). */
const folder = fc.constantFrom('posts', 'posts/2021', 'posts/深 层/目录', '_posts', 'linux/_posts', 'notes with space/_posts');

/** A post name: a date, then a slug with CJK, spaces and punctuation. */
const slug = fc.oneof(
  fc.constantFrom('hello', '内核笔记', 'with space', "o'brien", 'a&b', 'UPPER', 'x.y'),
  fc.stringMatching(/^[a-z0-9\u4e00-\u4e0f -]{1,8}$/),
);

/** How a post is put on disk, mostly as a plain file. */
const shape: fc.Arbitrary<Shape> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('file' as const) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<Shape>('bom', 'crlf', 'latin1', 'utf16', 'unreadable', 'inside-link', 'outside-link', 'dangling', 'loop', 'folder', 'bad-yaml'),
  },
);

/** A generated site: a few posts, each with a unique slug and day. */
export const siteShape: fc.Arbitrary<PostShape[]> = fc
  .array(fc.record({ folder, slug, shape, lines: fc.uniqueArray(frontLine, { maxLength: 5, selector: (l) => l.key }) }), { minLength: 1, maxLength: 6 })
  .map((posts) =>
    posts.map((p, i) => ({
      folder: p.folder,
      name: `2020-01-${String(i + 1).padStart(2, '0')}-${p.slug.trim() || 'x'}${i}.md`,
      lines: p.lines,
      shape: p.shape,
    })),
  );

/** What the loader must do with a post: build it, leave it out silently, warn about it, or fail on it (at one of `lines` when they apply). */
export interface Expectation {
  sitePath: string;
  outcome: 'built' | 'hidden' | 'warning' | 'error';
  lines?: number[];
  /** Whether the loader keeps it as a post (a post whose layout is missing is loaded, then fails). */
  loaded: boolean;
}

/** The post's text as written (front matter lines from line 2 on). */
function textOf(post: PostShape): string {
  const front = post.lines.map((l) => `${l.key}: ${l.yaml}`);
  if (post.shape === 'bad-yaml') front.push('title: "unclosed');
  return `---\n${front.join('\n')}\n---\n正文 body ${post.name}\n`;
}

/** Writes the posts below `root` (link targets in `_shared/`, outside ones in `outside`); returns what each must do. */
export async function writeSite(root: string, outside: string, posts: readonly PostShape[]): Promise<Expectation[]> {
  const expectations: Expectation[] = [];
  for (const post of posts) {
    const sitePath = `${post.folder}/${post.name}`;
    const abs = path.join(root, sitePath);
    await mkdir(path.dirname(abs), { recursive: true });
    const text = textOf(post);
    const content = fileContent(post.shape, text);
    switch (post.shape) {
      case 'inside-link':
        await writeTarget(path.join(root, '_shared', post.name), text);
        await symlink(path.relative(path.dirname(abs), path.join(root, '_shared', post.name)), abs);
        break;
      case 'outside-link':
        await writeTarget(path.join(outside, post.name), text);
        await symlink(path.join(outside, post.name), abs);
        break;
      case 'dangling':
        await symlink('missing.md', abs);
        break;
      case 'loop':
        await symlink(path.basename(abs), `${abs}.md`);
        await symlink(`${path.basename(abs)}.md`, abs);
        break;
      case 'folder':
        await mkdir(abs);
        break;
      default:
        await writeFile(abs, content);
        if (post.shape === 'unreadable') await chmod(abs, 0o000);
    }
    expectations.push(...expect(post, sitePath, abs));
  }
  return expectations;
}

function fileContent(shape: Shape, text: string): Buffer {
  if (shape === 'bom') return Buffer.from(`\uFEFF${text}`);
  if (shape === 'crlf') return Buffer.from(text.replace(/\n/g, '\r\n'));
  if (shape === 'latin1') return Buffer.concat([Buffer.from(text), Buffer.from([0xe9, 0x0a])]);
  if (shape === 'utf16') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return Buffer.from(text);
}

async function writeTarget(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Whether this process can read the file (root reads files without read permission). */
function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** The oracle: what the loader must say about one post. */
function expect(post: PostShape, sitePath: string, abs: string): Expectation[] {
  const fail: Partial<Record<Shape, Expectation['outcome']>> = {
    latin1: 'error',
    utf16: 'error',
    dangling: 'error',
    loop: 'error',
    'outside-link': 'warning',
    folder: 'warning',
  };
  if (post.shape === 'unreadable' && !readable(abs)) return [{ sitePath, outcome: 'error', loaded: false }];
  if (post.shape === 'loop') return [sitePath, `${sitePath}.md`].map((p) => ({ sitePath: p, outcome: 'error', loaded: false }));
  const byShape = fail[post.shape];
  if (byShape) return [{ sitePath, outcome: byShape, loaded: false }];
  if (post.shape === 'bad-yaml') return [{ sitePath, outcome: 'error', lines: [post.lines.length + 2], loaded: false }];
  const unpublished = post.lines.some((l) => l.verdict === 'warning' || l.verdict === 'hidden');
  const errors = post.lines.flatMap((l, i) =>
    l.verdict === 'error' && !(l.whenPublished && unpublished) ? [{ line: i + 2, late: l.whenPublished === true }] : [],
  );
  if (errors.length > 0) return [{ sitePath, outcome: 'error', lines: errors.map((e) => e.line), loaded: errors.every((e) => e.late) }];
  if (post.lines.some((l) => l.verdict === 'warning')) return [{ sitePath, outcome: 'warning', loaded: false }];
  return [{ sitePath, outcome: unpublished ? 'hidden' : 'built', loaded: !unpublished }];
}
