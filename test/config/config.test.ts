import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, normalizeBaseurl, resolveConfig, type SiteConfig } from '../../src/config/config.js';

const ROOT = path.resolve(os.tmpdir(), 'inkstone-site');

function defaultsFor(root: string, data: Record<string, unknown> = {}): SiteConfig {
  return {
    root,
    postsDir: path.join(root, 'posts'),
    layoutsDir: path.join(root, 'layouts'),
    outDir: path.join(root, 'public'),
    title: 'My notes',
    description: '',
    author: '',
    url: '',
    baseurl: '',
    lang: undefined,
    timezone: undefined,
    permalink: 'date',
    future: false,
    unpublished: false,
    drafts: false,
    excerptSeparator: undefined,
    feedLimit: 10,
    strict: false,
    include: [],
    exclude: [],
    defaults: [],
    liquid: { strictVariables: false, strictFilters: false },
    liquidInCode: undefined,
    paginate: undefined,
    paginatePath: '/page:num/',
    plugins: [],
    theme: undefined,
    data,
  };
}

describe('normalizeBaseurl', () => {
  it.each([
    ['', ''],
    ['/', ''],
    ['//', ''],
    ['  ', ''],
    ['repo', '/repo'],
    ['/repo', '/repo'],
    ['/repo/', '/repo'],
    ['repo/', '/repo'],
    ['//repo//', '/repo'],
    [' /repo/ ', '/repo'],
    ['/a/b/', '/a/b'],
    ['/笔记', '/笔记'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeBaseurl(value)).toBe(expected);
  });
});

