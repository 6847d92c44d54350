/**
 * Dates for readers: a small `strftime` over a post's date as written (its own wall clock and
 * offset, never the build machine's), with English month and day names. `%Y %y %m %-m %d %-d %e
 * %b %B %a %A %H %M %S %j %%` are understood; anything else is kept as it is, so `%Y年%-m月%-d日`
 * gives `2020年1月1日`.
 */
import { type PostDate, pad } from '../content/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Day of the week of a calendar date, 0 = Sunday. */
function weekday(d: PostDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Day of the year, 1-based. */
function yearDay(d: PostDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(d.year, 0, 1)) / 86_400_000) + 1;
}

/** `d` formatted by a strftime pattern. */
export function formatDate(d: PostDate, format: string): string {
  return format.replace(/%(-?)([a-zA-Z%])/g, (whole, bare: string, directive: string) => {
    const two = (n: number) => (bare ? String(n) : pad(n));
    switch (directive) {
      case 'Y':
        return String(d.year);
      case 'y':
        return two(d.year % 100);
      case 'm':
        return two(d.month);
      case 'd':
        return two(d.day);
      case 'e':
        return bare ? String(d.day) : String(d.day).padStart(2, ' ');
      case 'b':
        return MONTHS[d.month - 1]!.slice(0, 3);
      case 'B':
        return MONTHS[d.month - 1]!;
      case 'a':
        return DAYS[weekday(d)]!.slice(0, 3);
      case 'A':
        return DAYS[weekday(d)]!;
      case 'H':
        return two(d.hour);
      case 'M':
        return two(d.minute);
      case 'S':
        return two(d.second);
      case 'j':
        return bare ? String(yearDay(d)) : pad(yearDay(d), 3);
      case '%':
        return '%';
      default:
        return whole;
    }
  });
}
