import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  fromFields,
  fromFieldsInZone,
  fromInstant,
  isValidTimeZone,
  jekyllDate,
  type PostDate,
  parseDate,
  toDayString,
  toIsoString,
  zoneOffsetMinutes,
} from '../../src/content/dates.js';

/** Milliseconds of an ISO instant written with an explicit offset (independent of process TZ). */
const ms = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad test instant ${iso}`);
  return value;
};

describe('parseDate with a written offset or none (UTC)', () => {
  it.each<[string, PostDate]>([
    ['2020-01-01', { year: 2020, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-01-01T00:00:00Z') }],
    ['2020-01-01 16:00:00 +0800', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 480, epochMs: ms('2020-01-01T08:00:00Z') }],
    ['2020-01-01 16:00:00 +08:00', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 480, epochMs: ms('2020-01-01T08:00:00Z') }],
    ['2020-01-01T16:00:00+08:00', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 480, epochMs: ms('2020-01-01T08:00:00Z') }],
    ['2020-01-01T16:00:00Z', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-01-01T16:00:00Z') }],
    ['2020-01-01 16:00:00 z', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-01-01T16:00:00Z') }],
    ['2020-01-01T16:00:00.123Z', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-01-01T16:00:00Z') }],
    ['2020-01-01 16:00:00.5 +0800', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 480, epochMs: ms('2020-01-01T08:00:00Z') }],
    ['2020-01-01 16:00', { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-01-01T16:00:00Z') }],
    ['2020-1-2 3:04:05', { year: 2020, month: 1, day: 2, hour: 3, minute: 4, second: 5, offsetMinutes: 0, epochMs: ms('2020-01-02T03:04:05Z') }],
    ['2021-03-14 22:30:00 -0500', { year: 2021, month: 3, day: 14, hour: 22, minute: 30, second: 0, offsetMinutes: -300, epochMs: ms('2021-03-15T03:30:00Z') }],
    ['2021-03-14 22:30:00 +0530', { year: 2021, month: 3, day: 14, hour: 22, minute: 30, second: 0, offsetMinutes: 330, epochMs: ms('2021-03-14T17:00:00Z') }],
    ['2021-03-14 22:30:00 +8', { year: 2021, month: 3, day: 14, hour: 22, minute: 30, second: 0, offsetMinutes: 480, epochMs: ms('2021-03-14T14:30:00Z') }],
    ['2020-01-01 00:30:00 +0800', { year: 2020, month: 1, day: 1, hour: 0, minute: 30, second: 0, offsetMinutes: 480, epochMs: ms('2019-12-31T16:30:00Z') }],
    ['  2020-02-29  ', { year: 2020, month: 2, day: 29, hour: 0, minute: 0, second: 0, offsetMinutes: 0, epochMs: ms('2020-02-29T00:00:00Z') }],
  ])('%j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it('keeps a written offset even when a site timezone is given', () => {
    expect(parseDate('2020-01-01 16:00:00 +0800', 'America/New_York')).toEqual({
      year: 2020,
      month: 1,
      day: 1,
      hour: 16,
      minute: 0,
      second: 0,
      offsetMinutes: 480,
      epochMs: ms('2020-01-01T08:00:00Z'),
    });
    expect(parseDate('2020-07-01T12:00:00Z', 'Asia/Shanghai')?.offsetMinutes).toBe(0);
  });

  it.each([
    '2020-02-30',
    '2019-02-29',
    '2020-04-31',
    '2020-13-01',
    '2020-00-10',
    '2020-01-00',
    '2020-01-32',
    '2020-01-01 24:00:00',
    '2020-01-01 12:60:00',
    '2020-01-01 12:00:61',
    '2020-01-01 16:00:00 +1900',
    '2020-01-01 16:00:00 +08:60',
    '2020-01-01 16:00:00 +08:0',
    '2020-01-01 16:00:00 PST',
    '20-01-01',
    '2020/01/01',
    '01/02/2020',
    'yesterday',
    'garbage',
    '',
    '2020-01-01x',
    '2020-01-01 16',
  ])('%j is not a date', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('parseDate in a site timezone (no written offset)', () => {
  it.each<[string, string, Partial<PostDate>]>([
    // Asia/Shanghai is +08:00 all year; a late-evening time stays on the day written.
    ['2020-05-20 23:50:00', 'Asia/Shanghai', { year: 2020, month: 5, day: 20, hour: 23, minute: 50, offsetMinutes: 480, epochMs: ms('2020-05-20T15:50:00Z') }],
    ['2020-01-01', 'Asia/Shanghai', { year: 2020, month: 1, day: 1, hour: 0, offsetMinutes: 480, epochMs: ms('2019-12-31T16:00:00Z') }],
    // New York, winter (EST, -05:00) and summer (EDT, -04:00).
    ['2020-01-15 12:00:00', 'America/New_York', { day: 15, hour: 12, offsetMinutes: -300, epochMs: ms('2020-01-15T17:00:00Z') }],
    ['2020-07-15 12:00:00', 'America/New_York', { day: 15, hour: 12, offsetMinutes: -240, epochMs: ms('2020-07-15T16:00:00Z') }],
    // Spring forward on 2020-03-08 at 02:00 local (07:00Z): both sides of the gap.
    ['2020-03-08 01:59:00', 'America/New_York', { day: 8, hour: 1, minute: 59, offsetMinutes: -300, epochMs: ms('2020-03-08T06:59:00Z') }],
    ['2020-03-08 03:00:00', 'America/New_York', { day: 8, hour: 3, minute: 0, offsetMinutes: -240, epochMs: ms('2020-03-08T07:00:00Z') }],
    // Fall back on 2020-11-01 at 02:00 local (06:00Z): both sides.
    ['2020-11-01 00:30:00', 'America/New_York', { day: 1, hour: 0, minute: 30, offsetMinutes: -240, epochMs: ms('2020-11-01T04:30:00Z') }],
    ['2020-11-01 02:00:00', 'America/New_York', { day: 1, hour: 2, minute: 0, offsetMinutes: -300, epochMs: ms('2020-11-01T07:00:00Z') }],
    ['2020-11-01 05:30:00', 'America/New_York', { day: 1, hour: 5, minute: 30, offsetMinutes: -300, epochMs: ms('2020-11-01T10:30:00Z') }],
    // A zone east of UTC with DST: Berlin springs forward 2020-03-29 02:00 and falls back 2020-10-25 03:00.
    ['2020-03-29 01:30:00', 'Europe/Berlin', { offsetMinutes: 60, epochMs: ms('2020-03-29T00:30:00Z') }],
    ['2020-03-29 03:30:00', 'Europe/Berlin', { offsetMinutes: 120, epochMs: ms('2020-03-29T01:30:00Z') }],
    ['2020-10-25 01:30:00', 'Europe/Berlin', { offsetMinutes: 120, epochMs: ms('2020-10-24T23:30:00Z') }],
    ['2020-10-25 03:30:00', 'Europe/Berlin', { offsetMinutes: 60, epochMs: ms('2020-10-25T02:30:00Z') }],
    ['2020-06-01 00:00:00', 'UTC', { offsetMinutes: 0, epochMs: ms('2020-06-01T00:00:00Z') }],
  ])('%s in %s', (text, zone, expected) => {
    expect(parseDate(text, zone)).toMatchObject(expected);
  });

  it('without a timezone reads the time as UTC', () => {
    expect(parseDate('2020-05-20 23:50:00')).toEqual({
      year: 2020,
      month: 5,
      day: 20,
      hour: 23,
      minute: 50,
      second: 0,
      offsetMinutes: 0,
      epochMs: ms('2020-05-20T23:50:00Z'),
    });
    expect(parseDate('2020-05-20 23:50:00', undefined)?.epochMs).toBe(1590018600000);
  });

  it('gives the same instant whatever the process time zone (exact epoch values)', () => {
    // These literals were computed by hand; none depends on the TZ the tests run in.
    expect(parseDate('2020-01-01 16:00:00 +0800')?.epochMs).toBe(1577865600000);
    expect(parseDate('2020-01-01')?.epochMs).toBe(1577836800000);
    expect(parseDate('2020-01-01', 'Asia/Shanghai')?.epochMs).toBe(1577808000000);
    expect(parseDate('2020-07-15 12:00:00', 'America/New_York')?.epochMs).toBe(1594828800000);
  });
});

describe('fromFields / fromFieldsInZone', () => {
  const f = { year: 2020, month: 1, day: 1, hour: 16, minute: 0, second: 0 };
  it('applies the offset to get the instant', () => {
    expect(fromFields(f, 480)).toEqual({ ...f, offsetMinutes: 480, epochMs: ms('2020-01-01T08:00:00Z') });
    expect(fromFields(f, -90)).toEqual({ ...f, offsetMinutes: -90, epochMs: ms('2020-01-01T17:30:00Z') });
  });
  it('reads fields in a zone, or UTC without one', () => {
    expect(fromFieldsInZone(f)).toEqual({ ...f, offsetMinutes: 0, epochMs: ms('2020-01-01T16:00:00Z') });
    expect(fromFieldsInZone(f, 'Asia/Tokyo')).toEqual({ ...f, offsetMinutes: 540, epochMs: ms('2020-01-01T07:00:00Z') });
  });
});

describe('zoneOffsetMinutes', () => {
  it.each<[string, string, number]>([
    ['Asia/Shanghai', '2020-06-01T00:00:00Z', 480],
    ['America/New_York', '2020-01-01T00:00:00Z', -300],
    ['America/New_York', '2020-07-01T00:00:00Z', -240],
    ['America/New_York', '2020-03-08T06:59:59Z', -300],
    ['America/New_York', '2020-03-08T07:00:00Z', -240],
    ['Asia/Kolkata', '2020-01-01T00:00:00Z', 330],
    ['UTC', '2020-01-01T00:00:00Z', 0],
  ])('%s at %s → %d', (zone, iso, expected) => {
    expect(zoneOffsetMinutes(zone, ms(iso))).toBe(expected);
  });
  it('ignores milliseconds', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', ms('2020-06-01T00:00:00Z') + 999)).toBe(480);
  });
});

describe('fromInstant', () => {
  it('reads an instant in UTC without a zone', () => {
    expect(fromInstant(ms('2020-01-01T08:00:00Z'))).toEqual({
      year: 2020,
      month: 1,
      day: 1,
      hour: 8,
      minute: 0,
      second: 0,
      offsetMinutes: 0,
      epochMs: ms('2020-01-01T08:00:00Z'),
    });
  });
  it('reads an instant as wall-clock fields in a zone', () => {
    expect(fromInstant(ms('2019-12-31T20:00:00Z'), 'Asia/Shanghai')).toEqual({
      year: 2020,
      month: 1,
      day: 1,
      hour: 4,
      minute: 0,
      second: 0,
      offsetMinutes: 480,
      epochMs: ms('2019-12-31T20:00:00Z'),
    });
    expect(fromInstant(ms('2020-07-01T03:00:00Z'), 'America/New_York')).toMatchObject({
      year: 2020,
      month: 6,
      day: 30,
      hour: 23,
      offsetMinutes: -240,
    });
  });
  it('drops milliseconds', () => {
    const d = fromInstant(ms('2020-01-01T08:00:00Z') + 789);
    expect(d.epochMs).toBe(ms('2020-01-01T08:00:00Z'));
    expect(d.second).toBe(0);
  });
  it('round-trips through toIsoString and parseDate', () => {
    const d = fromInstant(ms('2021-03-14T14:30:05Z'), 'Asia/Shanghai');
    expect(toIsoString(d)).toBe('2021-03-14T22:30:05+08:00');
    expect(parseDate(toIsoString(d))).toEqual(d);
  });
});

describe('toIsoString / toDayString / formatOffset', () => {
  it.each<[string, string | undefined, string]>([
    ['2020-01-01 16:00:00 +0800', undefined, '2020-01-01T16:00:00+08:00'],
    ['2020-01-01', undefined, '2020-01-01T00:00:00+00:00'],
    ['2020-1-2 3:04:05', undefined, '2020-01-02T03:04:05+00:00'],
    ['2021-03-14 22:30:00 -0500', undefined, '2021-03-14T22:30:00-05:00'],
    ['2021-03-14 22:30:00 +0530', undefined, '2021-03-14T22:30:00+05:30'],
    ['2021-03-14 22:30:00 -0930', undefined, '2021-03-14T22:30:00-09:30'],
    ['2020-05-20 23:50:00', 'Asia/Shanghai', '2020-05-20T23:50:00+08:00'],
    ['2020-07-15 12:00:00', 'America/New_York', '2020-07-15T12:00:00-04:00'],
  ])('%s (%s) → %s', (text, zone, expected) => {
    expect(toIsoString(parseDate(text, zone)!)).toBe(expected);
  });

  it.each([
    ['2020-01-01 16:00:00 +0800', '2020-01-01'],
    ['2020-1-2', '2020-01-02'],
    ['2020-12-31 23:59:59 -1200', '2020-12-31'],
  ])('toDayString(%s) → %s', (text, expected) => {
    expect(toDayString(parseDate(text)!)).toBe(expected);
  });

  it.each<[number, string | undefined, string]>([
    [0, undefined, '+00:00'],
    [480, undefined, '+08:00'],
    [480, '', '+0800'],
    [-300, undefined, '-05:00'],
    [330, undefined, '+05:30'],
    [-570, '', '-0930'],
  ])('formatOffset(%d, %j) → %s', (offset, sep, expected) => {
    expect(sep === undefined ? formatOffset(offset) : formatOffset(offset, sep)).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Asia/Shanghai', true],
    ['America/New_York', true],
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['Asia/Shanghia', false],
    ['not a zone', false],
    ['+08:00 nonsense', false],
  ])('%s → %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});

describe('jekyllDate', () => {
  it.each([
    ['2020-05-20 23:50:00', 'Asia/Shanghai', '2020-05-21T07:50:00+08:00'],
    ['2020-11-30 23:30', 'Asia/Shanghai', '2020-12-01T07:30:00+08:00'],
    ['2022-05-01 00:30:00', 'Asia/Shanghai', '2022-05-01T08:30:00+08:00'],
    ['2020-05-20 23:50:00', undefined, '2020-05-20T23:50:00+00:00'],
  ])('%s under %s is %s to Jekyll', (text, zone, iso) => {
    expect(toIsoString(jekyllDate(text, zone)!)).toBe(iso);
  });

  it('reads a written offset or a bare date as inkstone does', () => {
    expect(jekyllDate('2020-05-20 23:50:00 +0800', 'Asia/Shanghai')).toBeUndefined();
    expect(jekyllDate('2020-05-20', 'Asia/Shanghai')).toBeUndefined();
  });
});