describe('resolveConfig', () => {
  it('fills in defaults for an empty config', () => {
    expect(resolveConfig({}, { root: ROOT })).toEqual({ config: defaultsFor(ROOT), errors: [] });
  });

  it('resolves the root against the working directory', () => {
    expect(resolveConfig({}, {}).config.root).toBe(process.cwd());
  });

  it('reads every setting', () => {
    const data = {
      title: '内核笔记',
      description: 'Linux 内核、Shell 与 C 的学习笔记',
      author: 'inkstone',
      url: 'https://example.github.io/',
      baseurl: 'notes/',
      lang: 'zh-CN',
      timezone: 'Asia/Shanghai',
      permalink: 'pretty',
      future: true,
      unpublished: true,
      show_drafts: true,
      excerpt_separator: '<!--more-->',
      feed: { posts_limit: 3 },
      strict_links: true,
      posts_dir: '_posts',
      layouts_dir: '_layouts',
      destination: '_site',
    };
    expect(resolveConfig(data, { root: ROOT })).toEqual({
      config: {
        ...defaultsFor(ROOT, data),
        postsDir: path.join(ROOT, '_posts'),
        layoutsDir: path.join(ROOT, '_layouts'),
        outDir: path.join(ROOT, '_site'),
        title: '内核笔记',
        description: 'Linux 内核、Shell 与 C 的学习笔记',
        author: 'inkstone',
        url: 'https://example.github.io',
        baseurl: '/notes',
        lang: 'zh-CN',
        timezone: 'Asia/Shanghai',
        permalink: 'pretty',
        future: true,
        unpublished: true,
        drafts: true,
        excerptSeparator: '<!--more-->',
        feedLimit: 3,
        strict: true,
      },
      errors: [],
    });
  });

  it.each([
    ['repo', '/repo'],
    ['/repo/', '/repo'],
    ['/', ''],
    ['/repo', '/repo'],
    ['', ''],
  ])('normalizes baseurl %j → %j', (baseurl, expected) => {
    expect(resolveConfig({ baseurl }, { root: ROOT }).config.baseurl).toBe(expected);
  });

  it('lets overrides win over the file', () => {
    const data = {
      baseurl: '/from-file',
      url: 'https://file.example',
      destination: 'dist',
      future: true,
      unpublished: true,
      show_drafts: true,
      strict_links: true,
    };
    const { config, errors } = resolveConfig(data, {
      root: ROOT,
      baseurl: 'cli/',
      url: 'http://localhost:4000/',
      outDir: '/tmp/elsewhere',
      future: false,
      unpublished: false,
      drafts: false,
      strict: false,
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      baseurl: '/cli',
      url: 'http://localhost:4000',
      outDir: '/tmp/elsewhere',
      future: false,
      unpublished: false,
      drafts: false,
      strict: false,
    });
  });

  it('an empty baseurl override clears the file value', () => {
    expect(resolveConfig({ baseurl: '/repo' }, { root: ROOT, baseurl: '' }).config.baseurl).toBe('');
  });

  it('turns flags on from overrides', () => {
    expect(resolveConfig({}, { root: ROOT, drafts: true, future: true, unpublished: true, strict: true }).config).toMatchObject({
      drafts: true,
      future: true,
      unpublished: true,
      strict: true,
    });
  });

  it("reads YAML 1.1's words as flags, and nothing else", () => {
    const { config, errors } = resolveConfig({ future: 'yes', show_drafts: 1, strict_links: 'true', unpublished: 'Off' }, { root: ROOT });
    expect(config).toMatchObject({ future: true, drafts: false, strict: true, unpublished: false });
    expect(errors.map((e) => e.message)).toEqual(['"show_drafts" should be true or false, not the number 1']);
  });

  it('resolves a relative outDir override against the root', () => {
    expect(resolveConfig({}, { root: ROOT, outDir: 'out' }).config.outDir).toBe(path.join(ROOT, 'out'));
  });

  it.each([
    ['Mars/Olympus', ' (use an IANA name such as Asia/Shanghai)'],
    ['Asia/Shanghia', ' (did you mean "Asia/Shanghai"?)'],
    ['Europe/Berlim', ' (did you mean "Europe/Berlin"?)'],
    ['Asia/Beijing', ' (did you mean "Asia/Shanghai"?)'],
    ['GMT+8 please', ' (use an IANA name such as Asia/Shanghai)'],
  ])('rejects the unknown timezone %j', (timezone, hint) => {
    const { config, errors } = resolveConfig({ timezone }, { root: ROOT });
    expect(config.timezone).toBeUndefined();
    expect(errors).toEqual([{ file: '_config.yml', line: 1, message: `unknown timezone "${timezone}"${hint}`, severity: 'error' }]);
  });

  it.each(['Asia/Shanghai', 'America/New_York', 'UTC'])('accepts the timezone %j', (timezone) => {
    expect(resolveConfig({ timezone }, { root: ROOT })).toMatchObject({ config: { timezone }, errors: [] });
  });

  it('treats a null timezone as unset', () => {
    expect(resolveConfig({ timezone: null }, { root: ROOT })).toMatchObject({ config: { timezone: undefined }, errors: [] });
  });

  it('reports non-string fields and keeps the default', () => {
    const { config, errors } = resolveConfig({ title: ['a'], permalink: { x: 1 } }, { root: ROOT });
    expect([config.title, config.permalink]).toEqual(['My notes', 'date']);
    expect(errors.map((e) => e.message)).toEqual(['"title" should be text, not a list', '"permalink" should be text, not a mapping']);
  });

  it('accepts numbers where strings are expected', () => {
    expect(resolveConfig({ title: 2024 }, { root: ROOT }).config.title).toBe('2024');
  });

  it('reads an author object', () => {
    expect(resolveConfig({ author: { name: '张三', email: 'z@example.com' } }, { root: ROOT }).config.author).toBe('张三');
    expect(resolveConfig({ author: { email: 'z@example.com' } }, { root: ROOT }).config.author).toBe('');
  });

  it.each<[unknown, number, boolean]>([
    [undefined, 10, false],
    [1, 1, false],
    [25, 25, false],
    [0, 10, true],
    [-3, 10, true],
    [2.5, 10, true],
    ['5', 10, true],
  ])('feed.posts_limit %j → %d (error: %s)', (limit, expected, hasError) => {
    const { config, errors } = resolveConfig(limit === undefined ? {} : { feed: { posts_limit: limit } }, { root: ROOT });
    expect(config.feedLimit).toBe(expected);
    const message = `"feed.posts_limit" should be a whole number, 1 or more, not ${typeof limit === 'string' ? `"${limit}"` : `the number ${limit}`}`;
    expect(errors).toEqual(hasError ? [{ file: '_config.yml', line: 1, message, severity: 'error' }] : []);
  });

  it('names the file it was given in errors', () => {
    expect(resolveConfig({ timezone: 'Nowhere/Land' }, { root: ROOT }, 'site/_config.yml').errors[0]!.file).toBe('site/_config.yml');
  });
});

