/** The search page and index in real builds: what is written, what is left out, what a warm build reuses. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { selectAll } from 'hast-util-select';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { removeDir } from '../dev/helpers.js';
import { makeSite, post, REPO, readHtml, writeFiles } from '../helpers/site.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeDir));
});

async function site(files: Record<string, string>): Promise<string> {
  const root = await makeSite(files);
  roots.push(root);
  return root;
}

const buildSite = (root: string, cache = false) => build({ root, workers: 0, cache, now: Date.parse('2026-01-01T00:00:00Z') });

const POSTS = {
  'posts/2020-01-01-preempt.md': post(
    { title: '内核抢占', categories: 'kernel' },
    '## 抢占计数器\n\n抢占计数器`preempt_count = 0`。\n\n## 伙伴系统\n\n空闲页直接从伙伴系统摘除。\n',
  ),
  'posts/2021-02-03-elf.md': post({ title: 'ELF 文件' }, '内核在加载ELF文件时，按`readelf -l`累加。\n'),
  'posts/2022-03-04-hidden.md': post({ title: '不进索引', search: 'false' }, '秘密的内容。\n'),
  'posts/2023-04-05-moved.md': post({ title: '搬走了', redirect_to: '/2021/02/03/elf.html' }, '旧内容。\n'),
};

interface Chunk {
  posts: { u: string; t: string; d: string; s: [string, string, string][] }[];
}

async function readIndex(out: string): Promise<{ index: { posts: number; chunks: string[] }; chunks: Chunk[] }> {
  const index = JSON.parse(await readFile(path.join(out, 'search/index.json'), 'utf8'));
  const chunks = await Promise.all(index.chunks.map(async (name: string) => JSON.parse(await readFile(path.join(out, 'search', name), 'utf8')) as Chunk));
  return { index, chunks };
}

describe('search in a build', () => {
  it('writes /search/ through the search layout and an index of post titles and bodies', async () => {
    const root = await site({ '_config.yml': 'title: 笔记\nlang: zh-CN\n', ...POSTS, 'about.md': post({ title: '关于' }, '关于页面不进索引。\n') });
    const report = await buildSite(root);
    expect(report.ok).toBe(true);
    const out = path.join(root, 'public');
    const page = await readFile(path.join(out, 'search/index.html'), 'utf8');
    expect(page).toContain('<title>搜索 · 笔记</title>');
    expect(page).toContain('data-index="/search/index.json"');
    expect(page).toContain('<script type="module" src="/assets/search.js"></script>');
    expect(page).toContain('name="q"');
    const strings = JSON.parse(
      /data-strings="([^"]*)"/
        .exec(page)![1]!
        .replace(/&#34;/g, '"')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    expect(strings.none).toBe('没有找到与“{query}”相关的文章。');
    await expect(stat(path.join(out, 'assets/search.js'))).resolves.toBeTruthy();

    const { index, chunks } = await readIndex(out);
    expect(index.posts).toBe(2);
    const posts = chunks.flatMap((c) => c.posts);
    // Oldest first; no page, no list page, no `search: false` post, no redirect.
    expect(posts.map((p) => [p.u, p.t, p.d])).toEqual([
      ['/kernel/2020/01/01/preempt.html', '内核抢占', '2020-01-01T00:00:00+00:00'],
      ['/2021/02/03/elf.html', 'ELF 文件', '2021-02-03T00:00:00+00:00'],
    ]);
    expect(posts[0]!.s).toEqual([
      ['抢占计数器', '抢占计数器', '抢占计数器preempt_count = 0。'],
      ['伙伴系统', '伙伴系统', '空闲页直接从伙伴系统摘除。'],
    ]);
    expect(JSON.stringify(chunks)).not.toMatch(/秘密|旧内容|关于页面|归档|Archive/);
    // The search page is no part of the sitemap.
    expect(await readFile(path.join(out, 'sitemap.xml'), 'utf8')).not.toContain('/search/');
  });

  it('puts the base path in result links and the page, and English words on an English site', async () => {
    const root = await site({ '_config.yml': 'title: Notes\nlang: en\nbaseurl: /notes\n', 'posts/2020-01-01-a b.md': post({ title: 'A' }, 'Text.\n') });
    expect((await buildSite(root)).ok).toBe(true);
    const out = path.join(root, 'public');
    const page = await readFile(path.join(out, 'search/index.html'), 'utf8');
    expect(page).toContain('data-index="/notes/search/index.json"');
    expect(page).toContain('src="/notes/assets/search.js"');
    expect(page).toContain('<h1 class="page-title">Search</h1>');
    const { chunks } = await readIndex(out);
    expect(chunks[0]!.posts[0]!.u).toBe('/notes/2020/01/01/a%20b.html');
  });

  it.each(['false', 'no'])('writes neither page nor index, nor a search box or link, with search: %s', async (value) => {
    const root = await site({ '_config.yml': `search: ${value}\n`, ...POSTS });
    expect((await buildSite(root)).ok).toBe(true);
    expect(await readdir(path.join(root, 'public'))).not.toContain('search');
    for (const rel of ['index.html', '404.html', 'kernel/2020/01/01/preempt.html']) {
      const tree = await readHtml(root, `public/${rel}`);
      expect(selectAll('form[role=search], a[href$="/search/"]', tree)).toEqual([]);
    }
  });

  it('leaves /search/ to a site page of its own, and still writes the index', async () => {
    const root = await site({ ...POSTS, 'search.md': post({ title: 'My search', permalink: '/search/' }, 'Mine.\n') });
    expect((await buildSite(root)).ok).toBe(true);
    const out = path.join(root, 'public');
    expect(await readFile(path.join(out, 'search/index.html'), 'utf8')).toContain('Mine.');
    expect((await readIndex(out)).index.posts).toBe(2);
  });

  it('writes nothing when the build fails, and keeps the previous index', async () => {
    const root = await site(POSTS);
    expect((await buildSite(root, true)).ok).toBe(true);
    const out = path.join(root, 'public');
    const before = await readFile(path.join(out, 'search/index.json'), 'utf8');
    await writeFiles(root, { 'posts/2024-01-01-broken.md': '---\ntitle: [broken\n---\n抢占\n' });
    expect((await buildSite(root, true)).ok).toBe(false);
    expect(await readFile(path.join(out, 'search/index.json'), 'utf8')).toBe(before);
  });

  it('names chunks by content: a warm build keeps unchanged chunks as they are, an edit changes one', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++)
      files[`posts/2020-01-01-n${String(i).padStart(3, '0')}.md`] = post(
        { title: `笔记 ${i}`, date: `2020-01-01 00:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}` },
        `第 ${i} 篇，讲抢占。\n`,
      );
    const root = await site(files);
    const out = path.join(root, 'public');
    expect((await buildSite(root, true)).ok).toBe(true);
    const first = await readIndex(out);
    expect(first.index.chunks).toHaveLength(3);
    const mtimes = async (names: string[]) => Promise.all(names.map(async (n) => (await stat(path.join(out, 'search', n))).mtimeMs));
    const before = await mtimes(first.index.chunks);

    const warm = await buildSite(root, true);
    expect(warm.ok).toBe(true);
    expect((await readIndex(out)).index.chunks).toEqual(first.index.chunks);
    expect(await mtimes(first.index.chunks)).toEqual(before);

    await writeFiles(root, { 'posts/2020-01-01-n249.md': post({ title: '笔记 249', date: '2020-01-01 00:09:04' }, '改过了：伙伴系统。\n') });
    expect((await buildSite(root, true)).ok).toBe(true);
    const edited = await readIndex(out);
    const changed = edited.index.chunks.filter((name) => !first.index.chunks.includes(name));
    expect(changed).toHaveLength(1);
    expect(JSON.stringify(edited.chunks)).toContain('改过了：伙伴系统。');
    // The old chunk is gone with the old output.
    expect((await readdir(path.join(out, 'search'))).sort()).toEqual([...edited.index.chunks, 'index.html', 'index.json'].sort());
  });

  it('finds in the sample blog what the issue asks for (the page script run over the real index)', async () => {
    const root = await site({});
    const { cp } = await import('node:fs/promises');
    await cp(path.join(REPO, 'posts'), path.join(root, 'posts'), { recursive: true });
    await cp(path.join(REPO, '_config.yml'), path.join(root, '_config.yml'));
    expect((await buildSite(root)).ok).toBe(true);
    const client = await import(pathToFileURL(path.join(REPO, 'layouts/assets/search.js')).href);
    const { chunks } = await readIndex(path.join(root, 'public'));
    const posts = chunks.flatMap((c, n) => client.preparePosts(c, n * 1e6));
    const found = (q: string) => client.searchPosts(posts, client.parseQuery(q)).map((r: { post: { title: string } }) => r.post.title);
    expect(found('内核抢占')).toContain('Some drafts');
    expect(found('preempt_count')).toEqual(['Some drafts']);
    expect(found('伙伴系统')).toEqual(['Some drafts']);
    expect(found('ELF')).toEqual(['Some drafts']);
    expect(found('量子计算机')).toEqual([]);
  });
});
