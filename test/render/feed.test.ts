import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FeedEntry, type FeedSite, renderFeed } from '../../src/render/feed.js';
import { createInProcessService } from '../../src/render-service/service.js';
import type { RenderService } from '../../src/render-service/types.js';
import type { Post } from '../../src/site/model.js';
import { all, attr, one, parseFragment, text } from '../helpers/html.js';
import { makePost } from '../helpers/site.js';

const SITE: FeedSite = {
  title: '内核笔记 & notes',
  description: 'Linux 内核学习笔记',
  author: '张三',
  url: 'https://user.github.io',
  baseurl: '/notes',
  feedPath: '/feed.xml',
};

let service: RenderService;
beforeAll(async () => {
  service = await createInProcessService();
});

async function entry(post: Post): Promise<FeedEntry> {
  const rendered = await service.render({ body: post.body, bodyLine: post.bodyLine, excerpt: post.excerpt, excerptSeparator: post.excerptSeparator });
  return { post, html: rendered.html, excerptHtml: rendered.excerptHtml };
}

interface AtomLink {
  '@href': string;
  '@rel': string;
  '@type'?: string;
  '@title'?: string;
}
interface AtomText {
  '#text'?: string;
  '@type'?: string;
}
interface AtomEntry {
  title: AtomText;
  link: AtomLink[];
  published: string;
  updated: string;
  id: string;
  content: AtomText & { '@xml:base': string };
  summary?: AtomText;
  category?: { '@term': string }[];
}
interface Atom {
  '@xmlns': string;
  title: AtomText;
  subtitle?: string;
  author?: { name: string };
  id: string;
  updated: string;
  link: AtomLink[];
  generator: AtomText;
  entry: AtomEntry[];
}

/** Validates and parses an Atom document; entities decoded once, as a feed reader's XML parser does. */
function parseAtom(xml: string): Atom {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    htmlEntities: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['entry', 'link', 'category'].includes(name),
  }).parse(xml) as { feed: Atom };
  return { ...parsed.feed, entry: parsed.feed.entry ?? [] };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

describe('renderFeed', () => {
  let posts: Post[];
  let entries: FeedEntry[];
  let atom: Atom;
  beforeAll(async () => {
    posts = [
      makePost(
        '2023-11-02-gdb.md',
        { title: 'GDB 速查', date: '2023-11-02 21:15:00 +0800', categories: ['调试'], tags: ['gdb', 'C'] },
        '## 断点\n\n`break main` 设置断点。\n\n```sh\ngdb ./a.out\n```\n',
      ),
      makePost('2021-03-14-pipes.md', { title: 'Shell pipes', date: '2021-03-14T09:30:00-05:00', category: 'shell' }, 'First paragraph.\n\nSecond.\n'),
      makePost('2020-01-01-some-drafts.md', { title: 'Some drafts', date: '2020-01-01 16:00:00 +0800', category: 'basic' }, '内核抢占：见 [链接](/x/)。\n'),
    ];
    entries = await Promise.all(posts.map(entry));
    atom = parseAtom(renderFeed(SITE, entries, 10, '2024-05-05T00:00:00+00:00'));
  });

  it('is a well-formed Atom document with the feed-level elements', () => {
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.title['#text']).toBe('内核笔记 & notes');
    expect(atom.subtitle).toBe('Linux 内核学习笔记');
    expect(atom.author).toEqual({ name: '张三' });
    expect(atom.id).toBe('https://user.github.io/notes/feed.xml');
    expect(atom.generator['#text']).toBe('inkstone');
    expect(atom.link).toEqual([
      { '@href': 'https://user.github.io/notes/feed.xml', '@rel': 'self', '@type': 'application/atom+xml' },
      { '@href': 'https://user.github.io/notes/', '@rel': 'alternate', '@type': 'text/html' },
    ]);
  });

  it('is updated as of the newest post, in that post’s own offset', () => {
    expect(atom.updated).toBe('2023-11-02T21:15:00+08:00');
  });

  it('has one entry per post, newest first, with absolute link and id', () => {
    expect(atom.entry.map((e) => e.title['#text'])).toEqual(['GDB 速查', 'Shell pipes', 'Some drafts']);
    expect(atom.entry.map((e) => e.id)).toEqual([
      'https://user.github.io/notes/%E8%B0%83%E8%AF%95/2023/11/02/gdb.html',
      'https://user.github.io/notes/shell/2021/03/14/pipes.html',
      'https://user.github.io/notes/basic/2020/01/01/some-drafts.html',
    ]);
    for (const e of atom.entry) {
      expect(e.link).toEqual([{ '@href': e.id, '@rel': 'alternate', '@type': 'text/html', '@title': e.title['#text'] }]);
      expect(e.content['@xml:base']).toBe(e.id);
    }
  });

  it('dates entries in RFC 3339 with the offset each post was written in', () => {
    expect(atom.entry.map((e) => e.published)).toEqual(['2023-11-02T21:15:00+08:00', '2021-03-14T09:30:00-05:00', '2020-01-01T16:00:00+08:00']);
    for (const e of atom.entry) {
      expect(e.published).toMatch(RFC3339);
      expect(e.updated).toBe(e.published);
    }
  });

  it('carries the full HTML as escaped content that parses back to the post', () => {
    const content = atom.entry[0]!.content;
    expect(content['@type']).toBe('html');
    expect(content['#text']).toBe(entries[0]!.html);
    const root = parseFragment(content['#text']!);
    expect(one(root, 'h2').properties.id).toBe('断点');
    expect(text(one(root, 'pre.shiki code'))).toBe('gdb ./a.out');
  });

  it('carries the excerpt as the summary', () => {
    const summary = atom.entry[1]!.summary!;
    expect(summary['@type']).toBe('html');
    expect(all(parseFragment(summary['#text']!), 'p').map(text)).toEqual(['First paragraph.']);
    expect(attr(one(parseFragment(atom.entry[2]!.summary!['#text']!), 'a'), 'href')).toBe('/x/');
  });

  it('lists categories and tags as category terms', () => {
    expect(atom.entry[0]!.category!.map((c) => c['@term'])).toEqual(['调试', 'gdb', 'C']);
    expect(atom.entry[1]!.category!.map((c) => c['@term'])).toEqual(['shell']);
  });
});

