import { describe, expect, it } from 'vitest';
import { tableFor, UI_STRINGS, uiStrings } from '../../src/render/i18n.js';

describe('tableFor', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['ZH-tw', 'zh-TW'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['ja', 'en'],
    ['zhx', 'en'],
    ['', 'en'],
  ])('%j → %s', (lang, table) => {
    expect(tableFor(lang)).toBe(table);
  });
});

describe('uiStrings', () => {
  it('gives each language its own words', () => {
    expect(uiStrings('zh-CN')).toMatchObject({ archive: '归档', categories: '分类', tags: '标签', toc: '目录', copy: '复制', post_count_other: '{n} 篇文章' });
    expect(uiStrings('zh-TW')).toMatchObject({ archive: '歸檔', categories: '分類', tags: '標籤', search: '搜尋', copy: '複製' });
    expect(uiStrings('en')).toMatchObject({ archive: 'Archive', categories: 'Categories', post_count_one: '1 post', not_found_title: 'Page not found' });
  });

  it('has every key in every table', () => {
    const keys = Object.keys(UI_STRINGS.en).sort();
    for (const table of Object.values(UI_STRINGS)) expect(Object.keys(table).sort()).toEqual(keys);
  });

  it('takes string overrides for known keys only', () => {
    const strings = uiStrings('zh-CN', { archive: '文章归档', nope: 'x', toc: 3 });
    expect(strings.archive).toBe('文章归档');
    expect(strings.toc).toBe('目录');
    expect(strings).not.toHaveProperty('nope');
    expect(UI_STRINGS['zh-CN'].archive).toBe('归档');
  });
});
