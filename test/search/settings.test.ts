import { describe, expect, it } from 'vitest';
import { postSearchable, searchEnabled } from '../../src/search/settings.js';
import { searchStrings } from '../../src/search/strings.js';

describe('search settings', () => {
  it('is on unless search: false (or no/off, which YAML 1.2 reads as strings)', () => {
    expect(searchEnabled({})).toBe(true);
    expect(searchEnabled({ search: null })).toBe(true);
    expect(searchEnabled({ search: true })).toBe(true);
    for (const off of [false, 'false', 'no', 'Off', ' NO ']) expect(searchEnabled({ search: off })).toBe(false);
  });

  it('indexes a post unless its front matter says search: false', () => {
    expect(postSearchable({})).toBe(true);
    expect(postSearchable({ search: false })).toBe(false);
    expect(postSearchable({ search: 'no' })).toBe(false);
  });
});

describe('searchStrings', () => {
  it('picks Simplified Chinese, Traditional Chinese or English by the site language', () => {
    expect(searchStrings('zh-CN').none).toBe('没有找到与“{query}”相关的文章。');
    expect(searchStrings('zh').title).toBe('搜索');
    expect(searchStrings('zh-Hans-CN').title).toBe('搜索');
    for (const tw of ['zh-TW', 'zh_tw', 'zh-HK', 'zh-Hant', 'zh-Hant-TW']) expect(searchStrings(tw).title).toBe('搜尋');
    expect(searchStrings('zh-TW').none).toBe('沒有找到與「{query}」相關的文章。');
    expect(searchStrings('en').none).toBe('No posts match “{query}”.');
    expect(searchStrings('fr').title).toBe('Search');
    expect(searchStrings(undefined).title).toBe('Search');
  });

  it('has every string in every language', () => {
    const keys = Object.keys(searchStrings('en')).sort();
    for (const lang of ['zh-CN', 'zh-TW']) {
      const strings = searchStrings(lang) as unknown as Record<string, string>;
      expect(Object.keys(strings).sort()).toEqual(keys);
      for (const key of keys) expect(strings[key]).not.toBe('');
    }
  });
});
