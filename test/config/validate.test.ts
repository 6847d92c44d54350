import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { formatDiagnostic } from '../../src/diagnostics.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'inkstone-validate-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Loads `_config.yml` with this text: the config and its diagnostics as printed. */
async function load(text: string) {
  await writeFile(path.join(root, '_config.yml'), text);
  const { config, errors } = await loadConfig({ root });
  return { config, printed: errors.map(formatDiagnostic) };
}

describe('_config.yml: the lines of the issue', () => {
  it('titel: 笔记 → a warning with a did-you-mean (the title stays the default)', async () => {
    const { config, printed } = await load('titel: 笔记\n');
    expect(printed).toEqual(['_config.yml:1: warning: unknown key "titel" (did you mean "title"?)']);
    expect(config.title).toBe('My notes');
  });

  it('destnation: → a warning naming destination', async () => {
    expect((await load('title: x\ndestnation: out\n')).printed).toEqual(['_config.yml:2: warning: unknown key "destnation" (did you mean "destination"?)']);
  });

  it('url: example.github.io → one error on its line', async () => {
    expect((await load('title: x\nurl: example.github.io\n')).printed).toEqual([
      '_config.yml:2: "url" should start with https:// or http:// (did you mean "https://example.github.io"?)',
    ]);
  });

  it('baseurl: https://u.github.io/notes → an error saying where each part goes', async () => {
    expect((await load('baseurl: https://u.github.io/notes\n')).printed).toEqual([
      '_config.yml:1: "baseurl" should be a path such as /notes, not a URL: put "https://u.github.io" in "url" and "/notes" in "baseurl"',
    ]);
  });

  it('permalink: pertty → one error with a did-you-mean', async () => {
    expect((await load('title: x\n\npermalink: pertty\n')).printed).toEqual(['_config.yml:3: unknown permalink style "pertty" (did you mean "pretty"?)']);
  });

  it('timezone: Europe/Berlim → an error on its line with the zone meant', async () => {
    expect((await load('timezone: Europe/Berlim\n')).printed).toEqual(['_config.yml:1: unknown timezone "Europe/Berlim" (did you mean "Europe/Berlin"?)']);
  });
});

describe('_config.yml: values that cannot work', () => {
  it.each([
    ['permalink: /../:title/', '_config.yml:1: refusing permalink "/../:title/" contains a ".." or "." segment: it would write outside the output folder'],
    [
      'permalink: nonsense',
      '_config.yml:1: unknown permalink style "nonsense" (use date, pretty, ordinal, weekdate, none, or a pattern such as /:year/:month/:title/)',
    ],
    ['url: /notes', `_config.yml:1: "url" should be the site's address, like https://user.github.io, not a path (a path goes in "baseurl")`],
    [
      'baseurl: https://u.github.io/',
      '_config.yml:1: "baseurl" should be a path such as /notes, not a URL: put "https://u.github.io" in "url" and leave "baseurl" empty',
    ],
    ['title: [a, b]', '_config.yml:1: "title" should be text, not a list'],
    ['paginate: 0', '_config.yml:1: "paginate" should be a whole number, 1 or more, not the number 0'],
    ['feed:\n  posts_limit: many', '_config.yml:2: "feed.posts_limit" should be a whole number, 1 or more, not "many"'],
    ['liquid: true', '_config.yml:1: "liquid" should be a mapping, not true'],
    ['defaults: {path: x}', '_config.yml:1: "defaults" should be a list of { scope, values }, not a mapping'],
    ['defaults:\n  - scope: {path: x}', '_config.yml:2: "defaults" entry 1 needs "values:"'],
    ['defaults:\n  - values:\n      layout: {a: 1}', '_config.yml:3: "defaults" entry 1: "layout" should be text, not a mapping'],
  ])('%j', async (text, message) => {
    expect((await load(`${text}\n`)).printed).toEqual([message]);
  });

  it.each([
    ['.', '"destination" "." is the site folder itself: building would replace the site (choose a folder of its own, e.g. public)'],
    ['..', '"destination" ".." holds the site folder: building would delete the site (choose a folder of its own, e.g. public)'],
    ['posts', '"destination" "posts" holds posts/, which the site is read from: building would delete it'],
    ['_posts', '"destination" "_posts" holds _posts/, which the site is read from: building would delete it'],
  ])('refuses destination: %s', async (destination, message) => {
    expect((await load(`title: x\ndestination: ${destination}\n`)).printed).toEqual([`_config.yml:2: ${message}`]);
  });

  it('leaves the destination to the command line when it sets one', async () => {
    await writeFile(path.join(root, '_config.yml'), 'destination: .\n');
    expect((await loadConfig({ root, outDir: 'public' })).errors).toEqual([]);
  });
});

