/**
 * Ground truth: what real Jekyll (4.3, Debian's jekyll + minima + jekyll-feed + jekyll-seo-tag + jekyll-sitemap)
 * builds from test/fixtures/jekyll-blog. Nothing here runs inkstone: these assertions document the reference output
 * that inkstone's Jekyll mode must reproduce (see test/jekyll/GROUND-TRUTH.md for the prose version). Skipped when
 * `jekyll` is not installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWithJekyll,
  jekyllAvailable,
  jekyllVersion,
  listFiles,
  mtimeDayPath,
  type PageExtractOptions,
  parseHtmlFile,
  readFeed,
  readSiteFile,
  readSitemap,
  type SiteSnapshot,
  snapshotSite,
  visibleText,
} from '../helpers/jekyll.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/jekyll-blog');
const ORIGIN = 'https://example.github.io';
const BASE = '/notes';
const OPTS: PageExtractOptions = { baseurl: BASE, siteUrl: ORIGIN };

/** The 15 posts Jekyll publishes by default (no future, no drafts, no unpublished), as site paths. */
const POSTS = [
  '/2022/02/22/systemd-unit.html',
  '/basic/2020/01/01/some-drafts.html',
  '/c/2020/04/04/strict-aliasing.html',
  '/debug/2021/07/07/strace.html',
  '/gdb/tips/',
  '/jekyll/2020/06/18/blog-setup.html',
  '/kernel/2021/10/24/mmap-notes.html',
  '/kernel/debug/2022/05/01/kdump-crash.html',
  '/kernel/mm/2020/05/21/oom-killer.html',
  '/kernel/mm/2021/06/01/page-cache.html',
  '/kernel/sched/2021/03/14/preempt-count.html',
  '/kernel/trace/2021/08/15/ftrace.html',
  '/linux/容器/2020/08/10/cgroup-v2.html',
  '/shell/2020/12/01/bash-trap.html',
  '/shell/linux/2020/03/03/pipe-and-redirect.html',
];
const PAGES = ['/', '/404.html', '/about/', '/archive/', '/categories.html', '/notes/'];

function html(site: string, url: string): Root {
  return parseHtmlFile(site, url);
}

function attr(tree: Root, selector: string, name: string): string | undefined {
  const el = select(selector, tree);
  const value = el?.properties[name];
  return value === undefined || value === null ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
}

