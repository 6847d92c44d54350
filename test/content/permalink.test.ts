import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/dates.js';
import {
  expandPermalink,
  isoWeek,
  outputPathForUrl,
  PERMALINK_STYLES,
  type PermalinkData,
  permalinkPattern,
  placeholders,
  unsafeUrlReason,
  urlCategory,
} from '../../src/content/permalink.js';

const date = (text: string) => {
  const d = parseDate(text);
  if (!d) throw new Error(`bad test date ${text}`);
  return d;
};

/** 2021-03-14 is a Sunday, day 73 of the year, ISO week 10. */
const sunday: PermalinkData = { date: date('2021-03-14 22:30:05 +0800'), title: 'shell-pipes', categories: ['Shell', 'Linux'] };
/** 2020-01-01 is a Wednesday. */
const seed: PermalinkData = { date: date('2020-01-01 16:00:00 +0800'), title: 'some-drafts', categories: ['basic'] };

describe('named styles', () => {
  it('knows exactly Jekyll’s five styles', () => {
    expect(PERMALINK_STYLES).toEqual({
      date: '/:categories/:year/:month/:day/:title:output_ext',
      pretty: '/:categories/:year/:month/:day/:title/',
      ordinal: '/:categories/:year/:y_day/:title:output_ext',
      weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
      none: '/:categories/:title:output_ext',
    });
  });

  it.each<[string, PermalinkData, string]>([
    ['date', seed, '/basic/2020/01/01/some-drafts.html'],
    ['pretty', seed, '/basic/2020/01/01/some-drafts/'],
    ['ordinal', seed, '/basic/2020/001/some-drafts.html'],
    ['weekdate', seed, '/basic/2020/W01/Wed/some-drafts.html'],
    ['none', seed, '/basic/some-drafts.html'],
    ['date', sunday, '/shell/linux/2021/03/14/shell-pipes.html'],
    ['pretty', sunday, '/shell/linux/2021/03/14/shell-pipes/'],
    ['ordinal', sunday, '/shell/linux/2021/073/shell-pipes.html'],
    ['weekdate', sunday, '/shell/linux/2021/W10/Sun/shell-pipes.html'],
    ['none', sunday, '/shell/linux/shell-pipes.html'],
  ])('%s → %s', (style, data, expected) => {
    expect(expandPermalink(style, data)).toBe(expected);
  });

  it.each<[string, string]>([
    ['date', '/2020/01/01/some-drafts.html'],
    ['pretty', '/2020/01/01/some-drafts/'],
    ['ordinal', '/2020/001/some-drafts.html'],
    ['weekdate', '/2020/W01/Wed/some-drafts.html'],
    ['none', '/some-drafts.html'],
  ])('%s without categories drops the segment (no "//")', (style, expected) => {
    expect(expandPermalink(style, { ...seed, categories: [] })).toBe(expected);
  });

  it('permalinkPattern maps names and passes patterns through', () => {
    expect(permalinkPattern('pretty')).toBe('/:categories/:year/:month/:day/:title/');
    expect(permalinkPattern('/blog/:title/')).toBe('/blog/:title/');
    expect(permalinkPattern('Pretty')).toBe('Pretty');
  });
});

