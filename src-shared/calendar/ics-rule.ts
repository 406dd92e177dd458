// RRULE values as the model keeps them: a strict reader, a writer in one canonical order, and one
// UNTIL convention. UNTIL is what RFC 5545 requires next to a zoned start: a UTC date-time
// (`UNTIL=20250629T205959Z`) for a timed event, a date (`UNTIL=20250629`) for an all-day one.
import {
  addDays,
  compactDate,
  compactUtc,
  convertWall,
  readCompactDate,
  wallFromMs,
  wallMs,
  type Wall,
} from './ics-time';

const ORDER = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
] as const;
export type RulePart = (typeof ORDER)[number];
export type RuleParts = Map<RulePart, string>;

export const FREQUENCIES = [
  'SECONDLY',
  'MINUTELY',
  'HOURLY',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'YEARLY',
] as const;

const numbers =
  (min: number, max: number, zero = true) =>
  (v: string): boolean =>
    v.split(',').every((x) => {
      if (!/^[+-]?\d{1,3}$/.test(x)) return false;
      const n = Number(x);
      return n >= min && n <= max && (zero || n !== 0);
    });

const CHECKS: Record<RulePart, (value: string) => boolean> = {
  FREQ: (v) => (FREQUENCIES as readonly string[]).includes(v),
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,6}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => readCompactDate(v) !== null,
  BYSECOND: numbers(0, 60),
  BYMINUTE: numbers(0, 59),
  BYHOUR: numbers(0, 23),
  BYDAY: (v) =>
    v.split(',').every((d) => {
      const m = /^[+-]?(\d{0,2})(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
      return m !== null && (m[1] === '' || (Number(m[1]) >= 1 && Number(m[1]) <= 53));
    }),
  BYMONTHDAY: numbers(-31, 31, false),
  BYYEARDAY: numbers(-366, 366, false),
  BYWEEKNO: numbers(-53, 53, false),
  BYMONTH: numbers(1, 12),
  BYSETPOS: numbers(-366, 366, false),
  WKST: (v) => /^(MO|TU|WE|TH|FR|SA|SU)$/.test(v),
};

const isPart = (name: string): name is RulePart => (ORDER as readonly string[]).includes(name);

/**
 * Why a rule was refused, in this reader's words: a part's name from ORDER or a fixed phrase, never
 * the rule's own text, so the importer may show and log it (IcsError's promise).
 */
export class RuleError extends Error {
  override name = 'RuleError';
}

/** Reads an RRULE value strictly; throws a RuleError that says which part is wrong. */
export function parseRule(text: string): RuleParts {
  const parts: RuleParts = new Map();
  for (const item of text.trim().split(';')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = item.slice(0, Math.max(eq, 0)).toUpperCase();
    const value = item.slice(eq + 1).toUpperCase();
    if (eq <= 0) throw new RuleError('a part of the rule has no value');
    // Extension parts (X-…) carry no meaning we keep; anything else unknown is not understood.
    if (name.startsWith('X-')) continue;
    if (!isPart(name)) throw new RuleError('a part of the rule is not known');
    if (parts.has(name)) throw new RuleError(`${name} appears twice`);
    if (!CHECKS[name](value)) throw new RuleError(`${name} has a value that is not valid`);
    parts.set(name, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) throw new RuleError('the rule has no FREQ');
  // RFC 5545's own combination rules (3.3.10), which rrule and ical.js read differently if broken.
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new RuleError('it has both COUNT and UNTIL');
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY')
    throw new RuleError('BYWEEKNO outside a yearly rule');
  if (parts.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq))
    throw new RuleError(`BYYEARDAY in a ${freq.toLowerCase()} rule`);
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY')
    throw new RuleError('BYMONTHDAY in a weekly rule');
  if (/\d/.test(parts.get('BYDAY') ?? '') && freq !== 'MONTHLY' && freq !== 'YEARLY')
    throw new RuleError('a numbered BYDAY outside a monthly or yearly rule');
  return parts;
}

/**
 * What the calendar's model refuses although RFC 5545 allows it (src-shared/calendar/recurrence.ts
 * checks the same): repeats finer than hourly, seconds, and times of day in an all-day series.
 */
export function modelRefusal(parts: RuleParts, allDay: boolean): string | null {
  const freq = parts.get('FREQ') ?? '';
  if (freq === 'SECONDLY' || freq === 'MINUTELY') return 'it repeats more often than hourly';
  if ((parts.get('BYSECOND') ?? '0') !== '0') return 'it repeats at given seconds';
  if (allDay && (freq === 'HOURLY' || parts.has('BYHOUR') || parts.has('BYMINUTE')))
    return 'an all-day event repeats at times of day';
  return null;
}

export function formatRule(parts: RuleParts): string {
  return ORDER.filter((n) => parts.has(n))
    .map((n) => `${n}=${parts.get(n) ?? ''}`)
    .join(';');
}

/**
 * UNTIL in the model's convention. `zone` is the zone a local (non-UTC) UNTIL is read in: the
 * event's. A date on a timed event means "through that day", so it becomes that day's last second.
 */
export function normaliseUntil(parts: RuleParts, allDay: boolean, zone: string): void {
  const raw = parts.get('UNTIL');
  if (raw === undefined) return;
  const until = readCompactDate(raw);
  if (!until) throw new RuleError('UNTIL has a value that is not valid');
  if (allDay) {
    // ical.js compares a date occurrence with the UNTIL instant as if both were UTC: the date part
    // of the value keeps exactly the occurrences it keeps.
    parts.set('UNTIL', compactDate(until.wall));
  } else if (until.utc) {
    parts.set('UNTIL', compactUtc(until.wall));
  } else {
    const local = until.date ? { ...until.wall, hour: 23, minute: 59, second: 59 } : until.wall;
    parts.set('UNTIL', compactUtc(convertWall(local, zone, 'UTC')));
  }
}

/**
 * UNTIL as a date, for a timed series written as all-day (blur 'day'): the last day that still has
 * an occurrence, given the series' time of day `start`.
 */
export function untilAsDate(parts: RuleParts, zone: string, start: Wall): void {
  const raw = parts.get('UNTIL');
  const until = raw === undefined ? null : readCompactDate(raw);
  if (!until || until.date) return;
  const local = until.utc ? convertWall(until.wall, 'UTC', zone) : until.wall;
  const time = (w: Wall): number => w.hour * 3600 + w.minute * 60 + w.second;
  const day = time(local) < time(start) ? addDays(local, -1) : local;
  parts.set('UNTIL', compactDate(day));
}

/**
 * UNTIL for a series whose times are written to the hour (blur 'hour'): each occurrence moves back
 * by the start's minutes, so UNTIL moves back as much, which keeps the same occurrences in the
 * series; then to the end of its hour (:59:59), which keeps them too and tells nothing of the
 * minutes (an exact UNTIL, one second before a split occurrence, would).
 */
export function untilToTheHour(parts: RuleParts, zone: string, start: Wall): void {
  const raw = parts.get('UNTIL');
  const until = raw === undefined ? null : readCompactDate(raw);
  if (!until || until.date) return;
  const local = until.utc ? convertWall(until.wall, 'UTC', zone) : until.wall;
  const moved = wallFromMs(wallMs(local) - (start.minute * 60 + start.second) * 1000);
  const endOfHour: Wall = { ...moved, minute: 59, second: 59 };
  parts.set('UNTIL', compactUtc(convertWall(endOfHour, zone, 'UTC')));
}
