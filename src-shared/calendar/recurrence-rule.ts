// Reads an RRULE value strictly and builds the rrule object for it on the floating timeline. A rule
// in a shared document may come from any member's app: whatever rrule could misread or choke on is refused.
import * as rruleModule from 'rrule';
import type { Frequency, Options } from 'rrule';
import { DateTime, Duration, type IANAZone } from 'luxon';
import { CALENDAR_LIMITS } from './calendar-limits';
import { floatingMs, fromFloating, plusFloating, wallClockAt, zonedMs } from './local-time';

type RRuleLib = typeof rruleModule;
// Node loads rrule's UMD build, whose exports all sit on `default`; bundlers load its ES build.
const lib: RRuleLib =
  'RRule' in rruleModule ? rruleModule : (rruleModule as unknown as { default: RRuleLib }).default;
export type RRuleInstance = InstanceType<RRuleLib['RRule']>;

/** In rrule's order: the index is its Frequency value. */
const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAILY = 3;
const HOURLY = 4;

/** A checked rule as KEY → VALUE (upper case), kept as text so an edit rewrites only what it changes. */
export type RuleParts = Map<string, string>;

/** BY* lists: smallest and largest absolute value, and whether a sign (counting from the end) is allowed. */
const LISTS: Record<string, [number, number, boolean]> = {
  BYMONTH: [1, 12, false],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYSETPOS: [1, 366, true],
  BYHOUR: [0, 23, false],
  BYMINUTE: [0, 59, false],
  // Times are kept to the minute.
  BYSECOND: [0, 0, false],
};
const BYDAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

function validList(value: string, [min, max, signed]: [number, number, boolean]): boolean {
  return value.split(',').every((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item) || (!signed && /^[+-]/.test(item))) return false;
    const abs = Math.abs(Number(item));
    return abs >= min && abs <= max;
  });
}

function validPart(key: string, value: string): boolean {
  const list = LISTS[key];
  if (list) return validList(value, list);
  switch (key) {
    case 'FREQ':
      return FREQS.includes(value);
    case 'INTERVAL':
      return /^\d{1,4}$/.test(value) && Number(value) >= 1;
    case 'COUNT':
      return /^\d{1,6}$/.test(value) && Number(value) >= 1;
    case 'UNTIL':
      return untilWallClock(value) !== null;
    case 'WKST':
      return DAYS.includes(value);
    case 'BYDAY':
      return value.split(',').every((item) => {
        const m = BYDAY_RE.exec(item);
        const n = Math.abs(Number(m?.[1] ?? 1));
        return m !== null && n >= 1 && n <= 53;
      });
    default:
      return false;
  }
}

/** The rule, checked against RFC 5545's grammar and combination rules; null if anything is off. */
export function parseRuleParts(text: string): RuleParts | null {
  if (text.length > CALENDAR_LIMITS.rruleMaxChars) return null;
  const parts: RuleParts = new Map();
  for (const segment of text.split(';')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = segment.slice(0, eq).toUpperCase();
    const value = segment.slice(eq + 1).toUpperCase();
    if (eq <= 0 || parts.has(key) || !validPart(key, value)) return null;
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined || (parts.has('COUNT') && parts.has('UNTIL'))) return null;
  const yearly = freq === 'YEARLY';
  if (parts.has('BYWEEKNO') && !yearly) return null;
  if (parts.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq)) return null;
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') return null;
  if (/\d/.test(parts.get('BYDAY') ?? '') && !(yearly || freq === 'MONTHLY')) return null;
  return parts;
}

/** FREQ first, as many readers expect. */
export function formatRuleParts(parts: RuleParts): string {
  const rest = [...parts].filter(([key]) => key !== 'FREQ');
  return [['FREQ', parts.get('FREQ') ?? ''], ...rest].map(([k, v]) => `${k}=${v}`).join(';');
}

function untilWallClock(value: string): { ms: number; time: boolean; utc: boolean } | null {
  const m = UNTIL_RE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0, hour ?? 0, minute ?? 0);
  const back = fromFloating(ms);
  if ((year ?? 0) < 1000 || back.month !== month || back.day !== day) return null;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  return { ms, time: m[4] !== undefined, utc: m[7] === 'Z' };
}

/**
 * UNTIL on the floating timeline, inclusive. A UTC UNTIL is read in the event's zone; a date UNTIL
 * on a timed event runs through that whole day; an all-day event takes the date part as written.
 */
