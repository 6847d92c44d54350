/** End-to-end: the real build on fixture sites in temp folders, output parsed as HTML and XML. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { slug } from 'github-slugger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuildReport, build } from '../../src/build.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { byTag, findAll, hasClass, makeSite, post, REPO, readHtml, text, writeFiles } from '../helpers/site.js';

const run = promisify(execFile);
const CLI = path.join(REPO, 'src/cli/main.ts');

/** Builds a fixture site with the real pipeline (one worker, no persistent cache). */
async function buildSite(root: string, extra: Parameters<typeof build>[0] = {}): Promise<BuildReport> {
  return build({ root, workers: 1, cache: false, now: Date.parse('2026-01-01T00:00:00Z'), ...extra });
}

/** Every file below a folder with its bytes, for byte-for-byte comparisons. */
async function snapshot(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const result = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, file), { bytes: await readFile(file), mtimeMs: (await stat(file)).mtimeMs });
  }
  return result;
}

const messages = (report: BuildReport) => report.diagnostics.map(formatDiagnostic);

describe('the sample blog', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'inkstone-out-'));
    report = await build({ root: REPO, outDir: out, workers: 1, cache: false });
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('builds without errors', () => {
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.posts).toBe(4);
  });

  it('puts the seed post at its Jekyll URL with GitHub heading ids and self-links', async () => {
    const tree = await readHtml(out, 'basic/2020/01/01/some-drafts.html');
    const headings = findAll(tree, (el) => /^h[2-6]$/.test(el.tagName) && el.properties.id !== undefined);
    const ids = headings.map((h) => h.properties.id);
    expect(ids).toEqual([
      '内核抢占',
      'elf文件的加载',
      'uce故障处理',
      'iommu',
      'printk触发死锁',
      'unix-domain-socket介绍',
      'dracutinitrd',
      'fuse',
      'docker',
      '调研',
      '调研方法',
      '交流',
    ]);
    for (const heading of headings) {
      const anchor = byTag(heading, 'a').find((a) => hasClass(a, 'anchor'));
      expect(anchor?.properties.href).toBe(`#${heading.properties.id}`);
      const label = text({ ...heading, children: heading.children.filter((c) => c !== anchor) });
      expect(slug(label)).toBe(heading.properties.id);
    }
  });

  it('highlights shell code with both themes and keeps raw HTML', async () => {
    const tree = await readHtml(out, 'basic/2020/01/01/some-drafts.html');
    const shell = byTag(tree, 'pre').find((pre) => hasClass(pre, 'shiki'));
    expect(shell).toBeDefined();
    expect(text(shell!)).toBe('mount -t fusectl none /sys/fs/fuse/connections');
    const spans = findAll(shell!, (el) => el.tagName === 'span' && String(el.properties.style ?? '').includes('--shiki-dark'));
    expect(spans.length).toBeGreaterThan(3);
    const img = byTag(tree, 'img').find((i) => String(i.properties.src).endsWith('stargz.png'));
    expect(img?.properties.style).toBe('zoom:33%');
  });

  it('lists every post newest first on the index', async () => {
    const tree = await readHtml(out, 'index.html');
    const list = findAll(tree, (el) => el.tagName === 'ul' && hasClass(el, 'post-list'))[0]!;
    const times = byTag(list, 'time').map((t) => String(t.properties.dateTime));
    expect(times).toEqual([...times].sort().reverse());
    expect(times).toHaveLength(4);
    expect(
      byTag(list, 'a')
        .filter((a) => !hasClass(a, 'term'))
        .map((a) => a.properties.href),
    ).toContain('/basic/2020/01/01/some-drafts.html');
  });

  it('writes well-formed feed and sitemap XML with absolute URLs', async () => {
    for (const file of ['feed.xml', 'sitemap.xml']) {
      const xml = await readFile(path.join(out, file), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
    }
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(out, 'feed.xml'), 'utf8'));
    const entries = feed.feed.entry as { published: string; link: { '@_href': string } }[];
    expect(entries.map((e) => e.published)).toEqual([...entries.map((e) => e.published)].sort().reverse());
    expect(entries.find((e) => e.link['@_href'].endsWith('/basic/2020/01/01/some-drafts.html'))?.published).toBe('2020-01-01T16:00:00+08:00');
  });

  it('writes category, tag, archive and 404 pages, and copies theme assets', async () => {
    for (const file of [
      'categories/index.html',
      'categories/basic/index.html',
      'categories/kernel/index.html',
      'tags/index.html',
      'tags/笔记/index.html',
      'archive/index.html',
      '404.html',
      'assets/style.css',
      'robots.txt',
    ]) {
      await expect(stat(path.join(out, file)), file).resolves.toBeTruthy();
    }
    const archive = await readHtml(out, 'archive/index.html');
    expect(byTag(archive, 'h2').map(text)).toEqual(['2023', '2022', '2021', '2020']);
  });

  it('writes nothing but site content: the repository around the blog stays out', async () => {
    const top = (await readdir(out)).sort();
    expect(top).toEqual([
      '404.html',
      'archive',
      'assets',
      'basic',
      'categories',
      'feed.xml',
      'index.html',
      'kernel',
      'robots.txt',
      'search',
      'shell',
      'sitemap.xml',
      'tags',
    ]);
    // The theme's assets, and nothing else.
    const assets = (await readdir(path.join(out, 'assets'))).sort();
    expect(assets).toEqual((await readdir(path.join(REPO, 'layouts/assets'))).sort());
    expect(assets).toEqual(expect.arrayContaining(['favicon.svg', 'inkstone.js', 'style.css']));
  });
});