describe('renderFeed escaping', () => {
  it('keeps a <script> title as text, in the feed and in the entry', async () => {
    const title = '<script>alert(1)</script> & "q" \'s <stdio.h>';
    const post = makePost('2020-01-01-x.md', { title }, 'Text with <script>alert(2)</script> inline and a & b.\n');
    const atom = parseAtom(renderFeed({ ...SITE, title }, [await entry(post)], 10, '2024-01-01T00:00:00Z'));
    for (const t of [atom.title, atom.entry[0]!.title]) {
      // Plain text: readers must not interpret it as markup.
      expect(t['@type']).not.toBe('html');
      expect(t['#text']).toBe(title);
    }
    expect(atom.entry[0]!.link[0]!['@title']).toBe(title);
    // Content is HTML: after XML decoding it is the rendered fragment, markup and all.
    const root = parseFragment(atom.entry[0]!.content['#text']!);
    expect(text(one(root, 'p'))).toContain('a & b');
  });

  it('strips characters XML 1.0 forbids', async () => {
    const post = makePost('2020-01-01-ctl.md', { title: 'bell\u0007 and form\u000cfeed and nul\u0000' }, 'Body with \u0001 and \u001f inside.\n');
    const xml = renderFeed({ ...SITE, title: 'Site\u0008' }, [await entry(post)], 10, '2024-01-01T00:00:00Z');
    expect(xml).not.toMatch(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/);
    const atom = parseAtom(xml);
    expect(atom.title['#text']).toBe('Site');
    expect(atom.entry[0]!.title['#text']).toBe('bell and formfeed and nul');
    expect(text(parseFragment(atom.entry[0]!.content['#text']!))).toContain('Body with  and  inside.');
  });

  it('escapes URLs with query strings and CJK paths', async () => {
    const post = makePost('2020-01-01-q.md', { title: 'q', permalink: '/内核/a&b/' });
    const atom = parseAtom(renderFeed(SITE, [await entry(post)], 10, '2024-01-01T00:00:00Z'));
    expect(atom.entry[0]!.id).toBe('https://user.github.io/notes/%E5%86%85%E6%A0%B8/a&b/');
  });
});

describe('renderFeed limits', () => {
  const many = Array.from({ length: 15 }, (_, i) =>
    makePost(`2020-01-${String(28 - i).padStart(2, '0')}-p${i}.md`, { title: `Post ${i}`, date: `2020-01-${String(28 - i).padStart(2, '0')} 10:00:00 +0800` }),
  );
  const fakeEntries: FeedEntry[] = many.map((post) => ({ post, html: `<p>${post.title}</p>`, excerptHtml: '' }));

  it.each([
    [1, ['Post 0']],
    [3, ['Post 0', 'Post 1', 'Post 2']],
    [10, many.slice(0, 10).map((p) => p.title)],
    [100, many.map((p) => p.title)],
  ])('carries the newest %i posts', (limit, titles) => {
    const atom = parseAtom(renderFeed(SITE, fakeEntries, limit, '2024-01-01T00:00:00Z'));
    expect(atom.entry.map((e) => e.title['#text'])).toEqual(titles);
  });

  it('omits an empty summary, subtitle and author', () => {
    const atom = parseAtom(renderFeed({ ...SITE, description: '', author: '' }, fakeEntries.slice(0, 1), 10, '2024-01-01T00:00:00Z'));
    expect(atom.entry[0]!.summary).toBeUndefined();
    expect(atom.subtitle).toBeUndefined();
    expect(atom.author).toBeUndefined();
  });

  it('is still a valid feed with no posts, updated at generation time', () => {
    const atom = parseAtom(renderFeed(SITE, [], 10, '2024-05-05T12:00:00+00:00'));
    expect(atom.entry).toEqual([]);
    expect(atom.updated).toBe('2024-05-05T12:00:00+00:00');
    expect(atom.id).toBe('https://user.github.io/notes/feed.xml');
  });

  it('uses the site root URL without a baseurl', () => {
    const atom = parseAtom(renderFeed({ ...SITE, baseurl: '' }, fakeEntries.slice(0, 1), 10, '2024-01-01T00:00:00Z'));
    expect(atom.link.map((l) => l['@href'])).toEqual(['https://user.github.io/feed.xml', 'https://user.github.io/']);
    expect(atom.entry[0]!.id).toBe(`https://user.github.io${many[0]!.url}`);
  });
});
