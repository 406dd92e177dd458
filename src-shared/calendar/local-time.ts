// Wall-clock times of the calendar model and their instants, through luxon. rrule computes on the
// "floating" timeline (a wall clock read as if it were UTC), which has no DST, so it is kept here too.
import { DateTime, IANAZone } from 'luxon';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * A LocalDate ('date') or LocalDateTime ('datetime') as numbers; null when malformed or not a real
 * day (2026-02-30). Years before 1000 are refused: nobody schedules them and Date.UTC misreads 0–99.
 */
export function parseLocal(text: string, kind: 'date' | 'datetime'): WallClock | null {
  const m = LOCAL_RE.exec(text);
  if (!m || (m[4] === undefined) !== (kind === 'date')) return null;
  const w = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
  };
  if (w.year < 1000 || w.hour > 23 || w.minute > 59) return null;
  const back = fromFloating(floatingMs(w));
  return back.month === w.month && back.day === w.day ? w : null;
}

/** The wall clock as a floating instant: its UTC fields are the wall clock (what rrule expects). */
export const floatingMs = (w: WallClock): number =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

export function fromFloating(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
export const formatDate = (w: WallClock): string => `${w.year}-${two(w.month)}-${two(w.day)}`;
export const formatDateTime = (w: WallClock): string =>
  `${formatDate(w)}T${two(w.hour)}:${two(w.minute)}`;
export const formatLocal = (w: WallClock, allDay: boolean): string =>
  allDay ? formatDate(w) : formatDateTime(w);

/** A floating time moved by calendar units (luxon on UTC, where nothing shifts). */
export const plusFloating = (ms: number, units: Record<string, number>): number =>
  DateTime.fromMillis(ms, { zone: 'utc' }).plus(units).toMillis();

const zones = new Map<string, IANAZone | null>();

/** The IANA zone of that name as this runtime knows it; null for anything else ('local', offsets). */
export function zoneOf(name: string): IANAZone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = /^[A-Za-z]/.test(name) && IANAZone.isValidZone(name) ? IANAZone.create(name) : null;
    if (zones.size > 1000) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

export const isValidZone = (name: string): boolean => zoneOf(name) !== null;

interface DayProfile {
  /** The day's first instant (luxon moves a midnight in a DST gap to the first valid time). */
  startMs: number;
  endMs: number;
  /** The zone's offset in minutes if it holds all day; null on a day with a transition. */
  offsetMinutes: number | null;
}

// Views convert thousands of wall-clock times and luxon needs several microseconds for each, so
// each (zone, day) is asked of luxon once. Zone rules do not change while the app runs.
const profiles = new Map<string, Map<number, DayProfile>>();
let profileCount = 0;
const PROFILE_LIMIT = 50_000;

function dayProfile(zone: IANAZone, w: WallClock): DayProfile {
  const dayKey = Date.UTC(w.year, w.month - 1, w.day);
  let byDay = profiles.get(zone.name);
  const known = byDay?.get(dayKey);
  if (known) return known;
  if (profileCount >= PROFILE_LIMIT) {
    profiles.clear();
    profileCount = 0;
    byDay = undefined;
  }
  const start = DateTime.fromObject({ year: w.year, month: w.month, day: w.day }, { zone });
  const next = DateTime.fromMillis(dayKey, { zone: 'utc' }).plus({ days: 1 });
  const end = DateTime.fromObject({ year: next.year, month: next.month, day: next.day }, { zone });
  const steady =
    start.offset === end.offset && end.toMillis() - start.toMillis() === next.toMillis() - dayKey;
  const profile = {
    startMs: start.toMillis(),
    endMs: end.toMillis(),
    offsetMinutes: steady ? start.offset : null,
  };
  if (!byDay) profiles.set(zone.name, (byDay = new Map()));
  byDay.set(dayKey, profile);
  profileCount++;
  return profile;
}

/**
 * The instant of a wall-clock time in a zone, exactly as luxon resolves it: a time in a DST gap
 * (02:30 on a spring-forward night) moves forward by the gap; an ambiguous time (the repeated hour
 * in autumn) is the second of the two instants, in standard time (tests pin both for Vilnius and
 * New York). On a day without a transition the offset luxon gave for that day is applied
 * directly, which is the same arithmetic luxon itself does.
 */
export function zonedMs(w: WallClock, zone: IANAZone): number {
  const profile = dayProfile(zone, w);
  if (profile.offsetMinutes !== null) return floatingMs(w) - profile.offsetMinutes * 60_000;
  return DateTime.fromObject(w, { zone }).toMillis();
}

/** The first instant of a date in a zone, and the first instant of the next date. */
export function dayBounds(w: WallClock, zone: IANAZone): { startMs: number; endMs: number } {
  const { startMs, endMs } = dayProfile(zone, w);
  return { startMs, endMs };
}

/** The wall clock of an instant in a zone (to the minute). */
export function wallClockAt(ms: number, zone: IANAZone): WallClock {
  const t = DateTime.fromMillis(ms, { zone });
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute };
}