describe('loadConfig', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-config-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const write = (text: string) => writeFile(path.join(root, '_config.yml'), text);

  it('is fine without a _config.yml', async () => {
    expect(await loadConfig({ root })).toEqual({ config: defaultsFor(root), errors: [], text: expect.any(String) });
  });

  it('reads the sample config', async () => {
    await write(
      [
        '# inkstone site settings (Jekyll-compatible names)',
        'title: 内核笔记',
        'url: https://example.github.io',
        'baseurl: ""',
        'timezone: Asia/Shanghai',
        'permalink: date',
        '',
      ].join('\n'),
    );
    const { config, errors } = await loadConfig({ root });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ title: '内核笔记', url: 'https://example.github.io', baseurl: '', timezone: 'Asia/Shanghai', permalink: 'date' });
    expect(config.data).toEqual({ title: '内核笔记', url: 'https://example.github.io', baseurl: '', timezone: 'Asia/Shanghai', permalink: 'date' });
  });

  it('applies overrides on top of the file', async () => {
    await write('baseurl: /repo\nfuture: true\n');
    const { config } = await loadConfig({ root, baseurl: '/', future: false });
    expect([config.baseurl, config.future]).toEqual(['', false]);
  });

  it('accepts a BOM and CRLF', async () => {
    await write('\uFEFFtitle: 笔记\r\ntimezone: UTC\r\n');
    expect(await loadConfig({ root })).toMatchObject({ config: { title: '笔记', timezone: 'UTC' }, errors: [] });
  });

  it('treats an empty or comment-only file as defaults', async () => {
    await write('# nothing here\n');
    expect(await loadConfig({ root })).toEqual({ config: defaultsFor(root), errors: [], text: expect.any(String) });
    await write('');
    expect(await loadConfig({ root })).toEqual({ config: defaultsFor(root), errors: [], text: expect.any(String) });
  });

  it.each<[string, number, string]>([
    ['title: ok\nurl: "https://x\n', 2, 'invalid YAML: Missing closing "quote'],
    ['title: ok\nurl: "https://x\nbaseurl: /r\n', 2, 'invalid YAML: Missing closing "quote'],
    ['title: ok\nbaseurl: /r\npermalink: a: b\n', 3, 'invalid YAML: Nested mappings are not allowed in compact mappings'],
    ['title: ok\nfeed: [1, 2\nurl: x\n', 3, 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('reports bad YAML with its line (%#)', async (text, line, message) => {
    await write(text);
    const { config, errors } = await loadConfig({ root });
    expect(errors).toEqual([{ file: '_config.yml', line, message, severity: 'error' }]);
    expect(config).toEqual(defaultsFor(root));
  });

  it.each(['- a\n- b\n', 'just text\n', '42\n'])('reports a config that is not a mapping (%j)', async (text) => {
    await write(text);
    expect((await loadConfig({ root })).errors).toEqual([{ file: '_config.yml', line: 1, message: 'must be a YAML mapping (key: value)', severity: 'error' }]);
  });

  it('reports an invalid timezone from the file', async () => {
    await write('timezone: Asia/Beijing\n');
    const { config, errors } = await loadConfig({ root });
    expect(config.timezone).toBeUndefined();
    expect(errors).toEqual([{ file: '_config.yml', line: 1, message: 'unknown timezone "Asia/Beijing" (did you mean "Asia/Shanghai"?)', severity: 'error' }]);
  });

  it('reports an unreadable _config.yml', async () => {
    await mkdir(path.join(root, '_config.yml'));
    const { config, errors } = await loadConfig({ root });
    expect(config).toEqual(defaultsFor(root));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: '_config.yml', severity: 'error', message: expect.stringMatching(/^cannot read: .*EISDIR/) });
  });
});