describe('placeholders', () => {
  it('computes every Jekyll placeholder', () => {
    expect(placeholders(sunday)).toEqual({
      year: '2021',
      short_year: '21',
      month: '03',
      i_month: '3',
      short_month: 'Mar',
      long_month: 'March',
      day: '14',
      i_day: '14',
      y_day: '073',
      hour: '22',
      minute: '30',
      second: '05',
      week: '10',
      w_year: '2021',
      w_day: '7',
      short_day: 'Sun',
      long_day: 'Sunday',
      title: 'shell-pipes',
      slug: 'shell-pipes',
      name: 'shell-pipes',
      categories: 'shell/linux',
      slugified_categories: 'shell/linux',
      output_ext: '.html',
    });
  });

  it('uses the date as written, not as UTC', () => {
    // 00:30 on Jan 1st at +08:00 is still Dec 31st in UTC; the URL keeps Jan 1st.
    const p = placeholders({ date: date('2020-01-01 00:30:00 +0800'), title: 't', categories: [] });
    expect([p.year, p.month, p.day, p.hour, p.y_day, p.short_day]).toEqual(['2020', '01', '01', '00', '001', 'Wed']);
  });

  it('pads single digits and y_day to three', () => {
    const p = placeholders({ date: date('2005-02-03 04:05:06'), title: 't', categories: [] });
    expect([p.short_year, p.month, p.i_month, p.day, p.i_day, p.y_day, p.hour, p.minute, p.second]).toEqual([
      '05',
      '02',
      '2',
      '03',
      '3',
      '034',
      '04',
      '05',
      '06',
    ]);
  });

  it('counts y_day through a leap day', () => {
    expect(placeholders({ ...seed, date: date('2020-12-31') }).y_day).toBe('366');
    expect(placeholders({ ...seed, date: date('2021-12-31') }).y_day).toBe('365');
    expect(placeholders({ ...seed, date: date('2020-03-01') }).y_day).toBe('061');
  });

  it.each<[string, string, string, string]>([
    ['2024-01-01', 'Mon', 'Monday', '1'],
    ['2024-01-06', 'Sat', 'Saturday', '6'],
    ['2024-01-07', 'Sun', 'Sunday', '7'],
    ['2024-02-29', 'Thu', 'Thursday', '4'],
  ])('%s is %s', (text, short, long, wDay) => {
    const p = placeholders({ ...seed, date: date(text) });
    expect([p.short_day, p.long_day, p.w_day]).toEqual([short, long, wDay]);
  });

  it.each<[number, string, string]>([
    [1, 'Jan', 'January'],
    [5, 'May', 'May'],
    [9, 'Sep', 'September'],
    [12, 'Dec', 'December'],
  ])('month %d → %s / %s', (month, short, long) => {
    const p = placeholders({ ...seed, date: date(`2020-${month}-15`) });
    expect([p.short_month, p.long_month]).toEqual([short, long]);
  });
});

describe('custom patterns', () => {
  it.each<[string, string]>([
    ['/:year/:month/:day/:title:output_ext', '/2021/03/14/shell-pipes.html'],
    ['/:short_year/:i_month/:i_day/:slug/', '/21/3/14/shell-pipes/'],
    ['/:year/:y_day/:hour:minute:second/:title', '/2021/073/223005/shell-pipes'],
    ['/:categories/:title/', '/shell/linux/shell-pipes/'],
    ['/:year/W:week/:short_day/:long_day', '/2021/W10/Sun/Sunday'],
    ['/:short_month-:long_month/:title.html', '/Mar-March/shell-pipes.html'],
    ['/blog/:year-:month-:day-:title:output_ext', '/blog/2021-03-14-shell-pipes.html'],
    [':year/:title', '/2021/shell-pipes'],
    ['/:title:output_ext', '/shell-pipes.html'],
    ['/:unknown/:title', '/:unknown/shell-pipes'],
    ['/:titles/', '/:titles/'],
    ['/static/about.html', '/static/about.html'],
  ])('%s → %s', (pattern, expected) => {
    expect(expandPermalink(pattern, sunday)).toBe(expected);
  });

  it('collapses repeated slashes when categories are empty', () => {
    expect(expandPermalink('/:categories/:categories/:title/', { ...sunday, categories: [] })).toBe('/shell-pipes/');
    expect(expandPermalink('//:year//:title', sunday)).toBe('/2021/shell-pipes');
  });

  it('keeps Chinese in :title and does not re-expand values', () => {
    const data: PermalinkData = { date: date('2022-07-09 08:15:00 +0800'), title: '内核抢占:year', categories: ['内核'] };
    expect(expandPermalink('date', data)).toBe('/内核/2022/07/09/内核抢占:year.html');
    expect(expandPermalink('/:title/', { ...data, title: '读 task_struct 笔记' })).toBe('/读 task_struct 笔记/');
  });
});

