import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/dates.js';
import { formatDate } from '../../src/render/date-format.js';

describe('formatDate', () => {
  const d = parseDate('2020-01-05 16:07:09 +0800')!;

  it.each([
    ['%Y年%-m月%-d日', '2020年1月5日'],
    ['%-m月%-d日', '1月5日'],
    ['%b %-d, %Y', 'Jan 5, 2020'],
    ['%B %e, %Y', 'January  5, 2020'],
    ['%Y-%m-%d %H:%M:%S', '2020-01-05 16:07:09'],
    ['%a %A %y %j %-j', 'Sun Sunday 20 005 5'],
    ['100%% %Q', '100% %Q'],
  ])('%j → %j', (format, text) => {
    expect(formatDate(d, format)).toBe(text);
  });

  it('keeps the day as written, whatever the offset', () => {
    expect(formatDate(parseDate('2020-05-20 23:50:00 -1100')!, '%Y-%m-%d')).toBe('2020-05-20');
  });
});
