/** The search index in `inkstone dev`: written with the first build, then updated in the background after saves. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevSession } from '../../src/dev/session.js';
import type { BackgroundSearch } from '../../src/search/dev.js';
import { removeDir } from '../dev/helpers.js';
import { makeSite, post } from '../helpers/site.js';

const roots: string[] = [];
const sessions: DevSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(roots.splice(0).map(removeDir));
});

async function start(config = 'title: 笔记\n') {
  const root = await makeSite({
    '_config.yml': config,
    'posts/2021-01-01-alpha.md': post({ title: 'Alpha', categories: 'kernel' }, '摘要。\n\n## 抢占\n\n内核抢占的第一段。\n'),
    'posts/2021-02-01-beta.md': post({ title: 'Beta' }, 'ELF 文件。\n'),
  });
  roots.push(root);
  const session = await DevSession.create({ root, workers: 0, cache: false });
  sessions.push(session);
  return { root, session, out: path.join(root, 'public'), search: (session as any).search as BackgroundSearch };
}

async function indexText(out: string): Promise<{ chunks: string[]; text: string }> {
  const index = JSON.parse(await readFile(path.join(out, 'search/index.json'), 'utf8')) as { chunks: string[] };
  const texts = await Promise.all(index.chunks.map((c) => readFile(path.join(out, 'search', c), 'utf8')));
  return { chunks: index.chunks, text: texts.join('\n') };
}

describe('search in dev', () => {
  it('writes the index with the first build, then after a save in the background, never in the rebuild', async () => {
    const { root, session, out, search } = await start();
    const first = await session.rebuild();
    expect(first.ok && first.full).toBe(true);
    const before = await indexText(out);
    expect(before.text).toContain('内核抢占的第一段。');

    const file = path.join(root, 'posts/2021-01-01-alpha.md');
    await writeFile(file, post({ title: 'Alpha', categories: 'kernel' }, '摘要。\n\n## 抢占\n\n改写后的伙伴系统。\n'));
    const fast = await session.rebuild({ files: [file] });
    expect(fast.ok).toBe(true);
    expect(fast.mode).toBe('fast');
    // The rebuild wrote the post's page and left the index to the background.
    expect(fast.written.map((w) => w.path)).not.toContain('search/index.json');
    expect(await indexText(out)).toEqual(before);

    await search.idle();
    const after = await indexText(out);
    expect(after.text).toContain('改写后的伙伴系统。');
    expect(after.text).not.toContain('内核抢占的第一段。');
    // The old chunk is removed once the new table of contents is in place.
    expect((await readdir(path.join(out, 'search'))).sort()).toEqual([...after.chunks, 'index.html', 'index.json'].sort());
    expect(search.updates).toBe(1);
    expect(search.lastError).toBeUndefined();
  });

  it('updates the index after a rebuild that plans the whole site, and removes it with search: false', async () => {
    const { root, session, out, search } = await start();
    await session.rebuild();
    await writeFile(path.join(root, 'posts/2021-03-01-gamma.md'), post({ title: 'Gamma' }, 'preempt_count 为 0。\n'));
    const added = await session.rebuild({ files: [path.join(root, 'posts/2021-03-01-gamma.md')] });
    expect(added.ok && added.mode).toBe('replan');
    await search.idle();
    expect((await indexText(out)).text).toContain('preempt_count 为 0。');

    await writeFile(path.join(root, '_config.yml'), 'title: 笔记\nsearch: false\n');
    const off = await session.rebuild({ full: true });
    expect(off.ok).toBe(true);
    await search.idle();
    expect(await readdir(out)).not.toContain('search');
  });

  it('waits for saves to stop, then writes only the newest index', async () => {
    const { root, session, out, search } = await start();
    await session.rebuild();
    const file = path.join(root, 'posts/2021-02-01-beta.md');
    for (const word of ['第一版', '第二版', '第三版']) {
      await writeFile(file, post({ title: 'Beta' }, `ELF 文件。\n\n${word}。\n`));
      await session.rebuild({ files: [file] });
    }
    await search.idle();
    const { text } = await indexText(out);
    expect(text).toContain('第三版。');
    expect(text).not.toMatch(/第一版|第二版/);
    expect(search.updates).toBe(1);
  });
});
