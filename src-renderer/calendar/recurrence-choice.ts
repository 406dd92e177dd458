// The editor's recurrence choices (none, daily, weekly on chosen days, monthly, yearly; every N;
// ending never, on a day or after N times) as an RFC 5545 RRULE value, and back. A rule the editor
// cannot show (imported from another calendar) reads as 'custom' and is kept exactly as it was.
import { DateTime } from 'luxon';

export const FREQUENCIES = ['none', 'daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes in ISO order (Monday first): index + 1 is luxon's weekday. */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export type RecurrenceEnd =
  { kind: 'never' } | { kind: 'until'; date: string } | { kind: 'count'; count: number };

export interface RecurrenceChoice {
  frequency: Frequency;
  /** Every `interval` days, weeks, months or years. */
  interval: number;
  /** Weekly only; empty means the start's own weekday. */
  weekdays: WeekdayCode[];
  end: RecurrenceEnd;
}

/** What the rule's UNTIL needs to know: all-day events end on a date, timed ones at an instant. */
export interface RuleContext {
  allDay: boolean;
  tz: string;
}

export const NO_RECURRENCE: RecurrenceChoice = {
  frequency: 'none',
  interval: 1,
  weekdays: [],
  end: { kind: 'never' },
};

const FREQ_NAMES: Record<Exclude<Frequency, 'none'>, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

export function weekdayCodeOf(day: string): WeekdayCode {
  const weekday = DateTime.fromISO(day, { zone: 'utc' }).weekday;
  return WEEKDAY_CODES[(weekday - 1 + 7) % 7] ?? 'MO';
}

/**
 * UNTIL as RFC 5545 wants it: a DATE for all-day events; for timed ones (DTSTART with a TZID) the
 * last moment of that day in the event's zone, in UTC, so the last day's occurrence still counts.
 */
function untilValue(date: string, context: RuleContext): string {
  const compact = date.replaceAll('-', '');
  if (context.allDay) return compact;
  const end = DateTime.fromISO(date, { zone: context.tz }).endOf('day').toUTC();
  return end.isValid ? end.toFormat("yyyyMMdd'T'HHmmss'Z'") : `${compact}T235959Z`;
}

/** The RRULE value for a choice; null for no recurrence. */
export function buildRrule(choice: RecurrenceChoice, context: RuleContext): string | null {
  if (choice.frequency === 'none') return null;
  const parts = [`FREQ=${FREQ_NAMES[choice.frequency]}`];
  if (choice.interval > 1) parts.push(`INTERVAL=${Math.floor(choice.interval)}`);
  if (choice.frequency === 'weekly' && choice.weekdays.length > 0) {
    const days = WEEKDAY_CODES.filter((code) => choice.weekdays.includes(code));
    parts.push(`BYDAY=${days.join(',')}`);
  }
  if (choice.end.kind === 'count') parts.push(`COUNT=${Math.floor(choice.end.count)}`);
  if (choice.end.kind === 'until') parts.push(`UNTIL=${untilValue(choice.end.date, context)}`);
  return parts.join(';');
}

/** UNTIL back to the day the user chose, read in the event's zone. */
function untilDate(value: string, context: RuleContext): string | null {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date) return `${date[1]}-${date[2]}-${date[3]}`;
  const time = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!time) return null;
  const [, y, mo, d, h, mi, s, utc] = time;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const instant = DateTime.fromISO(iso, { zone: utc ? 'utc' : context.tz });
  if (!instant.isValid) return null;
  return instant.setZone(context.tz).toISODate();
}

/**
 * A stored rule as the editor's choice: null for none, 'custom' for anything the editor cannot show
 * (BYMONTHDAY, BYSETPOS, "the 2nd Tuesday", hourly rules…), which the editor then keeps untouched.
 */
export function parseRrule(
  rule: string | null,
  context: RuleContext,
): RecurrenceChoice | 'custom' | null {
  if (rule === null || rule.trim() === '') return null;
  const fields = new Map<string, string>();
  for (const part of rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length > 0 || fields.has(key.toUpperCase())) {
      return 'custom';
    }
    fields.set(key.toUpperCase(), value.toUpperCase());
  }
  const freqName = fields.get('FREQ');
  const frequency = (Object.keys(FREQ_NAMES) as Exclude<Frequency, 'none'>[]).find(
    (f) => FREQ_NAMES[f] === freqName,
  );
  if (!frequency) return 'custom';
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  if ([...fields.keys()].some((key) => !known.has(key))) return 'custom';

  const choice: RecurrenceChoice = { frequency, interval: 1, weekdays: [], end: { kind: 'never' } };
  const interval = fields.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^\d{1,3}$/.test(interval) || Number(interval) < 1) return 'custom';
    choice.interval = Number(interval);
  }
  const byDay = fields.get('BYDAY');
  if (byDay !== undefined) {
    if (frequency !== 'weekly') return 'custom';
    const days = byDay.split(',');
    if (!days.every((d): d is WeekdayCode => (WEEKDAY_CODES as readonly string[]).includes(d))) {
      return 'custom';
    }
    choice.weekdays = WEEKDAY_CODES.filter((code) => days.includes(code));
  }
  const count = fields.get('COUNT');
  const until = fields.get('UNTIL');
  if (count !== undefined && until !== undefined) return 'custom';
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1) return 'custom';
    choice.end = { kind: 'count', count: Number(count) };
  }
  if (until !== undefined) {
    const date = untilDate(until, context);
    if (date === null) return 'custom';
    choice.end = { kind: 'until', date };
  }
  return choice;
}