export function untilFloating(
  parts: RuleParts,
  allDay: boolean,
  zone: IANAZone | null,
): number | null {
  const until = untilWallClock(parts.get('UNTIL') ?? '');
  if (!until) return null;
  if (allDay) return floatingMs({ ...fromFloating(until.ms), hour: 0, minute: 0 });
  if (!until.time) return plusFloating(until.ms, { days: 1, milliseconds: -1 });
  return until.utc && zone ? floatingMs(wallClockAt(until.ms, zone)) : until.ms;
}

const numbers = (value: string | undefined): number[] | null =>
  value === undefined ? null : value.split(',').map(Number);

function options(parts: RuleParts, dtstartF: number): Partial<Options> {
  const freq = FREQS.indexOf(parts.get('FREQ') ?? '');
  const start = fromFloating(dtstartF);
  const byday = parts.get('BYDAY');
  const o: Partial<Options> = {
    freq: freq as Frequency,
    dtstart: new Date(dtstartF),
    interval: Number(parts.get('INTERVAL') ?? 1),
    wkst: DAYS.indexOf(parts.get('WKST') ?? 'MO'),
    byweekday:
      byday?.split(',').map((item) => {
        const m = BYDAY_RE.exec(item);
        const day = DAYS.indexOf(m?.[2] ?? 'MO');
        return m?.[1] ? new lib.Weekday(day, Number(m[1])) : day;
      }) ?? null,
    bymonth: numbers(parts.get('BYMONTH')),
    bymonthday: numbers(parts.get('BYMONTHDAY')),
    byyearday: numbers(parts.get('BYYEARDAY')),
    byweekno: numbers(parts.get('BYWEEKNO')),
    bysetpos: numbers(parts.get('BYSETPOS')),
    byhour: numbers(parts.get('BYHOUR')) ?? (freq <= DAILY ? [start.hour] : null),
    byminute: numbers(parts.get('BYMINUTE')) ?? (freq <= HOURLY ? [start.minute] : null),
    bysecond: [0],
  };
  // The defaults rrule would take from DTSTART, spelled out so that DTSTART can move forward.
  if (!['BYWEEKNO', 'BYYEARDAY', 'BYMONTHDAY', 'BYDAY'].some((k) => parts.has(k))) {
    if (freq === 0) o.bymonth ??= [start.month];
    if (freq <= 1) o.bymonthday = [start.day];
    if (freq === 2) o.byweekday = [(new Date(dtstartF).getUTCDay() + 6) % 7];
  }
  return o;
}

const UNITS = ['years', 'months', 'weeks', 'days', 'hours'] as const;
type Unit = (typeof UNITS)[number];
const PLAIN = ['FREQ', 'INTERVAL', 'COUNT', 'WKST'];
const plainDays = (byday: string | undefined): number | null =>
  byday === undefined ? 1 : /\d/.test(byday) ? null : new Set(byday.split(',')).size;

/**
 * Where every `interval` units hold exactly `per` occurrences, counted from any instant (not only a
 * period's start): plain daily rules, weekdays of a daily (interval 1) or weekly rule. Only then can
 * a COUNT be carried across a jump of DTSTART.
 */
function exactPeriod(parts: RuleParts): { unit: Unit; per: number; interval: number } | null {
  const freq = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const extra = [...parts.keys()].filter((k) => !PLAIN.includes(k));
  const per = plainDays(parts.get('BYDAY'));
  if (per === null || extra.some((k) => k !== 'BYDAY')) return null;
  if (freq === 'WEEKLY') return { unit: 'weeks', per, interval };
  if (freq === 'DAILY' && extra.length === 0) return { unit: 'days', per: 1, interval };
  if (freq === 'DAILY' && interval === 1) return { unit: 'weeks', per, interval: 1 };
  return null;
}

/** A floating time after which the series has no occurrence (Infinity when not cheaply known). */
export function seriesEndBound(parts: RuleParts, dtstartF: number, slackMs: number): number {
  const until = untilWallClock(parts.get('UNTIL') ?? '');
  if (until) return until.ms + slackMs;
  const count = Number(parts.get('COUNT') ?? 0);
  const period = exactPeriod(parts);
  if (!count || !period) return Infinity;
  // The first period may hold none; each later one holds `per`.
  const periods = (Math.ceil(count / period.per) + 1) * period.interval;
  return plusFloating(dtstartF, { [period.unit]: periods });
}

/**
 * rrule always iterates from DTSTART, so a daily series begun two years ago costs hundreds of steps
 * before it reaches a month view. Moving DTSTART forward by whole intervals keeps the same
 * occurrences from there on; with a COUNT only where exactPeriod knows how many were skipped.
 */
