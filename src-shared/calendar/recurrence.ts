// Occurrences of an event in a range, for the views, conflicts and reminders: rrule runs on floating
// wall-clock times and luxon places each one in the event's zone, so a weekly 10:00 stays 10:00 local.
import type { IANAZone } from 'luxon';
import { CALENDAR_LIMITS } from './calendar-limits';
import type { CalendarEvent, EventTiming, Occurrence } from './event-model';
import {
  markTooCostly,
  prepare,
  prepareCached,
  untilOf,
  type Prepared,
  type RuleTiming,
  type TimingProblem,
} from './event-timing';
import {
  dayBounds,
  floatingMs,
  formatDate,
  formatLocal,
  fromFloating,
  parseLocal,
  zonedMs,
  zoneOf,
  type WallClock,
} from './local-time';
import { buildRule, seriesEndBound } from './recurrence-rule';
import {
  RULE_LIMIT_MS,
  RULE_MARK_STEPS,
  allowance,
  charge,
  walk,
  type RulesBudget,
  type Walked,
} from './rule-walk';

export { isValidZone } from './local-time';
export { TIMING_PROBLEMS, type RuleTiming, type TimingProblem } from './event-timing';

export type ExpandableEvent = Pick<
  CalendarEvent,
  'id' | 'allDay' | 'start' | 'end' | 'tz' | 'rrule' | 'exdates'
> & { overrides: Record<string, { start?: string; end?: string }> };

// A bound on how far an instant can be from its wall clock read as UTC (any zone's offset plus a DST
// shift); it only widens a search window, it is never added to a date.
const SLACK_MS = 24 * 3_600_000;
/**
 * What main checks before saving an event: null if it is fine. Refused: malformed times, an end
 * before the start (all-day: the end date is exclusive, so it must be later), a zone this runtime
 * does not know, a rule that does not parse or repeats more often than hourly, malformed exdates.
 */
export function checkEventTiming(timing: EventTiming): TimingProblem | null {
  const p = prepare(timing);
  if (typeof p === 'string') return p;
  if (p.problem) return p.problem;
  const kind = timing.allDay ? 'date' : 'datetime';
  return timing.exdates.every((d) => parseLocal(d, kind)) ? null : 'bad-exdate';
}

/**
 * Every occurrence of the event that overlaps [fromMs, toMs), by start, at most
 * CALENDAR_LIMITS.occurrencesPerEventInRange. Never throws: an event whose times cannot be read
 * yields nothing, one whose rule cannot be read shows as a one-off; either way onProblem hears why.
 * Each occurrence lasts as long as the master in wall-clock terms (a 22:00–06:00 night is 7 hours
 * of real time on the spring-forward night) unless an override says otherwise. An end that the
 * zone's DST gap puts before the start is moved to the start.
 */
