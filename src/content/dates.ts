/**
 * Post dates kept as written. A date carries the wall-clock fields the author typed and the UTC
 * offset they meant, so `2020-01-01 16:00:00 +0800` stays on January 1st whatever time zone the
 * build machine is in.
 */

/** A moment with the wall-clock fields and offset it was written in. */
export interface PostDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC (`+0800` → 480). */
  offsetMinutes: number;
  /** The instant, as milliseconds since the epoch. */
  epochMs: number;
}

type Fields = Omit<PostDate, 'offsetMinutes' | 'epochMs'>;

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?$/i;

/** True when `zone` is an IANA time zone this Node.js knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset of `zone` from UTC at the instant `epochMs`, in minutes. */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

function fieldsValid(f: Fields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60) return false;
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  return f.day <= daysInMonth;
}

/** Builds a PostDate from wall-clock fields and a known offset. */
export function fromFields(f: Fields, offsetMinutes: number): PostDate {
  const wallAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return { ...f, offsetMinutes, epochMs: wallAsUtc - offsetMinutes * 60000 };
}

/** Builds a PostDate from wall-clock fields read in `zone` (UTC when no zone is given). */
export function fromFieldsInZone(f: Fields, zone?: string): PostDate {
  if (!zone) return fromFields(f, 0);
  const wallAsUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  let offset = zoneOffsetMinutes(zone, wallAsUtc);
  const second = zoneOffsetMinutes(zone, wallAsUtc - offset * 60000);
  if (second !== offset) offset = second;
  return fromFields(f, offset);
}

/** Reads the instant `epochMs` as wall-clock fields in `zone` (UTC when none). */
export function fromInstant(epochMs: number, zone?: string): PostDate {
  const offset = zone ? zoneOffsetMinutes(zone, epochMs) : 0;
  const wall = new Date(Math.floor(epochMs / 1000) * 1000 + offset * 60000);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    offsetMinutes: offset,
    epochMs: Math.floor(epochMs / 1000) * 1000,
  };
}

function parseOffset(text: string): number {
  if (/^z$/i.test(text)) return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(text)!;
  if (Number(m[3] ?? 0) > 59) return NaN;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Parses the date forms Jekyll accepts (`2020-01-01`, `2020-01-01 16:00`, `2020-01-01 16:00:00 +0800`,
 * ISO 8601 with `T` and `Z` or `+08:00`). A written offset is kept; otherwise the time is read in
 * `zone` (the site's `timezone`), or UTC. Returns undefined for text that is not such a date.
 */
export function parseDate(text: string, zone?: string): PostDate | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const fields: Fields = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  if (!fieldsValid(fields)) return undefined;
  if (m[7]) {
    const offset = parseOffset(m[7]);
    if (!(Math.abs(offset) <= 18 * 60)) return undefined;
    return fromFields(fields, offset);
  }
  return fromFieldsInZone(fields, zone);
}

/**
 * The date Jekyll reads from the same text: Ruby's YAML (Psych 4) reads a date and time written
 * without an offset as UTC, and Jekyll shows it in the site's time zone, so `2020-05-20 23:50:00`
 * under `timezone: Asia/Shanghai` is May 21st, 07:50 to Jekyll. Undefined when Jekyll reads the text
 * as inkstone does (an offset is written, or there is no time).
 */
export function jekyllDate(text: string, zone?: string): PostDate | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m || m[7] || m[4] === undefined) return undefined;
  const wall = parseDate(text, 'UTC');
  return wall ? fromInstant(wall.epochMs, zone) : undefined;
}

/** `7` → `07`: a number zero-padded to `width` digits. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `+08:00` style offset. */
export function formatOffset(offsetMinutes: number, separator = ':'): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${separator}${pad(abs % 60)}`;
}

/** RFC 3339 / ISO 8601 in the post's own offset: `2020-01-01T16:00:00+08:00`. */
export function toIsoString(d: PostDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}` + formatOffset(d.offsetMinutes);
}

/** `2020-01-01`, the date as written. */
export function toDayString(d: PostDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}
