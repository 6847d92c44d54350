/**
 * The default theme's interface strings, one small table per language, chosen by the site's `lang`
 * (`zh-CN`, `zh-TW`, `en`; other Chinese tags by script or region, anything else English).
 * Templates read them as `site.i18n.<key>`; `{n}` in a string is replaced by a number
 * (`{{ site.i18n.minutes | replace: "{n}", page.reading_minutes }}`). A site overrides single
 * strings with an `i18n:` map in `_config.yml`.
 */

/** Every string the default theme shows. */
export interface UiStrings {
  /** Short date (`strftime`), for lists and post headers. */
  date_format: string;
  /** Month and day, for the archive's year groups. */
  month_day_format: string;
  skip_to_content: string;
  home: string;
  posts: string;
  archive: string;
  categories: string;
  tags: string;
  feed: string;
  search: string;
  search_placeholder: string;
  toc: string;
  /** `{n}` posts. */
  post_count_one: string;
  post_count_other: string;
  /** Reading time, `{n}` minutes. */
  minutes: string;
  /** Word count, `{n}` words (CJK characters count one each). */
  words: string;
  previous: string;
  next: string;
  newer_posts: string;
  older_posts: string;
  /** `{n}` of `{total}`. */
  page_of: string;
  related: string;
  copy: string;
  copied: string;
  copy_failed: string;
  read_more: string;
  not_found_title: string;
  not_found_text: string;
  built_with: string;
}

const EN: UiStrings = {
  date_format: '%b %-d, %Y',
  month_day_format: '%b %-d',
  skip_to_content: 'Skip to content',
  home: 'Home',
  posts: 'Posts',
  archive: 'Archive',
  categories: 'Categories',
  tags: 'Tags',
  feed: 'Feed',
  search: 'Search',
  search_placeholder: 'Search',
  toc: 'Contents',
  post_count_one: '1 post',
  post_count_other: '{n} posts',
  minutes: '{n} min read',
  words: '{n} words',
  previous: 'Previous',
  next: 'Next',
  newer_posts: 'Newer posts',
  older_posts: 'Older posts',
  page_of: 'Page {n} of {total}',
  related: 'Related posts',
  copy: 'Copy',
  copied: 'Copied',
  copy_failed: 'Press Ctrl+C to copy',
  read_more: 'Read more',
  not_found_title: 'Page not found',
  not_found_text: 'The page you asked for is not here. It may have moved: try the home page, the archive or a search.',
  built_with: 'Built with inkstone',
};

const ZH_CN: UiStrings = {
  date_format: '%Y年%-m月%-d日',
  month_day_format: '%-m月%-d日',
  skip_to_content: '跳到正文',
  home: '首页',
  posts: '文章',
  archive: '归档',
  categories: '分类',
  tags: '标签',
  feed: '订阅',
  search: '搜索',
  search_placeholder: '搜索',
  toc: '目录',
  post_count_one: '1 篇文章',
  post_count_other: '{n} 篇文章',
  minutes: '约 {n} 分钟读完',
  words: '{n} 字',
  previous: '上一篇',
  next: '下一篇',
  newer_posts: '较新的文章',
  older_posts: '较早的文章',
  page_of: '第 {n} 页，共 {total} 页',
  related: '相关文章',
  copy: '复制',
  copied: '已复制',
  copy_failed: '请按 Ctrl+C 复制',
  read_more: '阅读全文',
  not_found_title: '页面不存在',
  not_found_text: '你要找的页面不在这里，可能已经移动了。试试首页、归档或者搜索。',
  built_with: '由 inkstone 生成',
};

const ZH_TW: UiStrings = {
  ...ZH_CN,
  skip_to_content: '跳到正文',
  home: '首頁',
  posts: '文章',
  archive: '歸檔',
  categories: '分類',
  tags: '標籤',
  feed: '訂閱',
  search: '搜尋',
  search_placeholder: '搜尋',
  toc: '目錄',
  post_count_one: '1 篇文章',
  post_count_other: '{n} 篇文章',
  minutes: '約 {n} 分鐘讀完',
  words: '{n} 字',
  previous: '上一篇',
  next: '下一篇',
  newer_posts: '較新的文章',
  older_posts: '較舊的文章',
  page_of: '第 {n} 頁，共 {total} 頁',
  related: '相關文章',
  copy: '複製',
  copied: '已複製',
  copy_failed: '請按 Ctrl+C 複製',
  read_more: '閱讀全文',
  not_found_title: '找不到頁面',
  not_found_text: '你要找的頁面不在這裡，可能已經移動了。試試首頁、歸檔或者搜尋。',
  built_with: '由 inkstone 產生',
};

/** The tables by language tag. */
export const UI_STRINGS: Readonly<Record<'en' | 'zh-CN' | 'zh-TW', UiStrings>> = { en: EN, 'zh-CN': ZH_CN, 'zh-TW': ZH_TW };

/** The table for a language tag: `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…` → zh-TW; other `zh…` → zh-CN; else en. */
export function tableFor(lang: string): keyof typeof UI_STRINGS {
  const tag = lang.trim().toLowerCase().replace(/_/g, '-');
  if (tag !== 'zh' && !tag.startsWith('zh-')) return 'en';
  return /^zh-(?:hant|tw|hk|mo)\b/.test(tag) ? 'zh-TW' : 'zh-CN';
}

/** The strings for `lang`, with a site's `i18n:` overrides (string values only) on top. */
export function uiStrings(lang: string, overrides?: unknown): UiStrings {
  const strings = { ...UI_STRINGS[tableFor(lang)] };
  if (overrides && typeof overrides === 'object') {
    for (const [key, value] of Object.entries(overrides))
      if (typeof value === 'string' && Object.hasOwn(strings, key)) (strings as Record<string, string>)[key] = value;
  }
  return strings;
}
