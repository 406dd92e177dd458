// An event's timing read once into what expansion needs (floating start and duration, zone, checked
// rule), with what is wrong with it; cached by its text, since views ask for the same events again.
import type { IANAZone } from 'luxon';
import type { EventTiming } from './event-model';
import { floatingMs, parseLocal, plusFloating, zoneOf } from './local-time';
import { parseRuleParts, untilFloating, type RuleParts } from './recurrence-rule';
import { ruleIsBounded } from './rule-limits';

export type RuleTiming = Pick<EventTiming, 'allDay' | 'start' | 'end' | 'tz' | 'rrule'>;

export const TIMING_PROBLEMS = [
  'bad-start',
  'bad-end',
  'end-before-start',
  'unknown-zone',
  'bad-rrule',
  'frequency-refused',
  'unsupported-rrule',
  'rule-too-costly',
  'bad-exdate',
  'unknown-viewer-zone',
] as const;
export type TimingProblem = (typeof TIMING_PROBLEMS)[number];

const REFUSED_FREQS = ['SECONDLY', 'MINUTELY'];

export interface Prepared {
  allDay: boolean;
  startF: number;
  /** Wall-clock (floating) duration of the master, never negative. */
  durationF: number;
  zone: IANAZone | null;
  parts: RuleParts | null;
  /** Worked out once the series is near a requested range: UNTIL needs luxon. */
  untilF?: number | null;
  endBoundF?: number;
  /** Took longer than RULE_MARK_MS once (recurrence.ts): shown as a one-off from then on. */
  tooCostly?: boolean;
  /** Something wrong that still lets the event show (as a one-off, or with a zero length). */
  problem: TimingProblem | null;
}

export function prepare(t: RuleTiming): Prepared | TimingProblem {
  const kind = t.allDay ? 'date' : 'datetime';
  const start = parseLocal(t.start, kind);
  if (!start) return 'bad-start';
  const end = parseLocal(t.end, kind);
  if (!end) return 'bad-end';
  const zone = t.allDay ? null : zoneOf(t.tz);
  if (!t.allDay && !zone) return 'unknown-zone';
  const startF = floatingMs(start);
  let durationF = floatingMs(end) - startF;
  let problem: TimingProblem | null = null;
  if (t.allDay ? durationF <= 0 : durationF < 0) {
    problem = 'end-before-start';
    durationF = t.allDay ? plusFloating(startF, { days: 1 }) - startF : 0;
  }
  let parts = t.rrule === null ? null : parseRuleParts(t.rrule);
  if (t.rrule !== null && parts === null) problem ??= 'bad-rrule';
  const freq = parts?.get('FREQ') ?? '';
  if (REFUSED_FREQS.includes(freq)) problem ??= 'frequency-refused';
  // A rule finer than a day makes no sense on dates.
  const subDay = freq === 'HOURLY' || parts?.has('BYHOUR') || parts?.has('BYMINUTE');
  if (t.allDay && subDay) problem ??= 'bad-rrule';
  if (REFUSED_FREQS.includes(freq) || (t.allDay && subDay)) parts = null;
  const weekday = (new Date(startF).getUTCDay() + 6) % 7;
  if (parts && !ruleIsBounded(parts, { ...start, weekday })) {
    problem ??= 'unsupported-rrule';
    parts = null;
  }
  return { allDay: t.allDay, startF, durationF, zone, parts, problem };
}

// Views ask for the same events again and again (every page turn, every change): each distinct
// timing is read once. Keyed by the timing's text, so an edited event simply gets a new entry.
const preparedCache = new Map<string, Prepared | TimingProblem>();
const PREPARED_LIMIT = 50_000;
// The series found too costly, kept apart from the cache: clearing the cache (more timings than it
// holds, as a hostile calendar can have) must not make every view pay for them again. Oldest first out.
const tooCostlyTimings = new Set<string>();
const TOO_COSTLY_LIMIT = 10_000;

const timingKey = (t: RuleTiming): string =>
  `${t.allDay ? 'D' : 'T'}${t.tz}|${t.start}|${t.end}|${t.rrule ?? '\u0000'}`;

export function prepareCached(t: RuleTiming): Prepared | TimingProblem {
  const key = timingKey(t);
  let p = preparedCache.get(key);
  if (p === undefined) {
    p = prepare(t);
    if (typeof p !== 'string' && tooCostlyTimings.has(key)) p.tooCostly = true;
    if (preparedCache.size >= PREPARED_LIMIT) preparedCache.clear();
    preparedCache.set(key, p);
  }
  return p;
}

/** From now on this series shows as a one-off (its Prepared, and any prepared again later). */
export function markTooCostly(t: RuleTiming, p: Prepared): void {
  p.tooCostly = true;
  const key = timingKey(t);
  tooCostlyTimings.delete(key);
  tooCostlyTimings.add(key);
  if (tooCostlyTimings.size > TOO_COSTLY_LIMIT) {
    const oldest = tooCostlyTimings.values().next().value;
    if (oldest !== undefined) tooCostlyTimings.delete(oldest);
  }
}

export function untilOf(p: Prepared): number | null {
  if (p.untilF === undefined) p.untilF = p.parts ? untilFloating(p.parts, p.allDay, p.zone) : null;
  return p.untilF;
}
