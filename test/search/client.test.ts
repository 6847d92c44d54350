/** The search page's matching, ranking and excerpts (layouts/assets/search.js, the file browsers load), in Node. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/site.js';

interface Piece {
  text: string;
  mark: boolean;
}
interface Client {
  fold(text: string): string;
  parseQuery(query: string): string[];
  occurrences(text: string, word: string, limit?: number): number[];
  preparePosts(chunk: unknown, first?: number): any[];
  searchPosts(posts: any[], words: string[]): { post: any; score: number; section: number }[];
  markPieces(text: string, folded: string, words: string[]): Piece[];
  excerptPieces(section: any, words: string[]): Piece[];
  resultHref(post: any, section: number): string;
  dayText(iso: string, lang: string): string;
}

let client: Client;
beforeAll(async () => {
  client = (await import(pathToFileURL(path.join(REPO, 'layouts/assets/search.js')).href)) as Client;
});

const chunk = {
  v: 1,
  posts: [
    {
      u: '/basic/2020/01/01/some-drafts.html',
      t: 'Some drafts',
      d: '2020-01-01T16:00:00+08:00',
      s: [
        ['内核抢占', '内核抢占', '内核抢占：在进程执行内核代码的时候，允许被另一个进程抢占。\n抢占计数器preempt_count = 0。'],
        ['elf文件的加载', 'ELF文件的加载', '内核在加载ELF文件时，按照readelf -l ELF_FILE查询。'],
        ['uce故障处理', 'UCE故障处理', '空闲页直接从伙伴系统摘除'],
      ],
    },
    {
      u: '/2021/03/14/shell-pipes.html',
      t: 'Shell 管道',
      d: '2021-03-14T22:30:00+08:00',
      s: [['', '', '内核如何调度这些进程，见内核抢占。readelf 与 self 都不是 ELF。']],
    },
    { u: '/2022/07/09/task.html', t: '读 task_struct：抢占', d: '2022-07-09T10:00:00+08:00', s: [['', '', 'thread_info 里有 preempt_count。']] },
  ],
};

const titles = (query: string) => client.searchPosts(client.preparePosts(chunk), client.parseQuery(query)).map((r) => r.post.title);
const marked = (pieces: Piece[]) => pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('the search page script', () => {
  it('splits a query into folded words at spaces and list punctuation, each once', () => {
    expect(client.parseQuery('  内核  ELF，preempt_count、ELF "Shell" ')).toEqual(['内核', 'elf', 'preempt_count', 'shell']);
    expect(client.parseQuery(' \u3000 ')).toEqual([]);
  });

  it('folds case without moving positions', () => {
    expect(client.fold('ELF文件 İ')).toHaveLength('ELF文件 İ'.length);
    expect(client.fold('ELF_File')).toBe('elf_file');
  });

  it('matches Chinese anywhere, Latin words only at the start of a word', () => {
    expect(client.occurrences('内核抢占与用户抢占', '抢占')).toEqual([2, 7]);
    expect(client.occurrences(client.fold('readelf ELF_FILE ELF文件 self'), 'elf')).toEqual([8, 17]);
    expect(client.occurrences('preempt_count', 'preempt')).toEqual([0]);
  });

  it('finds exactly the posts that contain every word', () => {
    expect(titles('抢占')).toEqual(['读 task_struct：抢占', 'Some drafts', 'Shell 管道']);
    expect(titles('伙伴系统')).toEqual(['Some drafts']);
    expect(titles('伙伴 系统')).toEqual(['Some drafts']);
    expect(titles('系统伙伴')).toEqual([]);
    expect(titles('量子计算机')).toEqual([]);
    expect(titles('preempt_count')).toEqual(['读 task_struct：抢占', 'Some drafts']);
    expect(titles('ELF')).toEqual(['Some drafts', 'Shell 管道']);
    expect(titles('elf 调度')).toEqual(['Shell 管道']);
    expect(titles('')).toEqual([]);
  });

  it('ranks a match in the title or a heading above one in the text, newer first on a tie', () => {
    const results = client.searchPosts(client.preparePosts(chunk), ['抢占']);
    expect(results.map((r) => r.post.url)).toEqual(['/2022/07/09/task.html', '/basic/2020/01/01/some-drafts.html', '/2021/03/14/shell-pipes.html']);
    expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
    // Chunks hold posts oldest first; `first` numbers each chunk's posts after the previous chunk's.
    const year = (y: string) => ({ u: `/${y}.html`, t: y, d: `${y}-01-01T00:00:00+08:00`, s: [['', '', '同样的抢占']] });
    const older = client.preparePosts({ v: 1, posts: [year('2019'), year('2020')] }, 0);
    const newer = client.preparePosts({ v: 1, posts: [year('2021'), year('2023')] }, 1e6);
    expect(client.searchPosts([...newer, ...older], ['抢占']).map((r) => r.post.title)).toEqual(['2023', '2021', '2020', '2019']);
  });

  it('links the section that matches best, at its heading', () => {
    const posts = client.preparePosts(chunk);
    const [elf] = client.searchPosts(posts, ['elf']);
    expect(client.resultHref(elf!.post, elf!.section)).toBe(`/basic/2020/01/01/some-drafts.html#${encodeURIComponent('elf文件的加载')}`);
    const [buddy] = client.searchPosts(posts, ['伙伴系统']);
    expect(client.resultHref(buddy!.post, buddy!.section)).toBe(`/basic/2020/01/01/some-drafts.html#${encodeURIComponent('uce故障处理')}`);
    const pipes = client.searchPosts(posts, ['调度'])[0]!;
    expect(client.resultHref(pipes.post, pipes.section)).toBe('/2021/03/14/shell-pipes.html');
  });

  it('marks every match in the excerpt, cut around the first one with …', () => {
    const [post] = client.preparePosts(chunk);
    expect(marked(client.excerptPieces(post.sections[0], ['抢占', 'preempt_count']))).toBe(
      '内核[抢占]：在进程执行内核代码的时候，允许被另一个进程[抢占]。 [抢占]计数器[preempt_count] = 0。',
    );
    const long = { id: '', heading: '', text: `${'前'.repeat(100)}伙伴系统${'后'.repeat(200)}`, headingFolded: '', textFolded: '' };
    long.textFolded = long.text;
    const pieces = client.excerptPieces(long, ['伙伴系统']);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
    expect(marked(pieces)).toContain('前[伙伴系统]后');
    expect(marked(pieces).length).toBeLessThan(140);
  });

  it('never cuts an excerpt inside a surrogate pair', () => {
    const text = `${'😀'.repeat(60)}抢占${'😀'.repeat(100)}`;
    const pieces = client.excerptPieces({ id: '', heading: '', text, headingFolded: '', textFolded: text }, ['抢占']);
    for (const piece of pieces) expect(piece.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('marks overlapping words once', () => {
    expect(marked(client.markPieces('内核抢占', '内核抢占', ['内核抢', '抢占']))).toBe('[内核抢][占]');
  });

  it('dates results as the theme dates posts, by the day as written', () => {
    expect(client.dayText('2020-01-01T00:30:00+08:00', 'zh-CN')).toBe('2020年1月1日');
    expect(client.dayText('2021-03-14T22:30:00-11:00', 'en')).toBe('Mar 14, 2021');
    expect(client.dayText('2021-03-14T22:30:00Z', 'not a language!')).toBe('2021-03-14');
  });
});