describe('URLs and dates', () => {
  const styles: [string, string][] = [
    ['date', 'linux/2020/01/01/hello.html'],
    ['pretty', 'linux/2020/01/01/hello/index.html'],
    ['ordinal', 'linux/2020/001/hello.html'],
    ['weekdate', 'linux/2020/W01/Wed/hello.html'],
    ['none', 'linux/hello.html'],
    ['/:year/:i_month/:i_day/:title/', '2020/1/1/hello/index.html'],
    ['/notes/:short_year/:slug:output_ext', 'notes/20/hello.html'],
  ];
  it.each(styles)('permalink %s → %s', async (permalink, expected) => {
    const root = await makeSite({
      '_config.yml': `permalink: "${permalink}"\n`,
      'posts/2020-01-01-hello.md': post({ title: 'Hi', categories: 'Linux' }, 'text\n'),
    });
    const report = await buildSite(root);
    expect(messages(report)).toEqual([]);
    await expect(stat(path.join(root, 'public', expected))).resolves.toBeTruthy();
  });

  it('keeps Chinese in :title and categories', async () => {
    const root = await makeSite({ 'posts/2021-02-03-内核 笔记.md': post({ title: 'x', category: '内核' }, 'text\n') });
    expect((await buildSite(root)).ok).toBe(true);
    await expect(stat(path.join(root, 'public/内核/2021/02/03/内核 笔记.html'))).resolves.toBeTruthy();
    await expect(stat(path.join(root, 'public/categories/内核/index.html'))).resolves.toBeTruthy();
  });

  it('puts dates on the day they were written whatever the machine time zone', async () => {
    const root = await makeSite({
      '_config.yml': 'timezone: Asia/Shanghai\n',
      'posts/late.md': post({ title: 'late', date: '2020-05-20 23:50:00' }, 'x\n'),
      'posts/offset.md': post({ title: 'offset', date: '2020-01-01 00:30:00 +0800' }, 'x\n'),
    });
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      await run(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', root, '--workers', '0', '--no-cache'], {
        env: { ...process.env, TZ: tz },
        cwd: REPO,
      });
      await expect(stat(path.join(root, 'public/2020/05/20/late.html')), tz).resolves.toBeTruthy();
      await expect(stat(path.join(root, 'public/2020/01/01/offset.html')), tz).resolves.toBeTruthy();
      const tree = await readHtml(root, 'public/2020/05/20/late.html');
      expect(byTag(tree, 'time')[0]?.properties.dateTime).toBe('2020-05-20T23:50:00+08:00');
    }
  });

  it('applies baseurl to every link the site writes', async () => {
    const root = await makeSite({ 'posts/2020-01-01-a.md': post({ title: 'A', category: '内核', tags: '[x]' }, 'x\n') });
    expect((await buildSite(root, { baseurl: '/notes/' })).ok).toBe(true);
    for (const page of ['index.html', '内核/2020/01/01/a.html', 'categories/index.html', '404.html']) {
      const tree = await readHtml(root, `public/${page}`);
      const refs = findAll(tree, (el) => typeof el.properties.href === 'string' || typeof el.properties.src === 'string')
        .map((el) => String(el.properties.href ?? el.properties.src))
        .filter((ref) => ref.startsWith('/'));
      expect(refs.length, page).toBeGreaterThan(3);
      for (const ref of refs) expect(ref, `${page}: ${ref}`).toMatch(/^\/notes\//);
    }
  });
});

