// The series an 'all' or 'following' edit leaves: its start moved as far as the edited occurrence
// moved, its rule, UNTIL and exception keys moved along, or carried into a new all-day/timed kind.
import { DateTime } from 'luxon';
import type { EventPatch } from './edit-scope';
import type { CalendarEvent, EventDetails, OccurrenceOverride } from './event-model';
import { fromFloating, plusFloating, zoneOf } from './local-time';
import { dateOf, filterKeys, local, toF } from './occurrence-keys';
import { seriesKeys } from './recurrence';
import {
  formatRuleParts,
  formatUntil,
  parseRuleParts,
  shiftRuleDays,
  untilFloating,
  type RuleParts,
} from './recurrence-rule';

const ALL_KEYS = 1_000_000;

/** How the occurrence looked in the editor (its override applied). */
function shown(event: CalendarEvent, key: string): { startF: number; endF: number } | null {
  const keyF = toF(key, event.allDay);
  const masterStart = toF(event.start, event.allDay);
  const masterEnd = toF(event.end, event.allDay);
  if (keyF === null || masterStart === null || masterEnd === null) return null;
  const override = event.overrides[key];
  const startF = toF(override?.start, event.allDay) ?? keyF;
  return { startF, endF: toF(override?.end, event.allDay) ?? startF + (masterEnd - masterStart) };
}

/**
 * How far the patch moves the start and the end of what the editor showed. Floating times have no
 * DST, so these differences are wall-clock durations; a field the patch leaves as shown moves nothing.
 */
function deltas(event: CalendarEvent, key: string, patch: EventPatch) {
  const was = shown(event, key);
  const start = toF(patch.start, event.allDay);
  const end = toF(patch.end, event.allDay);
  const startDelta = was && start !== null ? start - was.startF : 0;
  const endDelta = was && end !== null ? end - was.endF : startDelta;
  return { startDelta, endDelta };
}

const wholeDays = (fromF: number, toF2: number): number =>
  Math.round(
    DateTime.fromMillis(dateOf(toF2), { zone: 'utc' })
      .diff(DateTime.fromMillis(dateOf(fromF), { zone: 'utc' }), 'days')
      .get('days'),
  );

/** The series' rule after its start moved from oldF to newF; UNTIL moves by the same amount. */
function movedRule(event: CalendarEvent, parts: RuleParts, oldF: number, newF: number): RuleParts {
  const next = shiftRuleDays(parts, wholeDays(oldF, newF), fromFloating(oldF), fromFloating(newF));
  const untilF = untilFloating(parts, event.allDay, zoneOf(event.tz));
  if (untilF !== null && newF !== oldF)
    next.set('UNTIL', formatUntil(untilF + (newF - oldF), event.allDay, zoneOf(event.tz)));
  return next;
}

/** Exception keys moved with the series, keeping those that still name one of its occurrences. */
function carryKeys(timing: CalendarEvent, keys: string[], delta: number): Map<string, string> {
  const moved = new Map(
    keys.map((k) => [k, local((toF(k, timing.allDay) ?? 0) + delta, timing.allDay)]),
  );
  const targets = [...moved.values()].sort();
  const first = targets[0];
  const last = targets.at(-1);
  if (first === undefined || last === undefined) return new Map();
  const valid = new Set(seriesKeys(timing, first, last, ALL_KEYS));
  return new Map([...moved].filter(([, to]) => valid.has(to)));
}

function withExceptions(
  series: CalendarEvent,
  exdates: string[],
  overrides: Record<string, OccurrenceOverride>,
  delta: number,
): CalendarEvent {
  const ex = carryKeys(series, exdates, delta);
  const ov = carryKeys(series, Object.keys(overrides), delta);
  return {
    ...series,
    exdates: [...ex.values()],
    overrides: Object.fromEntries([...ov].map(([from, to]) => [to, overrides[from] ?? {}])),
  };
}

const details = (event: CalendarEvent, p: EventPatch): EventDetails => ({
  title: p.title ?? event.title,
  description: p.description ?? event.description,
  location: p.location ?? event.location,
});

/** Patch times in a new kind (all-day ↔ timed), or null when the patch does not change the kind. */
function kindChange(event: CalendarEvent, p: EventPatch) {
  if (p.allDay === undefined || p.allDay === event.allDay) return null;
  const startF = toF(p.start, p.allDay);
  const endF = toF(p.end, p.allDay);
  return startF === null || endF === null ? null : { allDay: p.allDay, startF, endF };
}

