// Wall-clock times (a date and time as a clock in some zone shows it) and the few conversions the
// .ics reader and writer need between them, the model's strings and iCalendar's forms.
import { DateTime } from 'luxon';

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A DATE or DATE-TIME value: its fields, whether it is a date, and whether it is in UTC (`Z`). */
export interface IcalDate {
  wall: Wall;
  date: boolean;
  utc: boolean;
}

/** Years an imported event may fall in: wide enough for anniversaries, narrow enough for sanity. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2999;

const JCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z)?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s));
const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

function fromMatch(m: RegExpExecArray | null): IcalDate | null {
  if (!m) return null;
  const wall: Wall = {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3]),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
  };
  const valid =
    wall.year >= MIN_YEAR &&
    wall.year <= MAX_YEAR &&
    wall.month >= 1 &&
    wall.month <= 12 &&
    wall.day >= 1 &&
    wall.day <= daysInMonth(wall.year, wall.month) &&
    wall.hour <= 23 &&
    wall.minute <= 59 &&
    wall.second <= 60;
  if (!valid) return null;
  if (wall.second === 60) wall.second = 59; // a leap second: the clock shows :59 for our purposes
  return { wall, date: m[4] === undefined, utc: m[7] === 'Z' };
}

/** A value as ical.js's parser leaves it in jCal (`2025-01-06T10:00:00Z`), checked field by field. */
export const readJcalDate = (value: unknown): IcalDate | null =>
  typeof value === 'string' ? fromMatch(JCAL_DATE.exec(value)) : null;

/** A value in iCalendar's own form (`20250106T100000Z`), as in an RRULE's UNTIL. */
export const readCompactDate = (value: string): IcalDate | null =>
  fromMatch(COMPACT_DATE.exec(value));

/** The model's `2026-03-29T10:00` or `2026-03-29`. */
export function readLocal(value: string): Wall | null {
  const m = LOCAL.exec(value);
  return m ? (fromMatch(m)?.wall ?? null) : null;
}

export const wallMs = (w: Wall): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

export function wallFromMs(ms: number): Wall {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Calendar days on the wall clock itself (no zone, so no DST to skip). */
export const addDays = (w: Wall, days: number): Wall =>
  wallOf(DateTime.fromObject({ ...w }, { zone: 'utc' }).plus({ days }));
export const midnight = (w: Wall): Wall => ({ ...w, hour: 0, minute: 0, second: 0 });
export const floorMinute = (w: Wall): Wall => ({ ...w, second: 0 });
export const ceilMinute = (w: Wall): Wall =>
  w.second === 0 ? w : wallFromMs(wallMs(floorMinute(w)) + 60_000);

const wallOf = (dt: DateTime): Wall => ({
  year: dt.year,
  month: dt.month,
  day: dt.day,
  hour: dt.hour,
  minute: dt.minute,
  second: dt.second,
});

/** The same instant on another zone's clock ('UTC' included). */
export function convertWall(w: Wall, from: string, to: string): Wall {
  if (from === to) return w;
  return wallOf(DateTime.fromObject({ ...w }, { zone: from }).setZone(to));
}

/** Adds exact seconds in a zone: across a DST change the clock moves by one hour more or less. */
export function addSecondsInZone(w: Wall, seconds: number, zone: string): Wall {
  if (seconds === 0) return w;
  return wallOf(DateTime.fromObject({ ...w }, { zone }).plus({ seconds }));
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

export const formatDate = (w: Wall): string => `${p4(w.year)}-${p2(w.month)}-${p2(w.day)}`;
export const formatLocal = (w: Wall): string => `${formatDate(w)}T${p2(w.hour)}:${p2(w.minute)}`;
/** jCal forms, as ical.js's writer takes them. */
export const jcalDateTime = (w: Wall, utc: boolean): string =>
  `${formatLocal(w)}:${p2(w.second)}${utc ? 'Z' : ''}`;
/** iCalendar's compact forms, as in an RRULE's UNTIL. */
export const compactDate = (w: Wall): string => `${p4(w.year)}${p2(w.month)}${p2(w.day)}`;
export const compactUtc = (w: Wall): string =>
  `${compactDate(w)}T${p2(w.hour)}${p2(w.minute)}${p2(w.second)}Z`;