describe('escaping', () => {
  it('escapes a title containing <script> everywhere it appears', async () => {
    const title = '<script>alert(1)</script> & "quotes"';
    const root = await makeSite({ 'posts/2020-01-01-x.md': post({ title: `'${title}'`, category: 'a' }, 'body\n') });
    expect((await buildSite(root)).ok).toBe(true);
    for (const page of ['a/2020/01/01/x.html', 'index.html', 'categories/a/index.html', 'archive/index.html']) {
      const tree = await readHtml(root, `public/${page}`);
      // The theme's own script (copy buttons, table of contents) is the only one, and it has no inline code.
      expect(
        byTag(tree, 'script').map((el) => [el.properties.src, text(el)]),
        page,
      ).toEqual([['/assets/inkstone.js', '']]);
      expect(findAll(tree, (el) => text(el) === title).length, page).toBeGreaterThan(0);
    }
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await readFile(path.join(root, 'public/feed.xml'), 'utf8'));
    expect(feed.feed.entry.title['#text']).toBe(title);
  });
});

describe('bad input', () => {
  it('reports every bad file in one run as path:line, and exits without writing', async () => {
    const root = await makeSite({
      'posts/2020-01-01-good.md': post({ title: 'good' }, 'ok\n'),
      'posts/2020-01-02-yaml.md': '---\ntitle: ok\ntags: [a, b\n---\nbody\n',
      'posts/nodate.md': post({ title: 'no date' }, 'body\n'),
      'posts/2020-01-03-layout.md': post({ title: 'x', layout: 'nope' }, 'body\n'),
      'posts/2020-01-04-bytes.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
      'posts/2020-01-05-escape.md': post({ title: 'x', permalink: '/../../etc/x.html' }, 'body\n'),
      'posts/2020-01-06-cat.md': post({ title: 'x', category: '..' }, 'body\n'),
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    const errors = report.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors).toEqual([
      expect.stringMatching(/^posts\/2020-01-02-yaml\.md:3: invalid front matter/),
      expect.stringMatching(/^posts\/2020-01-03-layout\.md:3: layout "nope" does not exist/),
      expect.stringMatching(/^posts\/2020-01-04-bytes\.md: file is not valid UTF-8/),
      expect.stringMatching(/^posts\/2020-01-05-escape\.md:3: refusing URL/),
      expect.stringMatching(/^posts\/2020-01-06-cat\.md:3: category or tag "\.\."/),
      expect.stringMatching(/^posts\/nodate\.md:1: post has no date/),
    ]);
    await expect(stat(path.join(root, 'public'))).rejects.toThrow();
  });

  it('reports a Liquid error in a layout with the layout file and line', async () => {
    const root = await makeSite({
      'posts/2020-01-01-a.md': post({ title: 'a', layout: 'broken' }, 'x\n'),
      'layouts/broken.html': '---\nlayout: default\n---\n<p>\n{% if page.title %}\n',
    });
    const report = await buildSite(root);
    expect(report.ok).toBe(false);
    expect(messages(report)).toEqual([expect.stringMatching(/^layouts\/broken\.html:5: Liquid syntax error/)]);
  });

  it('leaves the previous public/ exactly as it was after a failed build', async () => {
    const root = await makeSite({ 'posts/2020-01-01-a.md': post({ title: 'a' }, 'first\n') });
    expect((await buildSite(root)).ok).toBe(true);
    const before = await snapshot(path.join(root, 'public'));
    await writeFiles(root, { 'posts/2020-01-01-a.md': post({ title: 'a' }, 'changed\n'), 'posts/2020-01-02-b.md': '---\ntitle: [\n---\n' });
    expect((await buildSite(root)).ok).toBe(false);
    expect(await snapshot(path.join(root, 'public'))).toEqual(before);
    expect((await readdir(root)).filter((n) => n.startsWith('.public'))).toEqual([]);
  });

  it.each([
    [
      'a 1 MB post',
      'a',
      `${'## 标题\n\n内核抢占：在进程执行内核代码的时候，允许被另一个进程抢占。\n\n'.repeat(9000)}\n\`\`\`sh\n${'echo hi\n'.repeat(2000)}\`\`\`\n`,
    ],
    ['a 20,000-character line', 'a', `${'内核 kernel '.repeat(2000)}\n\n\`\`\`bash\n${'x'.repeat(20000)}\n\`\`\`\n`],
    ['thousands of nesting levels', 'a', `${'>'.repeat(3000)} deep\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`],
    ['CRLF line endings', 'a', '## 标题\r\n\r\n* one\r\n* two\r\n'],
    ['front matter only', 'a', ''],
  ])('builds %s', async (_name, title, body) => {
    const root = await makeSite({ 'posts/2020-01-01-x.md': post({ title }, body).replace(/\n/g, body.includes('\r\n') ? '\r\n' : '\n') });
    const report = await buildSite(root);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const tree = await readHtml(root, 'public/2020/01/01/x.html');
    expect(byTag(tree, 'h1').map(text)).toContain(title);
  });

  it('builds a file with a BOM, spaces and CJK in its name', async () => {
    const root = await makeSite({ 'posts/2020-01-01-我的 笔记.md': `\uFEFF${post({ title: 'bom' }, '## 小节\n')}` });
    expect(messages(await buildSite(root))).toEqual([]);
    const tree = await readHtml(root, 'public/2020/01/01/我的 笔记.html');
    expect(byTag(tree, 'h2').map((h) => h.properties.id)).toEqual(['小节']);
  });

  it('warns about and skips future posts unless asked', async () => {
    const root = await makeSite({ 'posts/2099-01-01-later.md': post({ title: 'later' }, 'x\n'), 'posts/2020-01-01-now.md': post({ title: 'now' }, 'x\n') });
    const report = await buildSite(root);
    expect(report.posts).toBe(1);
    expect(messages(report)).toEqual([expect.stringMatching(/^posts\/2099-01-01-later\.md:1: warning: skipped: dated in the future/)]);
    expect((await buildSite(root, { future: true })).posts).toBe(2);
  });
});

describe('determinism and caching', () => {
  it('writes the same bytes with a worker pool as in one thread', async () => {
    const root = await makeSite({});
    const a = path.join(root, 'one');
    const b = path.join(root, 'pool');
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect((await build({ root: REPO, outDir: a, workers: 0, cache: false, now })).ok).toBe(true);
    expect((await build({ root: REPO, outDir: b, workers: 2, cache: false, now })).ok).toBe(true);
    const one = await snapshot(a);
    const pool = await snapshot(b);
    expect([...pool.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, { bytes }] of one) expect(pool.get(file)!.bytes.equals(bytes), file).toBe(true);
  });

  it('serves a warm build from the cache, rebuilds corrupted entries, and keeps unchanged files', async () => {
    const root = await makeSite({ 'posts/2020-01-01-a.md': post({ title: 'a' }, '```sh\nls\n```\n'), 'posts/2020-01-02-b.md': post({ title: 'b' }, 'b\n') });
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect((await build({ root, workers: 1, now })).write?.written).toBeGreaterThan(0);
    const before = await snapshot(path.join(root, 'public'));
    const cacheDir = path.join(root, '.cache/inkstone/render');
    const entries = (await readdir(cacheDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(entries).toHaveLength(2);
    const victim = path.join(entries[0]!.parentPath, entries[0]!.name);
    await writeFile(victim, (await readFile(victim, 'utf8')).slice(0, 100));
    const warm = await build({ root, workers: 1, now });
    expect(warm.ok).toBe(true);
    expect(warm.write?.written).toBe(0);
    const after = await snapshot(path.join(root, 'public'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, entry] of before) {
      expect(after.get(file)!.bytes.equals(entry.bytes), file).toBe(true);
      expect(after.get(file)!.mtimeMs, file).toBe(entry.mtimeMs);
    }
  });
});

describe('warm builds', () => {
  it('reuse unchanged pages but notice an edited include', async () => {
    const root = await makeSite({
      'posts/2020-01-01-a.md': post({ title: 'a' }, 'a\n'),
      'layouts/_includes/post-list.html': '<ul class="post-list">{% for post in include.posts %}<li>{{ post.title | escape }}</li>{% endfor %}</ul>\n',
    });
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect((await build({ root, workers: 0, now })).ok).toBe(true);
    expect((await build({ root, workers: 0, now })).write?.written).toBe(0);
    // A warm build still checks links in the pages it reuses.
    await writeFiles(root, { 'posts/2020-01-02-b.md': post({ title: 'b' }, '[gone](./2020-01-01-nope.md)\n') });
    const warned = [expect.stringMatching(/^posts\/2020-01-02-b\.md:4: warning: link to "\.\/2020-01-01-nope\.md"/)];
    expect((await build({ root, workers: 0, now })).diagnostics.map(formatDiagnostic)).toEqual(warned);
    const again = await build({ root, workers: 0, now });
    expect(again.write?.written).toBe(0);
    expect(again.diagnostics.map(formatDiagnostic)).toEqual(warned);
    await writeFiles(root, { 'posts/2020-01-02-b.md': post({ title: 'b' }, '[a](./2020-01-01-a.md)\n') });
    expect((await build({ root, workers: 0, now })).diagnostics).toEqual([]);
    expect((await build({ root, workers: 0, now })).diagnostics).toEqual([]);
    await writeFiles(root, {
      'layouts/_includes/post-list.html': '<ol class="post-list">{% for post in include.posts %}<li>{{ post.title | escape }}</li>{% endfor %}</ol>\n',
    });
    const report = await build({ root, workers: 0, now });
    expect(report.write?.written).toBeGreaterThan(0);
    const index = await readHtml(root, 'public/index.html');
    expect(findAll(index, (el) => hasClass(el, 'post-list')).map((el) => el.tagName)).toEqual(['ol']);
  });
});

describe('command line', () => {
  it('prints help and exits 0', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, '--help'], { cwd: REPO });
    expect(stdout).toMatch(/^inkstone — /);
    expect(stdout).toMatch(/--base PATH/);
  });

  it('exits 2 on bad usage', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', CLI, 'build', '--nope'], { cwd: REPO })).rejects.toMatchObject({ code: 2 });
  });

  it('exits 1 with path:line messages and no stack trace on a broken site, and prints a summary on success', async () => {
    const root = await makeSite({ 'posts/2020-01-01-a.md': '---\ntitle: "unclosed\n---\n' });
    const failure = await run(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', root, '--workers', '0'], { cwd: REPO }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    const lines = (failure as { stderr: string }).stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^posts\/2020-01-01-a\.md:\d+: invalid front matter/);
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
    await writeFiles(root, { 'posts/2020-01-01-a.md': post({ title: 'fine' }, 'x\n') });
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, 'build', '--src', root, '--workers', '0'], { cwd: REPO });
    expect(stdout).toMatch(/^built 1 post, \d+ pages in \d+ ms → \S+public\/ \(inkstone dev --src \S+ to preview\)\n$/);
  });
});