describe('categories in URLs', () => {
  it.each<[string[], string]>([
    [['Basic'], 'basic'],
    [['Linux', 'SHELL'], 'linux/shell'],
    [['Operating Systems'], 'operating-systems'],
    [['  Spaced   Out  '], 'spaced-out'],
    [['a', '', 'b'], 'a/b'],
    [['', '  '], ''],
    [['内核', 'C'], '内核/c'],
    [[], ''],
  ])('%j → %j', (categories, expected) => {
    expect(placeholders({ ...seed, categories }).categories).toBe(expected);
  });

  it('never produces an empty segment', () => {
    expect(expandPermalink('date', { ...seed, categories: ['', 'x', ' '] })).toBe('/x/2020/01/01/some-drafts.html');
    expect(expandPermalink('date', { ...seed, categories: ['', ' '] })).toBe('/2020/01/01/some-drafts.html');
  });

  it.each([
    ['Basic', 'basic'],
    ['  Two Words ', 'two-words'],
    ['tab\there', 'tab-here'],
    ['内核 抢占', '内核-抢占'],
  ])('urlCategory(%j) → %j', (name, expected) => {
    expect(urlCategory(name)).toBe(expected);
  });
});

describe('isoWeek', () => {
  it.each<[string, number, number]>([
    ['2021-01-01', 53, 2020], // a Friday: still the last week of 2020
    ['2021-01-03', 53, 2020], // Sunday
    ['2021-01-04', 1, 2021], // Monday
    ['2020-01-01', 1, 2020], // Wednesday
    ['2019-12-30', 1, 2020], // Monday: ISO week 1 of 2020 starts in December
    ['2020-12-31', 53, 2020],
    ['2024-12-30', 1, 2025],
    ['2024-12-31', 1, 2025],
    ['2022-01-01', 52, 2021], // Saturday
    ['2023-01-01', 52, 2022], // Sunday
    ['2026-01-01', 1, 2026], // Thursday
    ['2021-03-14', 10, 2021],
    ['2015-12-31', 53, 2015],
  ])('%s → week %d of %d', (text, week, weekYear) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    expect(isoWeek(y, m, d)).toEqual({ week, weekYear });
  });

  it(':week and :w_year follow the ISO week, :year the calendar', () => {
    const p = placeholders({ ...seed, date: date('2021-01-01') });
    expect([p.year, p.week, p.w_year, p.w_day]).toEqual(['2021', '53', '2020', '5']);
    expect(expandPermalink('weekdate', { ...seed, categories: [], date: date('2021-01-01') })).toBe('/2021/W53/Fri/some-drafts.html');
  });
});

describe('outputPathForUrl', () => {
  it.each([
    ['/basic/2020/01/01/some-drafts.html', 'basic/2020/01/01/some-drafts.html'],
    ['/basic/2020/01/01/some-drafts/', 'basic/2020/01/01/some-drafts/index.html'],
    ['/basic/some-drafts', 'basic/some-drafts.html'],
    ['/', 'index.html'],
    ['', 'index.html'],
    ['//a/b/', 'a/b/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/v1.2/notes', 'v1.2/notes.html'],
    ['/内核/抢占.html', '内核/抢占.html'],
    ['/内核/抢占/', '内核/抢占/index.html'],
  ])('%j → %j', (url, expected) => {
    expect(outputPathForUrl(url)).toBe(expected);
  });
});

describe('unsafeUrlReason', () => {
  it.each(['/basic/2020/01/01/some-drafts.html', '/a/b/', '/内核/抢占.html', '/a..b/c.html', '/.../x', '/a b/c'])('%j is safe', (url) => {
    expect(unsafeUrlReason(url)).toBeUndefined();
  });

  it.each<[string, string]>([
    ['/../etc/passwd', '"/../etc/passwd" contains a ".." or "." segment'],
    ['/a/../../b.html', '"/a/../../b.html" contains a ".." or "." segment'],
    ['/a/..', '"/a/.." contains a ".." or "." segment'],
    ['/./a', '"/./a" contains a ".." or "." segment'],
    ['/a\\b.html', '"/a\\b.html" contains a backslash or control character'],
    ['/a\\..\\b', '"/a\\..\\b" contains a backslash or control character'],
    ['/a\nb', '"/a\nb" contains a backslash or control character'],
    ['/a\0b', '"/a\0b" contains a backslash or control character'],
    ['/a\tb', '"/a\tb" contains a backslash or control character'],
    ['/a\x1fb', '"/a\x1fb" contains a backslash or control character'],
    ['/a?b=1', '"/a?b=1" contains "?" or "#"'],
    ['/c#/x.html', '"/c#/x.html" contains "?" or "#"'],
  ])('%j → %j', (url, reason) => {
    expect(unsafeUrlReason(url)).toBe(reason);
  });
});
