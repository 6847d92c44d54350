import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { SITE_DEFAULTS } from '../../src/config/defaults.js';
import { CONFIG_KEYS } from '../../src/config/schema.js';
import { REPO } from '../helpers/site.js';

/** The rows of the README's configuration table, as `key | type | default | meaning` cells. */
function readmeRows(): string[][] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration: `_config.yml`'));
  const table = section.slice(section.indexOf('| key |'));
  const lines = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return lines.map((line) =>
    line
      .replace(/^\|\s*|\s*\|$/g, '')
      .split(/\s+\|\s+/)
      .map((cell) => cell.trim()),
  );
}

describe('the config schema', () => {
  it("is the README's configuration table, row by row", () => {
    const expected = CONFIG_KEYS.map((k) => [`\`${k.key}\``, k.doc.type, k.doc.default, k.doc.meaning]);
    expect(readmeRows()).toEqual(expected);
  });

  it('names every key once', () => {
    const keys = CONFIG_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows the defaults config/defaults.ts has', () => {
    const shown = Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, k.doc.default]));
    expect(shown).toMatchObject({
      title: `\`${SITE_DEFAULTS.title}\``,
      permalink: `\`${SITE_DEFAULTS.permalink}\``,
      destination: `\`${SITE_DEFAULTS.destination}\``,
      posts_dir: `\`${SITE_DEFAULTS.postsDir}\``,
      layouts_dir: `\`${SITE_DEFAULTS.layoutsDir}\``,
      'feed.posts_limit': `\`${SITE_DEFAULTS.feedLimit}\``,
      paginate_path: `\`${SITE_DEFAULTS.paginatePath}\``,
    });
  });

  it('accepts a config that sets every key, without a word', () => {
    const data = {
      title: '笔记',
      description: 'd',
      author: { name: '张三' },
      url: 'https://u.github.io',
      baseurl: '/notes',
      permalink: '/:year/:title/',
      timezone: 'Asia/Shanghai',
      lang: 'zh-CN',
      future: true,
      unpublished: false,
      show_drafts: 'no',
      excerpt_separator: '<!--more-->',
      feed: { posts_limit: 5, path: 'atom.xml' },
      destination: '_site',
      posts_dir: 'notes',
      layouts_dir: 'theme',
      include: ['.well-known'],
      exclude: 'drafts.txt',
      defaults: [{ scope: { path: '', type: 'posts' }, values: { layout: 'post', published: 'yes' } }],
      paginate: 5,
      paginate_path: '/page:num/',
      liquid: { strict_variables: true, strict_filters: 'off', error_mode: 'warn' },
      liquid_in_code: false,
      strict_links: 'on',
      plugins: ['jekyll-feed'],
      gems: [],
      theme: 'minima',
      search: 'no',
      toc: true,
      toc_levels: '2..4',
      toc_min_headings: 0,
      related_posts: 0,
      date_format: '%Y-%m-%d',
      i18n: { posts: '笔记' },
      name: 'n',
      tagline: 't',
      locale: 'zh_CN',
      logo: '/logo.png',
      twitter: { username: 'x' },
      facebook: { app_id: '1' },
      social: { name: 'n', links: [] },
      webmaster_verifications: { google: 'g' },
      google_site_verification: 'g',
      seo_paginator_message: 'Page %<current>s',
    };
    const keys = new Set(CONFIG_KEYS.map((k) => k.key.split('.')[0]));
    expect(Object.keys(data).sort()).toEqual([...keys].sort());
    const { config, errors } = resolveConfig(data, { root: '/site' });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ drafts: false, strict: true, liquid: { strictVariables: true, strictFilters: false }, liquidInCode: false });
    expect(config.defaults[0]!.values).toEqual({ layout: 'post', published: true });
    expect(config.data).toMatchObject({ search: false, toc_levels: '2..4', related_posts: 0 });
  });

  it("checks the default theme's keys, naming what they should be", () => {
    const { errors } = resolveConfig({ toc_levels: '2-3', related_posts: -1, date_format: 5, toc: [true] }, { root: '/site' });
    expect(errors.map((e) => e.message)).toEqual([
      '"toc" should be true or false, not a list',
      '"toc_levels" should be heading levels such as "2..3", "2,3" or [2, 3], not "2-3"',
      '"related_posts" should be a whole number, not the number -1',
      '"date_format" should be text, not the number 5',
    ]);
  });
});
