/**
 * The search page's words, in the site's language (`lang`): one table per language, chosen by
 * `searchStrings`. `{query}` and `{count}` are filled in by the browser script.
 */

/** Every string the search page and its script show. */
export interface SearchStrings {
  /** Page title and heading. */
  title: string;
  /** The query field's placeholder and accessible name. */
  placeholder: string;
  submit: string;
  /** Shown before anything was typed. */
  prompt: string;
  loading: string;
  /** No post matches: `{query}` is the query as typed. */
  none: string;
  /** One post matched. */
  countOne: string;
  /** `{count}` posts matched. */
  countMany: string;
  more: string;
  /** The index could not be fetched. */
  failed: string;
  /** Shown to readers without JavaScript. */
  noscript: string;
}

const EN: SearchStrings = {
  title: 'Search',
  placeholder: 'Search the notes',
  submit: 'Search',
  prompt: 'Type a word, a phrase or a command. Several words find posts that have all of them.',
  loading: 'Loading the index…',
  none: 'No posts match “{query}”.',
  countOne: '1 post found',
  countMany: '{count} posts found',
  more: 'Show more',
  failed: 'The search index could not be loaded.',
  noscript: 'Search needs JavaScript.',
};

const ZH_CN: SearchStrings = {
  title: '搜索',
  placeholder: '搜索笔记',
  submit: '搜索',
  prompt: '输入词语、短语或命令；多个词用空格分开，找出同时包含它们的文章。',
  loading: '正在加载索引…',
  none: '没有找到与“{query}”相关的文章。',
  countOne: '找到 1 篇文章',
  countMany: '找到 {count} 篇文章',
  more: '显示更多',
  failed: '搜索索引加载失败。',
  noscript: '搜索需要启用 JavaScript。',
};

const ZH_TW: SearchStrings = {
  title: '搜尋',
  placeholder: '搜尋筆記',
  submit: '搜尋',
  prompt: '輸入詞語、短語或指令；多個詞以空格分開，找出同時包含它們的文章。',
  loading: '正在載入索引…',
  none: '沒有找到與「{query}」相關的文章。',
  countOne: '找到 1 篇文章',
  countMany: '找到 {count} 篇文章',
  more: '顯示更多',
  failed: '搜尋索引載入失敗。',
  noscript: '搜尋需要啟用 JavaScript。',
};

/** The table for a language tag: Traditional Chinese for `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*`, Simplified for other `zh`, English otherwise. */
export function searchStrings(lang: string | undefined): SearchStrings {
  const tag = (lang ?? '').toLowerCase().replace(/_/g, '-');
  if (tag === 'zh' || tag.startsWith('zh-')) return /^zh-(tw|hk|mo|hant)\b/.test(tag) ? ZH_TW : ZH_CN;
  return EN;
}