describe.skipIf(!jekyllAvailable())('Jekyll builds the fixture blog (ground truth)', () => {
  let tmp: string;
  /** --baseurl /notes */
  let site: string;
  /** --baseurl /notes --future --drafts */
  let future: string;
  /** no --baseurl (_config.yml's baseurl: "") */
  let root: string;
  let snap: SiteSnapshot;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'inkstone-jekyll-'));
    site = path.join(tmp, 'base');
    future = path.join(tmp, 'future');
    root = path.join(tmp, 'root');
    const before = listFiles(FIXTURE);
    const builds = await Promise.all([
      buildWithJekyll(FIXTURE, site, { baseurl: BASE }),
      buildWithJekyll(FIXTURE, future, { baseurl: BASE, extraArgs: ['--future', '--drafts'] }),
      buildWithJekyll(FIXTURE, root),
    ]);
    // Jekyll must not write into the fixture (no .jekyll-cache, no .sass-cache).
    expect(listFiles(FIXTURE)).toEqual(before);
    // A clean build: no Liquid warnings, no deprecation messages.
    for (const b of builds) expect(`${b.stdout}\n${b.stderr}`).not.toMatch(/warn|error|deprecat/i);
    expect(builds[0]!.stderr).toContain('Skipping: _posts/2099-01-01-io-uring-future.md has a future date');
    snap = snapshotSite(site, OPTS);
  }, 120_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('is Jekyll 4.3', () => {
    expect(jekyllVersion()).toMatch(/^4\.3\./);
  });

  describe('URLs', () => {
    it('gives every post its :categories/:year/:month/:day/:title.html URL (or its permalink)', () => {
      expect(snap.posts).toEqual(POSTS);
      expect(snap.pages).toEqual(PAGES);
    });

    it('moves the offset-less dates near midnight to the next day (read as UTC, shown in Asia/Shanghai)', () => {
      // date: 2020-05-20 23:50:00 → 2020-05-21 07:50 +08:00; date: 2020-11-30 23:30:00 → 2020-12-01 07:30 +08:00.
      const oom = html(site, '/kernel/mm/2020/05/21/oom-killer.html');
      expect(attr(oom, 'time.dt-published', 'dateTime')).toBe('2020-05-21T07:50:00+08:00');
      const trap = html(site, '/shell/2020/12/01/bash-trap.html');
      expect(attr(trap, 'time.dt-published', 'dateTime')).toBe('2020-12-01T07:30:00+08:00');
      // date: 2022-05-01 00:30:00 → 08:30 the same day: only times from 16:00 on change the day.
      const kdump = html(site, '/kernel/debug/2022/05/01/kdump-crash.html');
      expect(attr(kdump, 'time.dt-published', 'dateTime')).toBe('2022-05-01T08:30:00+08:00');
      // A date from the file name only is midnight in the site's timezone.
      const pc = html(site, '/kernel/mm/2021/06/01/page-cache.html');
      expect(attr(pc, 'time.dt-published', 'dateTime')).toBe('2021-06-01T00:00:00+08:00');
    });

    it('percent-encodes a Chinese category in hrefs but writes the file under the raw name', () => {
      expect(listFiles(site)).toContain('/linux/容器/2020/08/10/cgroup-v2.html');
      const home = html(site, '/');
      const hrefs = selectAll('a.post-link', home).map((a) => String(a.properties.href));
      expect(hrefs).toContain('/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2.html');
      expect(hrefs).toContain('/notes/gdb/tips/');
    });

    it('skips future, unpublished and draft posts by default, and builds future + drafts when asked', () => {
      const all = listFiles(site).join('\n');
      expect(all).not.toContain('io-uring');
      expect(all).not.toContain('ebpf');
      const withFuture = snapshotSite(future, OPTS).posts;
      // The draft has no date: Jekyll dates it by the file's mtime, in the site's timezone.
      const draftDay = mtimeDayPath(path.join(FIXTURE, '_drafts/io-uring-notes.md'), 'Asia/Shanghai');
      expect(withFuture).toEqual([...POSTS, `/kernel/io/${draftDay}/io-uring-notes.html`, '/kernel/io/2099/01/01/io-uring-future.html'].sort());
      expect(withFuture.join('\n')).not.toContain('ebpf');
    });

    it('writes nothing for redirect_from (jekyll-redirect-from is not installed)', () => {
      const files = listFiles(site);
      expect(files).not.toContain('/strace.html');
      expect(files).not.toContain('/debug/strace/index.html');
    });
  });

  describe('static files', () => {
    it('copies static files, compiles the .scss, adds robots.txt, and excludes config, underscore, dot and excluded files', () => {
      expect(snap.otherFiles).toEqual([
        '/CNAME',
        '/assets/img/diagram.png',
        '/assets/js/app.js',
        '/assets/main.css',
        '/assets/main.css.map',
        '/assets/minima-social-icons.svg',
        '/favicon.ico',
        '/feed.xml',
        '/notes/snippet.md',
        '/robots.txt',
        '/sitemap.xml',
      ]);
      // exclude: (scripts/, TODO.md, README.md, biome.json), dotfiles, underscore folders, and the .scss source.
      for (const gone of ['/scripts/deploy.sh', '/TODO.md', '/README.md', '/biome.json', '/.gitignore', '/_config.yml', '/assets/main.scss']) {
        expect(listFiles(site)).not.toContain(gone);
      }
      expect(readSiteFile(site, '/robots.txt').trim()).toBe('Sitemap: https://example.github.io/notes/sitemap.xml');
      expect(readSiteFile(site, '/CNAME')).toBe('notes.example.com\n');
    });

    it('compiles assets/main.scss (minima + _sass/custom.scss, variables overridden) to assets/main.css with a source map', () => {
      const css = readSiteFile(site, '/assets/main.css');
      expect(css).toContain('.note { margin: 1em 0; padding: 0.6em 1em; border-radius: 4px; background: #e8f4fd; }');
      expect(css).toContain('#markdown-toc { border: 1px solid #e8e8e8; padding: 1em 2em; }');
      expect(css).toContain('max-width: -webkit-calc(860px - (30px * 2))');
      expect(css).toContain('font: 400 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif;');
      expect(css.trimEnd().endsWith('/*# sourceMappingURL=main.css.map */')).toBe(true);
    });
  });

  describe('feed.xml (jekyll-feed 0.17)', () => {
    it('has the 10 newest posts; ids are post.id (the URL without .html) made absolute', () => {
      const feed = readFeed(site);
      expect(feed.id).toBe('https://example.github.io/notes/feed.xml');
      expect(feed.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/); // site.time: the build time
      expect(feed.entries.map((e) => e.id)).toEqual([
        'https://example.github.io/notes/kernel/debug/2022/05/01/kdump-crash',
        'https://example.github.io/notes/2022/02/22/systemd-unit',
        'https://example.github.io/notes/kernel/2021/10/24/mmap-notes',
        'https://example.github.io/notes/kernel/trace/2021/08/15/ftrace',
        'https://example.github.io/notes/debug/2021/07/07/strace',
        'https://example.github.io/notes/kernel/mm/2021/06/01/page-cache',
        // permalink: /gdb/tips/ → id is dirname(url) + file slug, not the URL.
        'https://example.github.io/notes/gdb/gdb-tips',
        'https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count',
        'https://example.github.io/notes/shell/2020/12/01/bash-trap',
        'https://example.github.io/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2',
      ]);
      const gdb = feed.entries.find((e) => e.title === 'GDB 调试技巧');
      expect(gdb?.link).toBe('https://example.github.io/notes/gdb/tips/');
    });

    it('uses last_modified_at for <updated>, the post date otherwise', () => {
      const feed = readFeed(site);
      const ftrace = feed.entries.find((e) => e.id.endsWith('/ftrace'));
      expect(ftrace).toMatchObject({ published: '2021-08-15T14:00:00+08:00', updated: '2022-01-05T10:00:00+08:00' });
      const trap = feed.entries.find((e) => e.id.endsWith('/bash-trap'));
      expect(trap).toMatchObject({ published: '2020-12-01T07:30:00+08:00', updated: '2020-12-01T07:30:00+08:00' });
      expect(trap?.categories).toEqual(['shell', 'bash', 'signal']);
    });

    it('without a baseurl the ids have none', () => {
      expect(readFeed(root).entries[0]?.id).toBe('https://example.github.io/kernel/debug/2022/05/01/kdump-crash');
    });

    it('with --future --drafts the future post and the draft lead the feed', () => {
      const ids = readFeed(future).entries.map((e) => e.id);
      expect(ids[0]).toBe('https://example.github.io/notes/kernel/io/2099/01/01/io-uring-future');
      expect(ids[1]).toMatch(/^https:\/\/example\.github\.io\/notes\/kernel\/io\/\d{4}\/\d\d\/\d\d\/io-uring-notes$/);
      expect(ids).toHaveLength(10);
    });
  });

  describe('sitemap.xml (jekyll-sitemap 1.4)', () => {
    it('lists posts (lastmod = last_modified_at or date) and pages (no lastmod), not the 404 page', () => {
      const urls = readSitemap(site);
      const byLoc = Object.fromEntries(urls.map((u) => [u.loc, u.lastmod]));
      expect(Object.keys(byLoc).sort()).toEqual([...POSTS, ...PAGES.filter((p) => p !== '/404.html')].map((p) => `${ORIGIN}${BASE}${encodeURI(p)}`).sort());
      expect(byLoc['https://example.github.io/notes/kernel/trace/2021/08/15/ftrace.html']).toBe('2022-01-05T10:00:00+08:00');
      expect(byLoc['https://example.github.io/notes/kernel/mm/2020/05/21/oom-killer.html']).toBe('2020-05-21T07:50:00+08:00');
      expect(byLoc['https://example.github.io/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2.html']).toBe('2020-08-10T09:30:00+08:00');
      expect(byLoc['https://example.github.io/notes/about/']).toBeUndefined();
      expect('https://example.github.io/notes/about/' in byLoc).toBe(true);
    });
  });

  describe('head (minima 2.5 + jekyll-seo-tag 2.8)', () => {
    it('writes title, canonical, Open Graph, article time and JSON-LD for a post', () => {
      const t = html(site, '/kernel/sched/2021/03/14/preempt-count.html');
      expect(snap.byUrl['/kernel/sched/2021/03/14/preempt-count.html']?.title).toBe('preempt_count 与内核抢占 | 内核与 Shell 笔记');
      expect(attr(t, 'html', 'lang')).toBe('zh-CN');
      expect(attr(t, 'link[rel="canonical"]', 'href')).toBe('https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html');
      expect(attr(t, 'meta[property="og:type"]', 'content')).toBe('article');
      expect(attr(t, 'meta[property="og:locale"]', 'content')).toBe('zh_CN');
      expect(attr(t, 'meta[property="article:published_time"]', 'content')).toBe('2021-03-14T22:30:00+08:00');
      expect(attr(t, 'meta[name="author"]', 'content')).toBe('李雷'); // from defaults
      // The excerpt is the first paragraph of the source: here the no_toc heading "目录".
      expect(attr(t, 'meta[name="description"]', 'content')).toBe('目录');
      expect(attr(t, 'link[type="application/atom+xml"]', 'href')).toBe('https://example.github.io/notes/feed.xml');
      const ld = JSON.parse(visibleText(select('script[type="application/ld+json"]', t)!, ''));
      expect(ld).toEqual({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        author: { '@type': 'Person', name: '李雷' },
        dateModified: '2021-03-14T22:30:00+08:00',
        datePublished: '2021-03-14T22:30:00+08:00',
        description: '目录',
        headline: 'preempt_count 与内核抢占',
        mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html' },
        url: 'https://example.github.io/notes/kernel/sched/2021/03/14/preempt-count.html',
      });
    });

    it('titles pages "page | site" and the home page "site | description"', () => {
      expect(snap.byUrl['/']?.title).toBe('内核与 Shell 笔记 | 记录 Linux 内核、Shell 与 C 语言的学习笔记， 多为工作中遇到的问题和排查过程。');
      expect(snap.byUrl['/about/']?.title).toBe('关于 | 内核与 Shell 笔记');
      expect(snap.byUrl['/404.html']?.title).toBe('页面不存在 | 内核与 Shell 笔记');
      expect(attr(html(site, '/notes/'), 'meta[name="author"]', 'content')).toBe('韩梅梅'); // defaults scope path: notes
    });
  });

  describe('Liquid', () => {
    const setup = '/jekyll/2020/06/18/blog-setup.html';

    it('{% highlight c %} is a figure.highlight > pre > code.language-c[data-lang]; linenos is a rouge-table', () => {
      const t = html(site, '/kernel/sched/2021/03/14/preempt-count.html');
      const code = select('[itemprop="articleBody"] figure.highlight > pre > code.language-c', t);
      expect(code?.properties.dataLang).toBe('c');
      const p = html(site, '/shell/linux/2020/03/03/pipe-and-redirect.html');
      const table = select('figure.highlight > pre > code.language-shell > table.rouge-table', p);
      expect(table).toBeDefined();
      expect(visibleText(select('td.gutter.gl > pre.lineno', table!)!, '')).toBe('1 2 3 4 5');
      expect(select('td.code > pre', table!)).toBeDefined();
      // The harness drops the gutter from code text.
      const blocks = snap.byUrl['/shell/linux/2020/03/03/pipe-and-redirect.html']!.codeBlocks;
      expect(blocks[2]).toEqual({
        lang: 'shell',
        text: '#!/bin/bash\nexec 3> /tmp/log.txt      # 打开 fd 3 用于写\necho "hello" >&3\nexec 3>&-                 # 关闭 fd 3\ncat /tmp/log.txt',
      });
    });

    it('fenced code is div.language-X.highlighter-rouge > div.highlight > pre.highlight > code', () => {
      const p = html(site, '/shell/linux/2020/03/03/pipe-and-redirect.html');
      expect(selectAll('div.language-console.highlighter-rouge > div.highlight > pre.highlight > code', p)).toHaveLength(1);
      expect(selectAll('div.language-shell.highlighter-rouge > div.highlight > pre.highlight > code', p)).toHaveLength(2);
      expect(snap.byUrl['/shell/linux/2020/03/03/pipe-and-redirect.html']!.codeBlocks.map((b) => b.lang)).toEqual(['console', 'shell', 'shell', 'shell']);
      // Inline code: code.language-plaintext.highlighter-rouge
      expect(select('p > code.language-plaintext.highlighter-rouge', p)).toBeDefined();
    });

    it('evaluates {{ site.baseurl }} in code spans and links, {{ page.title }}, assign/capture/comment and filters', () => {
      const text = snap.byUrl[setup]!.text;
      expect(text).toContain('《用 Jekyll 搭建笔记博客》写于 2020年06月18日，记录这个博客的搭建过程。本站目前有 6 篇内核相关的文章。');
      expect(text).toContain('站点的 baseurl 是 /notes，所以链接要写成 回到首页');
      expect(text).not.toContain('上面两行只是准备变量');
      expect(text).toContain('slugify：page-cache-与回写');
      expect(text).toContain('默认算作 4 个词，cjk 模式下是 17 个词');
      expect(text).toContain('jsonify：["李雷","韩梅梅"]');
      // xml_escape output inside a Markdown code span is escaped again: the reader sees the entities.
      expect(text).toContain('xml_escape：a &lt; b &amp;&amp; c &gt; d');
      expect(text).toContain('内核（3 个）： LWN.net、 Linux 内核文档、 Bootlin Elixir Shell（2 个）： Bash 参考手册、 ShellCheck C（1 个）： cppreference');
      const t = html(site, setup);
      expect(attr(t, '[itemprop="articleBody"] time', 'dateTime')).toBe('2020-06-18T12:00:00+08:00');
      expect(snap.byUrl['/2022/02/22/systemd-unit.html']!.text).toContain('本页标题：systemd 单元文件速查。');
    });

    it('keeps {% raw %} text literal, also inside fenced code, and eats {{ }} in fenced code without raw', () => {
      const page = snap.byUrl[setup]!;
      expect(page.text).toContain('必须用 raw 包起来：{{ not liquid }}。');
      expect(page.codeBlocks[1]).toEqual({
        lang: 'liquid',
        text: '{% for post in site.posts %}\n  <a href="{{ post.url | relative_url }}">{{ post.title }}</a>\n{% endfor %}',
      });
      expect(page.codeBlocks[2]).toEqual({ lang: 'yaml', text: '- name: 设置主机名\n  hostname:\n    name: ""' });
    });

    it('{% post_url %} and {% link %} output the URL with the baseurl; {{ x | absolute_url }} with url + baseurl', () => {
      const t = html(site, setup);
      const hrefs = selectAll('[itemprop="articleBody"] a', t).map((a) => String(a.properties.href));
      expect(hrefs).toEqual([
        '/notes/',
        '/notes/about/',
        'https://example.github.io/notes/jekyll/2020/06/18/blog-setup.html',
        '/notes/basic/2020/01/01/some-drafts.html',
        '/notes/basic/2020/01/01/some-drafts.html',
        '/notes/about/',
        'https://lwn.net/',
        'https://docs.kernel.org/',
        'https://elixir.bootlin.com/linux/latest/source',
        'https://www.gnu.org/software/bash/manual/bash.html',
        'https://www.shellcheck.net/',
        'https://en.cppreference.com/w/c',
      ]);
      const rootHrefs = selectAll('[itemprop="articleBody"] a', html(root, setup)).map((a) => String(a.properties.href));
      expect(rootHrefs.slice(0, 6)).toEqual([
        '/',
        '/about/',
        'https://example.github.io/jekyll/2020/06/18/blog-setup.html',
        '/basic/2020/01/01/some-drafts.html',
        '/basic/2020/01/01/some-drafts.html',
        '/about/',
      ]);
      // post_url with a subfolder of _posts/, and link to a post in a subfolder.
      const pc = snap.byUrl['/kernel/mm/2021/06/01/page-cache.html']!;
      expect(pc.internalLinks.map((l) => l.target)).toEqual([
        '/assets/img/diagram.png',
        '/kernel/sched/2021/03/14/preempt-count.html',
        '/linux/容器/2020/08/10/cgroup-v2.html',
        '/linux/容器/2020/08/10/cgroup-v2.html',
      ]);
      // post_url / link to a post in linux/_posts/ with a Chinese category: percent-encoded, like post.url.
      const pcHrefs = selectAll('[itemprop="articleBody"] a', html(site, '/kernel/mm/2021/06/01/page-cache.html')).map((a) => String(a.properties.href));
      expect(pcHrefs.slice(2)).toEqual([
        '/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2.html',
        '/notes/linux/%E5%AE%B9%E5%99%A8/2020/08/10/cgroup-v2.html',
      ]);
      expect(pc.internalLinks[0]?.outsideBase).toBe(true); // written as /assets/img/diagram.png without relative_url
      expect(pc.internalImages).toEqual([{ target: '/assets/img/diagram.png', fragmentOnly: false, outsideBase: false }]);
      expect(snap.byUrl['/shell/2020/12/01/bash-trap.html']!.internalLinks.map((l) => l.target)).toEqual(['/shell/linux/2020/03/03/pipe-and-redirect.html']);
      expect(snap.byUrl['/kernel/2021/10/24/mmap-notes.html']!.internalLinks.map((l) => l.target)).toContain('/kernel/mm/2021/06/01/page-cache.html');
      // post_url from the post in linux/_posts/ to a post in _posts/.
      expect(attr(html(site, '/linux/容器/2020/08/10/cgroup-v2.html'), '[itemprop="articleBody"] a', 'href')).toBe(
        '/notes/kernel/mm/2020/05/21/oom-killer.html',
      );
    });

    it('leaves relative .md links exactly as written (they are broken on the built site)', () => {
      const t = html(site, '/kernel/mm/2020/05/21/oom-killer.html');
      const hrefs = selectAll('[itemprop="articleBody"] a', t).map((a) => String(a.properties.href));
      expect(hrefs).toEqual(['./2020-01-01-some-drafts.md#内核抢占', '2020-01-01-some-drafts.md#elf文件的加载']);
      expect(snap.byUrl['/kernel/mm/2020/05/21/oom-killer.html']!.internalLinks.map((l) => l.target)).toEqual([
        '/kernel/mm/2020/05/21/2020-01-01-some-drafts.md#内核抢占',
        '/kernel/mm/2020/05/21/2020-01-01-some-drafts.md#elf文件的加载',
      ]);
    });

    it('renders {% include note.html %} with include.type / include.content (markdownified)', () => {
      const t = html(site, '/shell/2020/12/01/bash-trap.html');
      const note = select('[itemprop="articleBody"] div.note.note-warning[role="note"]', t);
      expect(note).toBeDefined();
      expect(visibleText(note!)).toBe('⚠️ 注意 SIGKILL 无法被捕获，kill -9 时 trap 不会执行。');
      expect(select('p > code.language-plaintext', note!)).toBeDefined();
      expect(select('p > strong', note!)).toBeDefined();
      const info = select('div.note.note-info', html(site, '/gdb/tips/'));
      expect(visibleText(info!)).toBe('💡 提示 GDB 的命令都可以缩写，例如 b 是 break，bt 是 backtrace。');
    });

    it('{% include_relative snippet.md %} pulls Markdown from next to the page (and the snippet is also copied)', () => {
      const notes = snap.byUrl['/notes/']!;
      expect(notes.text).toContain('查看端口占用：ss -lntp | grep :8080');
      expect(notes.codeBlocks).toEqual([{ lang: 'shell', text: '# 找出最近 1 天修改过的大文件\nfind /var/log -mtime -1 -size +100M -exec ls -lh {} \\;' }]);
      expect(readSiteFile(site, '/notes/snippet.md')).toContain('ss -lntp');
    });

    it('reads _data: YAML, nested YAML (site.data.kernel.versions), JSON and CSV', () => {
      expect(snap.byUrl['/kernel/sched/2021/03/14/preempt-count.html']!.text).toContain(
        '各版本的变化 5.4（2019年11月24日）：默认开启 lockdown LSM 5.10（2020年12月13日）：长期支持，常见于发行版 5.15（2021年10月31日）：引入 ntfs3 驱动 6.1（2022年12月11日）：初步支持 Rust',
      );
      const about = snap.byUrl['/about/']!.text;
      expect(about).toContain('李雷（作者）：@lilei-notes 韩梅梅（校对）：@hanmeimei');
      expect(about).toContain('LWN.net — 内核 Linux 内核文档 — 内核 Bootlin Elixir — 内核 Bash 参考手册 — Shell ShellCheck — Shell cppreference — C');
      const notes = html(site, '/notes/');
      const rows = selectAll('[itemprop="articleBody"] tbody tr, .post-content tbody tr', notes).map((tr) => visibleText(tr));
      expect(rows).toEqual([
        '清华大学 TUNA https://mirrors.tuna.tsinghua.edu.cn/ 北京',
        '中科大 USTC https://mirrors.ustc.edu.cn/ 合肥',
        '阿里云 https://mirrors.aliyun.com/ 杭州',
      ]);
      // where: "categories", "debug"
      expect(snap.byUrl['/notes/']!.internalLinks.map((l) => l.target)).toEqual([
        '/kernel/debug/2022/05/01/kdump-crash.html',
        '/debug/2021/07/07/strace.html',
        '/gdb/tips/',
      ]);
    });

    it('lists site.categories (sorted) on categories.html and groups posts by year on the archive', () => {
      const cats = html(site, '/categories.html');
      expect(selectAll('ul.category-index li', cats).map((li) => visibleText(li))).toEqual([
        'basic（1）',
        'c（1）',
        'debug（3）',
        'jekyll（1）',
        'kernel（6）',
        'linux（2）',
        'mm（2）',
        'sched（1）',
        'shell（2）',
        'trace（1）',
        '容器（1）',
      ]);
      expect(snap.byUrl['/categories.html']!.headingIds).toEqual(['basic', 'c', 'debug', 'jekyll', 'kernel', 'linux', 'mm', 'sched', 'shell', 'trace', '容器']);
      const archive = snap.byUrl['/archive/']!;
      expect(archive.headingIds).toEqual(['2022-年', '2021-年', '2020-年']);
      expect(archive.text).toMatch(/^共 15 篇文章。 2022 年 kdump 与 crash 工具 05月01日 systemd 单元文件速查 02月22日 2021 年/);
    });
  });

  describe('kramdown', () => {
    const pc = '/kernel/sched/2021/03/14/preempt-count.html';

    it('turns * TOC {:toc} into ul#markdown-toc, leaving out the {:.no_toc} heading', () => {
      const t = html(site, pc);
      const toc = select('[itemprop="articleBody"] ul#markdown-toc', t);
      expect(toc).toBeDefined();
      const links = selectAll('a', toc!).map((a) => [String(a.properties.href), String(a.properties.id), visibleText(a)]);
      expect(links).toEqual([
        ['#preempt_count-的布局', 'markdown-toc-preempt_count-的布局', 'preempt_count 的布局'],
        ['#when-to-preempt', 'markdown-toc-when-to-preempt', '什么时候可以抢占'],
        ['#关中断与关抢占', 'markdown-toc-关中断与关抢占', '关中断与关抢占'],
        ['#各版本的变化', 'markdown-toc-各版本的变化', '各版本的变化'],
        ['#总结', 'markdown-toc-总结', '总结'],
      ]);
      expect(select('ul#markdown-toc > li > ul > li > a[href="#关中断与关抢占"]', t)).toBeDefined();
      expect(select('h2.no_toc#目录', t)).toBeDefined();
    });

    it('applies block IALs and {#id}, drops {::comment} (to an HTML comment), and renders footnotes', () => {
      const t = html(site, pc);
      expect(select('p#summary', t)).toBeDefined();
      expect(select('h3.note#关中断与关抢占', t)).toBeDefined();
      expect(select('h2#when-to-preempt', t)).toBeDefined();
      expect(snap.byUrl[pc]!.headingIds).toEqual(['目录', 'preempt_count-的布局', 'when-to-preempt', '关中断与关抢占', '各版本的变化', '总结']);
      expect(snap.byUrl[pc]!.text).not.toContain('TODO');
      expect(snap.byUrl[pc]!.text).not.toContain('{:');
      const comment = (select('[itemprop="articleBody"]', t)?.children ?? []).find((c) => c.type === 'comment');
      expect(comment && 'value' in comment ? comment.value : undefined).toBe(' TODO: 补充 PREEMPT_RT 下的差异 ');
      expect(attr(t, 'sup#fnref\\:preempt > a.footnote', 'href')).toBe('#fn:preempt');
      expect(select('div.footnotes[role="doc-endnotes"] > ol > li#fn\\:preempt', t)).toBeDefined();
      expect(attr(t, 'a.reversefootnote', 'href')).toBe('#fnref:preempt');
    });

    it('gives Chinese headings GFM-style ids (lowercase, punctuation dropped, spaces → -, duplicates -1)', () => {
      expect(snap.byUrl['/basic/2020/01/01/some-drafts.html']!.headingIds).toEqual([
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
      expect(snap.byUrl['/kernel/trace/2021/08/15/ftrace.html']!.headingIds).toEqual(['function_graph', '示例', 'trace-cmd', '示例-1']);
      expect(snap.byUrl['/kernel/mm/2021/06/01/page-cache.html']!.headingIds).toEqual(['观察-page-cache', '回写参数vmdirty_']);
      expect(snap.byUrl['/kernel/2021/10/24/mmap-notes.html']!.headingIds).toEqual(['映射文件', 'anonymous', 'map_shared-与-map_private']);
    });

    it('renders GFM tables with alignment as style="text-align: center"', () => {
      const t = html(site, '/shell/linux/2020/03/03/pipe-and-redirect.html');
      expect(attr(t, '[itemprop="articleBody"] > table thead th', 'style')).toBe('text-align: center');
      expect(selectAll('[itemprop="articleBody"] > table tbody tr', t).map((tr) => visibleText(tr))).toEqual([
        '0 标准输入 stdin 终端',
        '1 标准输出 stdout 终端',
        '2 标准错误 stderr 终端',
      ]);
    });
  });

  describe('pages', () => {
    it('uses the site’s own 404.html and index.md (layout: home with the post list)', () => {
      const notFound = snap.byUrl['/404.html']!;
      expect(notFound.text).toBe('404 页面不存在 你要找的页面可能已经被移动或删除了。可以回到首页，或者看看归档。');
      expect(notFound.internalLinks.map((l) => l.target)).toEqual(['/', '/archive/']);
      const home = html(site, '/');
      expect(visibleText(select('h2.post-list-heading', home)!)).toBe('最近更新');
      expect(selectAll('ul.post-list > li', home)).toHaveLength(15);
      expect(visibleText(select('ul.post-list > li .post-meta', home)!)).toBe('2022-05-01'); // minima.date_format
    });

    it('lists header_pages in the nav, in config order', () => {
      const nav = selectAll('nav.site-nav a.page-link', html(site, '/'));
      expect(nav.map((a) => [String(a.properties.href), visibleText(a)])).toEqual([
        ['/notes/archive/', '归档'],
        ['/notes/categories.html', '分类'],
        ['/notes/notes/', '速查'],
        ['/notes/about/', '关于'],
      ]);
    });
  });
});
