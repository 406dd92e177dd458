// Calendar days ('YYYY-MM-DD') and their arithmetic, independent of any time zone: a day is a day.
// Used by the keyboard, the editor and the views; luxon in UTC, so no daylight-saving hour intrudes.
import { DateTime } from 'luxon';
import type { WeekStart } from '../../src-shared/calendar/calendar-grid';

export type { WeekStart };

function utcDay(day: string): DateTime {
  return DateTime.fromISO(day, { zone: 'utc' });
}

export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && utcDay(text).isValid;
}

export function addDays(day: string, days: number): string {
  return utcDay(day).plus({ days }).toISODate() ?? day;
}

/** A month later or earlier; the 31st becomes the month's last day when it has fewer. */
export function addMonths(day: string, months: number): string {
  return utcDay(day).plus({ months }).toISODate() ?? day;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(utcDay(to).diff(utcDay(from), 'days').days);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  return utcDay(day).weekday;
}

/** The first day of the week that holds `day`, for a week starting on Monday (1) or Sunday (7). */
export function startOfWeek(day: string, weekStart: WeekStart): string {
  const back = (weekdayOf(day) - weekStart + 7) % 7;
  return addDays(day, -back);
}

/** The week's first day by the language: Sunday for American English, Monday elsewhere. */
export function weekStartFor(localeCode: string): WeekStart {
  return localeCode === 'en-US' ? 7 : 1;
}

/** Today in a zone, as a day. */
export function todayIn(zone: string, now: number = Date.now()): string {
  return DateTime.fromMillis(now, { zone }).toISODate() ?? DateTime.utc().toISODate() ?? '';
}

/** The device's time zone: the default zone of new events and the zone every view is drawn in. */
export function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