function skipAhead(parts: RuleParts, dtstartF: number, windowF: number) {
  let unit: Unit | undefined = UNITS[FREQS.indexOf(parts.get('FREQ') ?? '')];
  let interval = Number(parts.get('INTERVAL') ?? 1);
  let per = 0;
  if (parts.has('COUNT')) {
    const period = exactPeriod(parts);
    if (!period) return null;
    ({ unit, interval, per } = period);
  }
  if (!unit || windowF <= dtstartF || parts.has('BYWEEKNO')) return null;
  const from = DateTime.fromMillis(dtstartF, { zone: 'utc' });
  const calendarUnit = unit === 'months' || unit === 'years';
  const anchor = calendarUnit ? from.startOf(unit === 'months' ? 'month' : 'year') : from;
  // Days, weeks and hours have fixed lengths on the floating (UTC) timeline.
  const elapsed = calendarUnit
    ? DateTime.fromMillis(windowF, { zone: 'utc' }).diff(anchor, unit).get(unit)
    : Duration.fromMillis(windowF - dtstartF).as(unit);
  const steps = Math.floor(Math.floor(elapsed) / interval);
  if (steps < 1) return null;
  return { dtstartF: anchor.plus({ [unit]: steps * interval }).toMillis(), skipped: steps * per };
}

/**
 * The rrule object for a series starting at dtstartF (floating). With windowF, DTSTART may be moved
 * forward to just before it (see skipAhead); null when a COUNT is used up before windowF.
 */
export function buildRule(
  parts: RuleParts,
  dtstartF: number,
  untilF: number | null,
  windowF?: number,
): RRuleInstance | null {
  const o = options(parts, dtstartF);
  if (untilF !== null) o.until = new Date(untilF);
  if (parts.has('COUNT')) o.count = Number(parts.get('COUNT'));
  const skip = windowF === undefined ? null : skipAhead(parts, dtstartF, windowF);
  if (skip) {
    o.dtstart = new Date(skip.dtstartF);
    if (typeof o.count === 'number') o.count -= skip.skipped;
    if (typeof o.count === 'number' && o.count <= 0) return null;
  }
  return new lib.RRule(o, true);
}

/**
 * The rule of a series whose start moved by dayDelta days (from `before` to `after`): weekdays move
 * with it (WE → TH, 2TU → 2WE), and a month day or month equal to the old start's follows the new one.
 */
export function shiftRuleDays(
  parts: RuleParts,
  dayDelta: number,
  before: { month: number; day: number },
  after: { month: number; day: number },
): RuleParts {
  const next = new Map(parts);
  const byday = parts.get('BYDAY');
  if (byday && dayDelta % 7 !== 0) {
    const moved = byday.split(',').map((item) => {
      const m = BYDAY_RE.exec(item);
      const index = (((DAYS.indexOf(m?.[2] ?? 'MO') + dayDelta) % 7) + 7) % 7;
      return `${m?.[1] ?? ''}${DAYS[index] ?? 'MO'}`;
    });
    next.set('BYDAY', moved.join(','));
  }
  if (parts.get('BYMONTHDAY') === String(before.day)) next.set('BYMONTHDAY', String(after.day));
  if (parts.get('FREQ') === 'YEARLY' && parts.get('BYMONTH') === String(before.month))
    next.set('BYMONTH', String(after.month));
  return next;
}

const STAMPS = { date: 'yyyyMMdd', local: "yyyyMMdd'T'HHmmss", utc: "yyyyMMdd'T'HHmmss'Z'" };
const stamp = (ms: number, form: keyof typeof STAMPS): string =>
  DateTime.fromMillis(ms, { zone: 'utc' }).toFormat(STAMPS[form]);

/** A floating UNTIL in the form RFC 5545 wants: a DATE, or UTC when DTSTART carries a zone. */
export function formatUntil(untilF: number, allDay: boolean, zone: IANAZone | null): string {
  if (allDay) return stamp(untilF, 'date');
  return zone ? stamp(zonedMs(fromFloating(untilF), zone), 'utc') : stamp(untilF, 'local');
}

/**
 * UNTIL for a series that must stop just before the occurrence at keyF (floating): the day before
 * for all-day events, the instant a second before for timed ones (an instant, so that a DST gap
 * cannot bring that occurrence back in).
 */
export function untilBeforeKey(keyF: number, allDay: boolean, zone: IANAZone | null): string {
  if (allDay || !zone) return formatUntil(plusFloating(keyF, { minutes: -1 }), allDay, zone);
  return stamp(plusFloating(zonedMs(fromFloating(keyF), zone), { seconds: -1 }), 'utc');
}