function ruleFor(event: CalendarEvent, p: EventPatch): RuleParts | null | 'changed' {
  return p.rrule !== undefined && p.rrule !== event.rrule
    ? 'changed'
    : parseRuleParts(event.rrule ?? '');
}

/**
 * The series from `key` on ('following', as a new event) or the whole series ('all'), its start
 * moved as far as the edited occurrence moved, its rule, UNTIL and exception keys moved along.
 */
export function reseries(
  event: CalendarEvent,
  key: string,
  p: EventPatch,
  all: boolean,
): CalendarEvent {
  const keyF = toF(key, event.allDay) ?? 0;
  const masterStart = toF(event.start, event.allDay) ?? 0;
  const baseF = all ? masterStart : keyF;
  const baseEndF = baseF + (toF(event.end, event.allDay) ?? 0) - masterStart;
  const kind = kindChange(event, p);
  const was = shown(event, key);
  const allDay = kind ? kind.allDay : event.allDay;
  let startF: number;
  let endF: number;
  if (kind && was) {
    // Re-anchored on the base date, moved by as many days as the occurrence, at the new time.
    startF = dateOf(baseF) + (dateOf(kind.startF) - dateOf(was.startF));
    startF += kind.startF - dateOf(kind.startF);
    endF = startF + (kind.endF - kind.startF);
  } else {
    const { startDelta, endDelta } = deltas(event, key, p);
    startF = baseF + startDelta;
    endF = Math.max(startF, baseEndF + endDelta);
  }
  const parts = ruleFor(event, p);
  let rrule = p.rrule ?? event.rrule;
  if (parts !== 'changed' && parts !== null) {
    const count = parts.get('COUNT');
    if (count && !all) {
      const before = seriesKeys(event, event.start, key, Number(count)).filter((k) => k < key);
      parts.set('COUNT', String(Number(count) - before.length));
    }
    const untilF = untilFloating(parts, event.allDay, zoneOf(event.tz));
    // A date UNTIL covers its whole day; as a time it becomes that day's last minute.
    const lastF =
      untilF !== null && event.allDay ? plusFloating(untilF, { days: 1, minutes: -1 }) : untilF;
    if (kind && lastF !== null)
      parts.set('UNTIL', formatUntil(lastF, allDay, zoneOf(p.tz ?? event.tz)));
    rrule = formatRuleParts(kind ? parts : movedRule(event, parts, baseF, startF));
  }
  const series: CalendarEvent = {
    ...event,
    ...details(event, p),
    orgId: p.orgId === undefined ? event.orgId : p.orgId,
    visibility: p.visibility ?? event.visibility,
    allDay,
    start: local(startF, allDay),
    end: local(endF, allDay),
    tz: p.tz ?? event.tz,
    rrule,
    exdates: [],
    overrides: {},
  };
  if (kind) {
    return {
      ...series,
      exdates: keysInKind(event, baseF, series, exdatesFrom(event, key, p, all)),
    };
  }
  const exdates = exdatesFrom(event, key, p, all);
  const overrides = filterKeys(event.overrides, (k) => all || k > key);
  return withExceptions(series, exdates, overrides, startF - baseF);
}

/** The deleted occurrences a reseries keeps: all of them, or those after `key`. */
const exdatesFrom = (event: CalendarEvent, key: string, p: EventPatch, all: boolean): string[] =>
  (p.exdates ?? event.exdates).filter((k) => all || k > key);

/**
 * Deleted occurrences of a series that became all-day (or timed): each keeps its place in the
 * series, counted in days from the start, in the new kind's key. Changed occurrences' times do not
 * carry over, so those go; a cancelled meeting must not come back.
 */
function keysInKind(
  was: CalendarEvent,
  /** Where the new series begins in the old one (its start, or the edited occurrence). */
  baseF: number,
  series: CalendarEvent,
  exdates: string[],
): string[] {
  const newStart = toF(series.start, series.allDay) ?? 0;
  const moved = exdates.map((k) => {
    const days = dateOf(toF(k, was.allDay) ?? 0) - dateOf(baseF);
    return local(dateOf(newStart) + days + (newStart - dateOf(newStart)), series.allDay);
  });
  const sorted = [...moved].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const valid = new Set(seriesKeys(series, first, last, ALL_KEYS));
  return moved.filter((k) => valid.has(k));
}
