import { describe, expect, it } from 'vitest';
import { buildPost, categoriesOf, futureWarning, isFuture, type PostResult, type PostSettings, tagsOf, titleFromSlug, toList } from '../../src/content/post.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Post } from '../../src/site/model.js';

const ms = (iso: string): number => Date.parse(iso);

const defaults: PostSettings = { permalink: 'date', timezone: undefined, excerptSeparator: undefined };

/** Builds a post from `posts/<relPath>`. */
function build(relPath: string, text: string, settings: Partial<PostSettings> = {}, mtimeMs = 0): PostResult {
  return buildPost({ path: `posts/${relPath}`, relPath, text, mtimeMs }, { ...defaults, ...settings });
}

/** The post, failing the test with the diagnostics when there is none. */
function post(relPath: string, text: string, settings: Partial<PostSettings> = {}, mtimeMs = 0): Post {
  const result = build(relPath, text, settings, mtimeMs);
  if (!result.post) throw new Error(`expected a post, got ${JSON.stringify(result.diagnostics)}`);
  expect(result.diagnostics).toEqual([]);
  return result.post;
}

/** The diagnostics of a file that must not become a post. */
function failures(relPath: string, text: string, settings: Partial<PostSettings> = {}): Diagnostic[] {
  const result = build(relPath, text, settings);
  expect(result.post).toBeUndefined();
  return result.diagnostics;
}

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n`;

describe('buildPost: the seed post', () => {
  const text = [
    '---',
    'layout: post',
    'date: 2020-01-01 16:00:00 +0800',
    'title: "Some drafts"',
    'category: basic',
    '---',
    '',
    '## 内核抢占',
    '',
    '内核抢占：在进程执行内核代码的时候，允许被另一个进程抢占。',
    '',
  ].join('\n');

  it.each([undefined, 'Asia/Shanghai', 'America/New_York'])('becomes /basic/2020/01/01/some-drafts.html (timezone %s)', (timezone) => {
    expect(build('2020-01-01-some-drafts.md', text, { timezone })).toEqual({
      post: {
        source: 'posts/2020-01-01-some-drafts.md',
        relPath: '2020-01-01-some-drafts.md',
        slug: 'some-drafts',
        title: 'Some drafts',
        date: { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 480, epochMs: 1577865600000 },
        categories: ['basic'],
        tags: [],
        layout: 'post',
        url: '/basic/2020/01/01/some-drafts.html',
        outputPath: 'basic/2020/01/01/some-drafts.html',
        draft: false,
        published: true,
        body: '\n## 内核抢占\n\n内核抢占：在进程执行内核代码的时候，允许被另一个进程抢占。\n',
        bodyLine: 7,
        excerpt: undefined,
        excerptSeparator: undefined,
        data: { layout: 'post', date: '2020-01-01 16:00:00 +0800', title: 'Some drafts', category: 'basic' },
        frontMatter: '---\nlayout: post\ndate: 2020-01-01 16:00:00 +0800\ntitle: "Some drafts"\ncategory: basic',
        liquid: 'prose',
        found: { draft: false, pathCategories: [], native: true },
      },
      diagnostics: [],
    });
  });

  it('with pretty permalinks', () => {
    const p = post('2020-01-01-some-drafts.md', text, { permalink: 'pretty' });
    expect([p.url, p.outputPath]).toEqual(['/basic/2020/01/01/some-drafts/', 'basic/2020/01/01/some-drafts/index.html']);
  });
});

describe('buildPost: dates', () => {
  it('takes the date from the file name (UTC without a timezone)', () => {
    const p = post('2021-03-14-shell.md', fm('title: x'));
    expect(p.date).toEqual({ year: 2021, month: 3, day: 14, hour: 0, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2021-03-14T00:00:00Z') });
    expect(p.url).toBe('/2021/03/14/shell.html');
  });

  it('reads the file-name date in the site timezone', () => {
    const p = post('2021-03-14-shell.md', fm('title: x'), { timezone: 'Asia/Shanghai' });
    expect(p.date).toMatchObject({ day: 14, offsetMinutes: 480, epochMs: ms('2021-03-13T16:00:00Z') });
    expect(p.url).toBe('/2021/03/14/shell.html');
  });

  it('accepts unpadded file-name dates', () => {
    expect(post('2021-3-4-x.md', '').url).toBe('/2021/03/04/x.html');
  });

  it('lets the front matter date win over the file name', () => {
    const p = post('2020-01-01-x.md', fm('date: 2021-06-07 09:10:11 +0200'));
    expect(p.date).toMatchObject({ year: 2021, month: 6, day: 7, hour: 9, minute: 10, second: 11, offsetMinutes: 120 });
    expect(p.url).toBe('/2021/06/07/x.html');
  });

  it('reads an offset-less front matter time in the site timezone, staying on the day written', () => {
    const p = post('2020-05-20-late.md', fm('date: 2020-05-20 23:50:00'), { timezone: 'Asia/Shanghai' });
    expect(p.date).toMatchObject({ day: 20, hour: 23, minute: 50, offsetMinutes: 480, epochMs: ms('2020-05-20T15:50:00Z') });
    expect(p.url).toBe('/2020/05/20/late.html');
  });

  it('dates a post without a dated name from the front matter', () => {
    const p = post('notes/undated.md', fm('date: 2022-07-09'));
    expect([p.slug, p.url]).toEqual(['undated', '/2022/07/09/undated.html']);
  });

  it('reports a post with no date anywhere, naming the file', () => {
    expect(failures('notes/undated.md', fm('title: x'))).toEqual([
      {
        file: 'posts/notes/undated.md',
        line: 1,
        message: 'post has no date: name it YYYY-MM-DD-title.md or set "date:" in the front matter',
        severity: 'error',
      },
    ]);
  });

  it('treats "date: null" like no date', () => {
    expect(failures('x.md', fm('date:'))).toMatchObject([{ file: 'posts/x.md', line: 1, message: expect.stringMatching(/^post has no date/) }]);
    expect(post('2020-01-01-x.md', fm('date: ~')).date.day).toBe(1);
  });

  it.each<[string, string]>([
    ['date: 2020-02-30', 'invalid date "2020-02-30" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)'],
    ['date: tomorrow', 'invalid date "tomorrow" (expected YYYY-MM-DD, optionally with HH:MM:SS and an offset like +0800)'],
    ['date: 2020', '"date" should be a date such as 2020-01-01, not the number 2020'],
    ['date: [2020-01-01]', '"date" should be a date such as 2020-01-01, not a list'],
  ])('reports an invalid front matter date (%s) on its line', (line, message) => {
    expect(failures('2020-01-01-x.md', fm('title: x', line, 'tags: a'))).toEqual([{ file: 'posts/2020-01-01-x.md', line: 3, message, severity: 'error' }]);
  });

  it('reports an impossible date in the file name', () => {
    expect(failures('2020-02-30-x.md', fm('title: x'))).toEqual([
      { file: 'posts/2020-02-30-x.md', line: 1, message: 'file name has an impossible date 2020-2-30', severity: 'error' },
    ]);
  });

  it('an impossible file-name date is fine when the front matter has a date', () => {
    expect(post('2020-02-30-x.md', fm('date: 2020-03-01')).url).toBe('/2020/03/01/x.html');
  });
});

describe('buildPost: drafts', () => {
  const mtime = ms('2020-05-20T15:50:00Z');

  it('dates a draft by its modification time, in the site timezone', () => {
    const p = post('_drafts/my-idea.md', fm('title: 想法'), { timezone: 'Asia/Shanghai' }, mtime);
    expect(p.draft).toBe(true);
    expect(p.slug).toBe('my-idea');
    expect(p.date).toEqual({ year: 2020, month: 5, day: 20, hour: 23, minute: 50, second: 0, offsetMinutes: 480, epochMs: mtime });
    expect(p.url).toBe('/2020/05/20/my-idea.html');
  });

  it('dates a draft by mtime in UTC without a timezone', () => {
    const p = post('_drafts/my-idea.markdown', '', {}, mtime + 456);
    expect(p.date).toMatchObject({ day: 20, hour: 15, minute: 50, offsetMinutes: 0, epochMs: mtime });
    expect(p.title).toBe('My Idea');
  });

  it('a draft front matter date wins over mtime', () => {
    const p = post('_drafts/idea.md', fm('date: 2019-02-03'), {}, mtime);
    expect(p.url).toBe('/2019/02/03/idea.html');
  });

  it('a draft keeps a dated-looking name whole as its slug', () => {
    const p = post('_drafts/2020-01-01-idea.md', '', {}, mtime);
    expect(p.slug).toBe('2020-01-01-idea');
    expect(p.url).toBe('/2020/05/20/2020-01-01-idea.html');
  });

  it('a file in a nested folder is not a draft', () => {
    expect(post('2020/2020-01-01-x.md', '').draft).toBe(false);
  });
});

describe('buildPost: categories and tags', () => {
  it.each<[string[], string[], string]>([
    [['categories: "a b"'], ['a', 'b'], '/a/b/2020/01/01/x.html'],
    [['category: "a b"'], ['a b'], '/a-b/2020/01/01/x.html'],
    [['categories: [Linux, Shell]'], ['Linux', 'Shell'], '/linux/shell/2020/01/01/x.html'],
    [['categories:', '  - 内核', '  - C'], ['内核', 'C'], '/内核/c/2020/01/01/x.html'],
    [['category: [x, y]'], ['x', 'y'], '/x/y/2020/01/01/x.html'],
    [['categories: [a, b]', 'category: a'], ['a', 'b'], '/a/b/2020/01/01/x.html'],
    [['categories: a', 'category: Basic Notes'], ['a', 'Basic Notes'], '/a/basic-notes/2020/01/01/x.html'],
    [['category: 42'], ['42'], '/42/2020/01/01/x.html'],
    [['categories: []'], [], '/2020/01/01/x.html'],
    [['categories: ""'], [], '/2020/01/01/x.html'],
    [['categories:'], [], '/2020/01/01/x.html'],
  ])('%j → %j', (lines, categories, url) => {
    const p = post('2020-01-01-x.md', fm(...lines));
    expect(p.categories).toEqual(categories);
    expect(p.url).toBe(url);
  });

  it.each<[string[], string[]]>([
    [['tags: "a b"'], ['a', 'b']],
    [['tags: c kernel scheduling'], ['c', 'kernel', 'scheduling']],
    [['tags: [bash, fd, 笔记]'], ['bash', 'fd', '笔记']],
    [['tag: solo'], ['solo']],
    [
      ['tags: [a, b]', 'tag: a'],
      ['a', 'b'],
    ],
    [['tags: [1, true]'], ['1', 'true']],
    [[], []],
  ])('%j → tags %j', (lines, tags) => {
    expect(post('2020-01-01-x.md', fm('title: t', ...lines)).tags).toEqual(tags);
  });

  it.each<[string[], number, string]>([
    [['title: x', 'category: ..'], 3, '..'],
    [['title: x', 'categories: [a, ".."]'], 3, '..'],
    [['title: x', 'categories: [a/b]'], 3, 'a/b'],
    [['category: "a\\\\b"'], 2, 'a\\b'],
    [['title: x', 'category: .'], 3, '.'],
    [['title: x', 'layout: post', 'tags: [ok, "../x"]'], 4, '../x'],
  ])('refuses %j with an error on line %d', (lines, line, name) => {
    expect(failures('2020-01-01-x.md', fm(...lines))).toEqual([
      {
        file: 'posts/2020-01-01-x.md',
        line,
        message: `category or tag "${name}" may not contain "/", "\\" or be "." or ".."`,
        severity: 'error',
      },
    ]);
  });
});

describe('buildPost: permalinks', () => {
  it.each<[string, string, string]>([
    ['/notes/:year/:title/', '/notes/2020/x/', 'notes/2020/x/index.html'],
    ['/:categories/:i_month-:i_day/:title:output_ext', '/basic/1-1/x.html', 'basic/1-1/x.html'],
    ['/about', '/about', 'about.html'],
    ['pretty', '/basic/2020/01/01/x/', 'basic/2020/01/01/x/index.html'],
    ['/笔记/:title/', '/笔记/x/', '笔记/x/index.html'],
  ])('front matter permalink %j → %s', (permalink, url, outputPath) => {
    const p = post('2020-01-01-x.md', fm('category: basic', `permalink: "${permalink}"`));
    expect([p.url, p.outputPath]).toEqual([url, outputPath]);
  });

  it('uses the site permalink style when the post has none', () => {
    expect(post('2020-01-01-x.md', fm('category: basic'), { permalink: 'none' }).url).toBe('/basic/x.html');
    expect(post('2020-01-01-x.md', '', { permalink: '/:year/:title/' }).url).toBe('/2020/x/');
  });

  it('uses the front matter slug for :title', () => {
    const p = post('2020-01-01-长标题.md', fm('slug: short'));
    expect([p.slug, p.url, p.title]).toEqual(['short', '/2020/01/01/short.html', 'Short']);
  });

  it('keeps a Chinese file name in the URL', () => {
    const p = post('2020-01-01-内核抢占.md', '');
    expect([p.slug, p.title, p.url]).toEqual(['内核抢占', '内核抢占', '/2020/01/01/内核抢占.html']);
  });

  it.each<[string, string]>([
    ['/../../etc/:title.html', '/../../etc/x.html'],
    ['/:year/../../x/', '/2020/../../x/'],
    ['/a\\\\b/:title', '/a\\b/x'],
  ])('refuses permalink %j on its line', (permalink, url) => {
    const [d, ...rest] = failures('2020-01-01-x.md', fm('title: x', 'layout: post', `permalink: "${permalink}"`));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ file: 'posts/2020-01-01-x.md', line: 4, severity: 'error' });
    expect(d!.message).toMatch(/^refusing URL /);
    expect(d!.message).toContain(JSON.stringify(url).replace(/\\\\/g, '\\'));
    expect(d!.message).toMatch(/it would write outside the output folder$/);
  });

  it('refuses a slug that makes the URL escape', () => {
    expect(failures('2020-01-01-x.md', fm('slug: ".."'), { permalink: 'pretty' })).toMatchObject([
      { file: 'posts/2020-01-01-x.md', severity: 'error', message: expect.stringContaining('"/2020/01/01/../" contains a ".." or "." segment') },
    ]);
  });

  it('requires permalink to be a string', () => {
    expect(failures('2020-01-01-x.md', fm('title: x', 'permalink: 5'))).toEqual([
      { file: 'posts/2020-01-01-x.md', line: 3, message: '"permalink" should be text, not the number 5', severity: 'error' },
    ]);
  });

  it('collects several front matter problems at once', () => {
    const ds = failures('2020-01-01-x.md', fm('date: nope', 'category: ..', 'permalink: [a]'));
    expect(ds.map((d) => [d.line, d.message.slice(0, 20)]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [2, 'invalid date "nope" '],
      [3, 'category or tag ".."'],
      [4, '"permalink" should b'],
    ]);
  });
});

describe('buildPost: other fields', () => {
  it.each<[string[], string]>([
    [[], 'post'],
    [['layout: page'], 'page'],
    [['layout: null'], 'none'],
    [['layout: false'], 'none'],
    [['layout: none'], 'none'],
  ])('layout %j → %s', (lines, layout) => {
    expect(post('2020-01-01-x.md', fm('title: t', ...lines)).layout).toBe(layout);
  });

  it.each<[string, string[], string]>([
    ['2020-01-01-some-drafts.md', [], 'Some Drafts'],
    ['2020-01-01-reading_task-struct.md', [], 'Reading Task Struct'],
    ['2020-01-01-x.markdown', [], 'X'],
    ['2020-01-01-x.md', ['title: 2020'], '2020'],
    ['2020-01-01-x.md', ['title: ~'], 'X'],
    ['2020-01-01-x.md', ['title: "Shell 管道与重定向：从 fd 说起"'], 'Shell 管道与重定向：从 fd 说起'],
  ])('%s %j → title %j', (relPath, lines, title) => {
    expect(post(relPath, fm('layout: post', ...lines)).title).toBe(title);
  });

  it.each<[string[], boolean]>([
    [[], true],
    [['published: true'], true],
    [['published: false'], false],
    // YAML 1.1's words, as Jekyll reads them; quoted too (a post is never published by a dialect).
    [['published: "false"'], false],
    [['published: no'], false],
    [['published: Off'], false],
    [['published: N'], false],
    [['published: yes'], true],
  ])('%j → published %s', (lines, published) => {
    expect(post('2020-01-01-x.md', fm('title: t', ...lines)).published).toBe(published);
  });

  it('carries excerpt and excerpt_separator from the front matter', () => {
    const p = post('2020-01-01-x.md', fm('excerpt: "短摘要 *here*"', 'excerpt_separator: <!--more-->'), { excerptSeparator: '\n\n' });
    expect(p.excerpt).toBe('短摘要 *here*');
    expect(p.excerptSeparator).toBe('<!--more-->');
  });

  it('falls back to the site excerpt separator', () => {
    const p = post('2020-01-01-x.md', fm('title: t'), { excerptSeparator: '<!-- cut -->' });
    expect(p.excerpt).toBeUndefined();
    expect(p.excerptSeparator).toBe('<!-- cut -->');
    expect(post('2020-01-01-x.md', fm('excerpt: 5')).excerpt).toBeUndefined();
  });

  it('keeps all front matter in data', () => {
    expect(post('2020-01-01-x.md', fm('custom: 3', 'nested: {a: [1, 2]}', 'when: 2020-01-01')).data).toEqual({
      custom: 3,
      nested: { a: [1, 2] },
      when: '2020-01-01',
    });
  });
});

describe('buildPost: file shapes', () => {
  it('normalizes CRLF line endings', () => {
    const p = post('2020-01-01-x.md', '---\r\ntitle: "Hi"\r\ncategory: basic\r\n---\r\nline one\r\nline two\r\n');
    expect(p.title).toBe('Hi');
    expect(p.body).toBe('line one\nline two\n');
    expect(p.bodyLine).toBe(5);
    expect(p.url).toBe('/basic/2020/01/01/x.html');
  });

  it('normalizes lone CR line endings', () => {
    const p = post('2020-01-01-x.md', '---\rtitle: Hi\r---\rbody\r');
    expect([p.title, p.body, p.bodyLine]).toEqual(['Hi', 'body\n', 4]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const p = post('2020-01-01-x.md', '\uFEFF---\ntitle: 标题\n---\n正文\n');
    expect([p.title, p.body, p.bodyLine]).toEqual(['标题', '正文\n', 4]);
  });

  it('handles BOM and CRLF together', () => {
    const p = post('2020-01-01-x.md', '\uFEFF---\r\ntitle: 标题\r\n---\r\n\r\n正文\r\n');
    expect([p.title, p.body, p.bodyLine]).toEqual(['标题', '\n正文\n', 4]);
  });

  it('drops trailing blanks on the closing --- line from the body', () => {
    const p = post('2020-01-01-x.md', '---\ntitle: t\n---  \n\n    indented code\n');
    expect([p.body, p.bodyLine]).toEqual(['\n    indented code\n', 4]);
    expect(post('2020-01-01-x.md', '---\ntitle: t\n---\n   \nbody').body).toBe('   \nbody');
    expect(post('2020-01-01-x.md', '---\ntitle: t\n--- \t').body).toBe('');
  });

  it('accepts front matter with an empty body', () => {
    const p = post('2020-01-01-x.md', '---\ntitle: only\n---\n');
    expect([p.title, p.body, p.bodyLine]).toEqual(['only', '', 4]);
    expect(post('2020-01-01-x.md', '---\ntitle: only\n---').body).toBe('');
  });

  it('accepts empty front matter', () => {
    const p = post('2020-01-01-x.md', '---\n---\nbody\n');
    expect([p.data, p.title, p.body, p.bodyLine]).toEqual([{}, 'X', 'body\n', 3]);
  });

  it('accepts comment-only front matter', () => {
    expect(post('2020-01-01-x.md', '---\n# nothing yet\n---\nbody').data).toEqual({});
  });

  it('accepts a file with no front matter at all', () => {
    const p = post('2020-01-01-no-front.md', '# Hello\n\n---\n\ntext\n');
    expect([p.data, p.title, p.layout, p.body, p.bodyLine]).toEqual([{}, 'No Front', 'post', '# Hello\n\n---\n\ntext\n', 1]);
  });

  it('accepts an empty file', () => {
    const p = post('2020-01-01-empty.md', '');
    expect([p.body, p.bodyLine, p.title]).toEqual(['', 1, 'Empty']);
  });

  it('does not take "----" or "---js" for front matter', () => {
    expect(post('2020-01-01-x.md', '----\ntitle: no\n----\n').data).toEqual({});
    expect(post('2020-01-01-x.md', '---js\n{ title: "no" }\n---\n').data).toEqual({});
  });

  it('reports unclosed front matter on line 1', () => {
    expect(failures('2020-01-01-x.md', '---\ntitle: x\n\nbody text\n')).toEqual([
      { file: 'posts/2020-01-01-x.md', line: 1, message: 'invalid front matter: front matter has no closing "---" line', severity: 'error' },
    ]);
    expect(failures('2020-01-01-x.md', '---')).toMatchObject([{ line: 1 }]);
  });

  it('reports front matter that is not a mapping on its first line', () => {
    expect(failures('2020-01-01-x.md', '---\n- a\n- b\n---\nbody')).toEqual([
      { file: 'posts/2020-01-01-x.md', line: 2, message: 'invalid front matter: front matter must be a mapping (key: value)', severity: 'error' },
    ]);
    expect(failures('2020-01-01-x.md', '---\njust text\n---\n')).toMatchObject([{ line: 2 }]);
  });
});

describe('buildPost: broken YAML points at the file line', () => {
  it.each<[string, string, number, string]>([
    ['unclosed quote on line 4 (last)', '---\nlayout: post\ntitle: ok\nbad: "unclosed\n---\nbody\n', 4, 'Missing closing "quote'],
    [
      'unclosed quote on line 4 (more keys after)',
      '---\nlayout: post\ntitle: ok\ntitle2: "unclosed\ncategory: a\ntags: b\n---\nbody\n',
      4,
      'Missing closing "quote',
    ],
    ['unclosed quote on line 2', "---\ntitle: 'it''s\nlayout: post\n---\n", 2, "Missing closing 'quote"],
    [
      'unclosed flow list on line 3',
      '---\nlayout: post\ntags: [a, b\ntitle: x\n---\n',
      4,
      'Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    ['compact nested mapping on line 4', '---\na: 1\nb: 2\nc: d: e\n---\n', 4, 'Nested mappings are not allowed in compact mappings'],
    ['tab indentation on line 3', '---\na: 1\n\tb: 2\n---\n', 3, 'Tabs are not allowed as indentation'],
    ['CRLF, unclosed quote on line 3', '---\r\nlayout: post\r\ntitle: "oops\r\n---\r\nbody\r\n', 3, 'Missing closing "quote'],
    ['BOM, unclosed quote on line 2', '\uFEFF---\ntitle: "oops\n---\n', 2, 'Missing closing "quote'],
  ])('%s', (_name, text, line, message) => {
    expect(failures('2020-01-01-x.md', text)).toEqual([
      { file: 'posts/2020-01-01-x.md', line, message: `invalid front matter: ${message}`, severity: 'error' },
    ]);
  });
});

describe('toList', () => {
  it.each<[unknown, string[]]>([
    [undefined, []],
    [null, []],
    ['', []],
    ['a', ['a']],
    ['a b', ['a', 'b']],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    [
      ['a b', 'c'],
      ['a b', 'c'],
    ],
    [
      [' a ', '', null, undefined, 'b'],
      ['a', 'b'],
    ],
    [
      [1, true],
      ['1', 'true'],
    ],
    [42, ['42']],
    [[], []],
  ])('%j → %j', (value, expected) => {
    expect(toList(value)).toEqual(expected);
  });
});

describe('categoriesOf', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ categories: 'a b' }, ['a', 'b']],
    [{ category: 'a b' }, ['a b']],
    [{ category: ' a b ' }, ['a b']],
    [{ category: '' }, []],
    [{ category: 7 }, ['7']],
    [{ category: ['x', 'y z'] }, ['x', 'y z']],
    [{ categories: ['Linux', 'Shell'] }, ['Linux', 'Shell']],
    [{ categories: 'a b', category: 'c' }, ['a', 'b', 'c']],
    [{ categories: ['a', 'a'], category: 'a' }, ['a']],
    [{ categories: null, category: null }, []],
  ])('%j → %j', (data, expected) => {
    expect(categoriesOf(data)).toEqual(expected);
  });
});

describe('tagsOf', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ tags: 'a b' }, ['a', 'b']],
    [{ tags: ['a b', 'c'] }, ['a b', 'c']],
    [{ tag: 'x' }, ['x']],
    [{ tags: ['x'], tag: 'x y' }, ['x', 'y']],
    [{ tags: ['笔记', '笔记'] }, ['笔记']],
  ])('%j → %j', (data, expected) => {
    expect(tagsOf(data)).toEqual(expected);
  });
});

describe('titleFromSlug', () => {
  it.each([
    ['some-drafts', 'Some Drafts'],
    ['reading_task_struct', 'Reading Task Struct'],
    ['a--b', 'A B'],
    ['already Title', 'Already Title'],
    ['gdb-cheatsheet-v2', 'Gdb Cheatsheet V2'],
    ['内核抢占', '内核抢占'],
    ['内核-抢占', '内核 抢占'],
    ['x', 'X'],
    ['', ''],
    ['-', ''],
  ])('%j → %j', (slug, expected) => {
    expect(titleFromSlug(slug)).toBe(expected);
  });
});

describe('isFuture / futureWarning', () => {
  const p = post('2030-01-02-later.md', fm('date: 2030-01-02 08:00:00 +0800'));
  const at = ms('2030-01-02T00:00:00Z');

  it('compares instants', () => {
    expect(isFuture(p, at - 1)).toBe(true);
    expect(isFuture(p, at)).toBe(false);
    expect(isFuture(p, at + 1)).toBe(false);
  });

  it('warns naming the file and the date as written', () => {
    expect(futureWarning(p)).toEqual({
      file: 'posts/2030-01-02-later.md',
      line: 1,
      message: 'skipped: dated in the future (2030-1-2); build with --future to include it',
      severity: 'warning',
    });
  });
});