describe('_config.yml: flags', () => {
  it.each([
    ['future: yes', true],
    ['future: On', true],
    ['future: Y', true],
    ['future: "true"', true],
    ['future: no', false],
    ['future: OFF', false],
  ])("%s reads as YAML 1.1 (Jekyll's YAML) reads it", async (text, future) => {
    const { config, printed } = await load(`${text}\n`);
    expect([config.future, printed]).toEqual([future, []]);
    expect(config.data.future).toBe(future);
  });

  it('warns about any other text and keeps the default', async () => {
    const { config, printed } = await load('show_drafts: maybe\nliquid:\n  strict_variables: sometimes\n');
    expect(printed).toEqual([
      '_config.yml:1: warning: "show_drafts" should be true or false, not "maybe"; taken as false',
      '_config.yml:3: warning: "liquid.strict_variables" should be true or false, not "sometimes"; taken as false',
    ]);
    expect([config.drafts, config.liquid.strictVariables]).toEqual([false, false]);
  });

  it('reads defaults: values as front matter: published: no is false there too', async () => {
    const { config, printed } = await load('defaults:\n  - scope: {path: drafts}\n    values: {published: no}\n');
    expect(printed).toEqual([]);
    expect(config.defaults).toEqual([{ path: 'drafts', type: undefined, values: { published: false } }]);
  });
});

describe('_config.yml: unknown keys', () => {
  it("accepts Jekyll's keys, and those of the site's theme and plugins", async () => {
    const text = [
      'markdown: kramdown',
      'kramdown: {input: GFM}',
      'highlighter: rouge',
      'sass: {style: compressed}',
      'collections: {recipes: {output: true}}',
      'social: {name: x}',
      'github: [metadata]',
      'google_analytics: UA-1',
      'header_pages: [about.md]',
      'show_excerpts: true',
      'theme: minima',
      'minima: {skin: dark}',
      'plugins: [jekyll-archives]',
      'jekyll-archives: {enabled: all}',
      '',
    ].join('\n');
    expect((await load(text)).printed).toEqual([]);
  });

  it('names a key nothing reads, and keeps it for site.*', async () => {
    const { config, printed } = await load('menu: [a, b]\n');
    expect(printed).toEqual(['_config.yml:1: warning: unknown key "menu": inkstone does not read it (layouts still see it as site.menu)']);
    expect(config.data.menu).toEqual(['a', 'b']);
  });

  it('checks the keys below feed: and liquid:', async () => {
    expect((await load('feed:\n  posts_limt: 3\nliquid:\n  strict_variable: true\n')).printed).toEqual([
      '_config.yml:2: warning: unknown key "feed.posts_limt" (did you mean "feed.posts_limit"?)',
      '_config.yml:4: warning: unknown key "liquid.strict_variable" (did you mean "liquid.strict_variables"?)',
    ]);
  });

  it('finds the line of a key after a BOM, CRLF line ends and comments', async () => {
    expect((await load('\uFEFF# settings\r\ntitle: x\r\n\r\ntitel: y\r\n')).printed).toEqual([
      '_config.yml:4: warning: unknown key "titel" (did you mean "title"?)',
    ]);
  });
});