export function expandEvent(
  event: ExpandableEvent,
  fromMs: number,
  toMs: number,
  viewerZone: string,
  onProblem?: (problem: TimingProblem) => void,
  spending?: { budget: RulesBudget; author: string },
): Occurrence[] {
  if (!(toMs > fromMs)) return [];
  const p = prepareCached(event);
  if (typeof p === 'string') {
    onProblem?.(p);
    return [];
  }
  if (p.problem) onProblem?.(p.problem);
  // Floating bounds wide enough for every zone; the exact test comes after the conversion.
  const loF = fromMs - SLACK_MS - p.durationF;
  const hiF = toMs + SLACK_MS;
  const hasOverrides = Object.keys(event.overrides).length > 0;
  // The cheap path for the many one-off events: no luxon, no allocation when out of range.
  if (!p.parts && !hasOverrides && (p.startF >= hiF || p.startF + p.durationF <= loF)) return [];

  let viewer: IANAZone | null = null;
  if (p.allDay) {
    viewer = zoneOf(viewerZone);
    if (!viewer) onProblem?.('unknown-viewer-zone');
    viewer ??= zoneOf('UTC');
  }
  const out: Occurrence[] = [];
  const cap = CALENDAR_LIMITS.occurrencesPerEventInRange;
  const exdates = event.exdates.length > 0 ? new Set(event.exdates) : null;
  const seen = hasOverrides ? new Set<string>() : null;
  const ctx: PlaceContext = { p, event, viewer, hasOverrides, fromMs, toMs };

  const emit = (keyF: number): boolean => {
    const wall = fromFloating(keyF);
    const key = formatLocal(wall, p.allDay);
    if (exdates?.has(key)) return true;
    seen?.add(key);
    const occurrence = place(ctx, key, keyF, wall);
    if (occurrence) out.push(occurrence);
    return out.length < cap;
  };

  const started = Date.now();
  const author = spending?.author ?? '';
  const allowed = allowance(spending?.budget, author);
  const deadline = started + allowed;
  let late = false;
  let skipped = 0;
  const parts = p.tooCostly ? null : p.parts;
  const oneOff = parts === null;
  if (
    parts &&
    p.startF < hiF &&
    (p.endBoundF ??= seriesEndBound(parts, p.startF, SLACK_MS)) > loF
  ) {
    // Nothing left of the request's or the author's budget: not even a step.
    const walked = allowed > 0 ? walkSeries(p, parts, loF, hiF, deadline, emit) : null;
    if (walked === 'unreadable') {
      // parseRuleParts should have refused anything rrule cannot take; show the event once.
      onProblem?.('bad-rrule');
      out.length = 0;
      emit(p.startF);
    } else {
      late = !walked?.finished;
      skipped = walked?.skipped ?? 0;
    }
  }
  if (seen && !oneOff && !late) late = !placeMovedIn(ctx, seen, exdates, out, deadline, hiF);
  if (!oneOff) {
    charge(spending?.budget, author, Date.now() - started);
    // Marked for its own cost only: cut short by its own limit, or a long walk to the range. A
    // request's budget spent by other series says nothing of this one, and it is tried again.
    if ((late && allowed === RULE_LIMIT_MS) || skipped > RULE_MARK_STEPS) markTooCostly(event, p);
    else if (late && spending) spending.budget.cut = true;
  }
  if (oneOff || late) {
    if (p.parts) onProblem?.('rule-too-costly');
    out.length = 0;
    seen?.clear();
    emit(p.startF);
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** The series' walk over [loF, hiF]; finished and nothing skipped when its COUNT or UNTIL ends first. */
function walkSeries(
  p: Prepared,
  parts: NonNullable<Prepared['parts']>,
  loF: number,
  hiF: number,
  deadline: number,
  emit: (keyF: number) => boolean,
): Walked | 'unreadable' {
  try {
    const untilF = untilOf(p);
    const rule = untilF === null || untilF > loF ? buildRule(parts, p.startF, untilF, loF) : null;
    return rule ? walk(rule, loF, hiF, deadline, emit) : { finished: true, skipped: 0 };
  } catch {
    return 'unreadable';
  }
}

/**
 * Occurrences moved into the range from outside the searched window (after the walk, which saw the
 * rest). False if the deadline stopped it: each key must be checked against the rule, a walk too.
 */
function placeMovedIn(
  ctx: PlaceContext,
  seen: Set<string>,
  exdates: Set<string> | null,
  out: Occurrence[],
  deadline: number,
  hiF: number,
): boolean {
  const { p, event } = ctx;
  for (const key in event.overrides) {
    if (
      seen.has(key) ||
      exdates?.has(key) ||
      out.length >= CALENDAR_LIMITS.occurrencesPerEventInRange
    )
      continue;
    const wall = parseLocal(key, p.allDay ? 'date' : 'datetime');
    if (!wall) continue;
    const { startF, endF } = moved(p, floatingMs(wall), event.overrides[key]);
    if (startF >= hiF || endF <= ctx.fromMs - SLACK_MS) continue;
    const series = isSeriesKey(p, floatingMs(wall), deadline);
    if (series === null) return false;
    if (!series) continue;
    const occurrence = place(ctx, key, floatingMs(wall), wall);
    if (occurrence) out.push(occurrence);
  }
  return true;
}

interface PlaceContext {
  p: Prepared;
  event: ExpandableEvent;
  viewer: IANAZone | null;
  hasOverrides: boolean;
  fromMs: number;
  toMs: number;
}

type MovedTimes = { start?: string; end?: string } | undefined;

/**
 * An occurrence's floating start and end after its override: a moved start keeps the series'
 * duration unless the end moved too; an unreadable or inverted override time is ignored.
 */
function moved(p: Prepared, keyF: number, override: MovedTimes) {
  let startF = keyF;
  let startWall: WallClock | null = null;
  const kind = p.allDay ? 'date' : 'datetime';
  const movedStart = override?.start === undefined ? null : parseLocal(override.start, kind);
  const movedEnd = override?.end === undefined ? null : parseLocal(override.end, kind);
  if (movedStart) {
    startWall = movedStart;
    startF = floatingMs(movedStart);
  }
  const end = movedEnd ? floatingMs(movedEnd) : null;
  const valid = end !== null && (p.allDay ? end > startF : end >= startF);
  return { startF, endF: valid ? end : startF + p.durationF, startWall };
}

/** One occurrence in absolute time, after its override; null if it misses the range. */
function place(ctx: PlaceContext, key: string, keyF: number, wall: WallClock): Occurrence | null {
  const { p } = ctx;
  const override = ctx.hasOverrides ? ctx.event.overrides[key] : undefined;
  const times = override ? moved(p, keyF, override) : null;
  const startF = times ? times.startF : keyF;
  const endF = times ? times.endF : keyF + p.durationF;
  const startWall = times?.startWall ?? wall;
  const endWall = endF === startF ? startWall : fromFloating(endF);
  let startMs: number;
  let endMs: number;
  if (p.allDay && ctx.viewer) {
    startMs = dayBounds(startWall, ctx.viewer).startMs;
    endMs = dayBounds(endWall, ctx.viewer).startMs;
  } else if (p.zone) {
    startMs = zonedMs(startWall, p.zone);
    endMs = endF === startF ? startMs : Math.max(startMs, zonedMs(endWall, p.zone));
  } else return null;
  const overlaps = endMs > startMs ? endMs > ctx.fromMs : startMs >= ctx.fromMs;
  if (startMs >= ctx.toMs || !overlaps) return null;
  return {
    eventId: ctx.event.id,
    key,
    startMs,
    endMs,
    allDay: p.allDay,
    startDate: p.allDay ? formatDate(startWall) : null,
    endDate: p.allDay ? formatDate(endWall) : null,
    recurring: p.parts !== null,
    overridden: override !== undefined,
  };
}

/** Whether the rule produces keyF; null if the deadline came first. */
function isSeriesKey(p: Prepared, keyF: number, deadline: number): boolean | null {
  if (!p.parts || keyF < p.startF) return keyF === p.startF;
  try {
    const rule = buildRule(p.parts, p.startF, untilOf(p), keyF);
    if (!rule) return false;
    let found = false;
    const { finished } = walk(rule, keyF, keyF, deadline, () => {
      found = true;
      return false;
    });
    return finished ? found : null;
  } catch {
    return false;
  }
}

/**
 * The keys the series' rule produces from fromKey to toKey (both included, exdates not removed), at
 * most `limit`; a one-off or unreadable rule has its start as its only key. For edits: "is this an
 * occurrence", "how many came before", "which exceptions still match".
 */
export function seriesKeys(
  t: RuleTiming,
  fromKey: string,
  toKey: string,
  limit: number,
  deadline = Infinity,
): string[] {
  const p = prepare(t);
  const kind = t.allDay ? 'date' : 'datetime';
  const from = parseLocal(fromKey, kind);
  const to = parseLocal(toKey, kind);
  if (typeof p === 'string' || !from || !to) return [];
  const fromF = floatingMs(from);
  const toF = floatingMs(to);
  const once = fromF <= p.startF && p.startF <= toF && limit > 0 ? [t.start] : [];
  if (!p.parts) return once;
  const keys: string[] = [];
  let finished: boolean;
  try {
    const rule = buildRule(p.parts, p.startF, untilOf(p), fromF);
    finished =
      rule === null ||
      walk(rule, fromF, toF, deadline, (keyF) => {
        keys.push(formatLocal(fromFloating(keyF), t.allDay));
        return keys.length < limit;
      }).finished;
  } catch {
    return once;
  }
  // Not a short list: a caller would take a key left out for one that is not there.
  if (!finished) throw new RuleTooCostlyError();
  return keys;
}

/** seriesKeys ran out of the time it was given (a rule walked from a start centuries back). */
export class RuleTooCostlyError extends Error {
  constructor() {
    super('rule-too-costly');
    this.name = 'RuleTooCostlyError';
  }
}

/** Whether the event repeats (a rule that parses and is not refused). */
export function isRecurring(t: RuleTiming): boolean {
  const p = prepare(t);
  return typeof p !== 'string' && p.parts !== null;
}
