// Editing or deleting one occurrence of a series "only this / this and following / all", as pure
// functions on the whole event: main applies exactly what the tests check, and replicas agree.
import { DateTime } from 'luxon';
import { CALENDAR_LIMITS } from './calendar-limits';
import type {
  CalendarEvent,
  EditScope,
  EventDetails,
  EventTiming,
  OccurrenceOverride,
} from './event-model';
import {
  floatingMs,
  formatLocal,
  fromFloating,
  parseLocal,
  plusFloating,
  zoneOf,
} from './local-time';
import { isRecurring, seriesKeys } from './recurrence';
import {
  formatRuleParts,
  formatUntil,
  parseRuleParts,
  shiftRuleDays,
  untilBeforeKey,
  untilFloating,
  type RuleParts,
} from './recurrence-rule';

export type EventPatch = Partial<
  EventTiming & EventDetails & Pick<CalendarEvent, 'orgId' | 'visibility'>
>;
export interface EditResult {
  /** Never null in practice: for a key that names no occurrence, the same event object, unchanged. */
  updated: CalendarEvent | null;
  /** The new series of a 'following' edit. */
  created: CalendarEvent | null;
}

const DETAIL_KEYS = ['title', 'description', 'location'] as const;
/** What one occurrence cannot have of its own: a change to any of these reaches the series. */
const SERIES_KEYS = ['allDay', 'tz', 'rrule', 'orgId', 'visibility'] as const;
const PATCH_KEYS = [...SERIES_KEYS, 'start', 'end', 'exdates', ...DETAIL_KEYS] as const;
const ALL_KEYS = 1_000_000;

/** Only the fields a patch may carry, without undefined ones (main may hand over a whole input). */
function cleanPatch(patch: EventPatch): EventPatch {
  const out: Record<string, unknown> = {};
  for (const k of PATCH_KEYS) if (patch[k] !== undefined) out[k] = patch[k];
  return out as EventPatch;
}

/**
 * Whether the patch changes what only a whole series has (whether it is all-day, its zone, its
 * repetition, who sees it): then "only this occurrence" cannot hold the change.
 */
export function changesSeries(
  event: Pick<CalendarEvent, (typeof SERIES_KEYS)[number]>,
  patch: EventPatch,
): boolean {
  return SERIES_KEYS.some((k) => patch[k] !== undefined && patch[k] !== event[k]);
}

const kindOf = (allDay: boolean): 'date' | 'datetime' => (allDay ? 'date' : 'datetime');
const toF = (text: string | undefined, allDay: boolean): number | null => {
  const w = text === undefined ? null : parseLocal(text, kindOf(allDay));
  return w ? floatingMs(w) : null;
};
const local = (f: number, allDay: boolean): string => formatLocal(fromFloating(f), allDay);
const dateOf = (f: number): number => floatingMs({ ...fromFloating(f), hour: 0, minute: 0 });
const filterKeys = <T>(record: Record<string, T>, keep: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => keep(k)));

export function isOccurrence(event: CalendarEvent, key: string): boolean {
  return seriesKeys(event, key, key, 1)[0] === key && !event.exdates.includes(key);
}

/** No occurrence left standing before `key` (earlier ones may all have been deleted). */
function isFirstShown(event: CalendarEvent, key: string): boolean {
  const exdates = new Set(event.exdates);
  const keys = seriesKeys(event, event.start, key, event.exdates.length + 2);
  return !keys.some((k) => k < key && !exdates.has(k));
}

function endBefore(event: CalendarEvent, key: string, exdates: string[]): CalendarEvent {
  const parts = parseRuleParts(event.rrule ?? '') ?? new Map<string, string>();
  parts.delete('COUNT');
  parts.set('UNTIL', untilBeforeKey(toF(key, event.allDay) ?? 0, event.allDay, zoneOf(event.tz)));
  return {
    ...event,
    rrule: formatRuleParts(parts),
    exdates: exdates.filter((k) => k < key),
    overrides: filterKeys(event.overrides, (k) => k < key),
  };
}

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

/**
 * Edit one occurrence (`key`) of `event`. 'this' records the changed times and details in
 * overrides[key] (the caller refuses a patch that changesSeries); 'following' ends the series before it and returns the rest as `created` (id newId);
 * 'all' changes the master, moving its start by as much as this occurrence moved. For a one-off event
 * every scope edits the event; 'following' on the first occurrence still standing means 'all'.
 */
export function editOccurrence(
  event: CalendarEvent,
  key: string,
  patch: EventPatch,
  scope: EditScope,
  newId: string,
  now: number,
): EditResult {
  const p = cleanPatch(patch);
  if (!isRecurring(event)) return { updated: { ...event, ...p, updatedAt: now }, created: null };
  if (!isOccurrence(event, key)) return { updated: event, created: null };
  if (scope === 'this') return { updated: editThis(event, key, p, now), created: null };
  if (scope === 'all' || isFirstShown(event, key))
    return { updated: { ...reseries(event, key, p, true), updatedAt: now }, created: null };
  return {
    updated: { ...endBefore(event, key, p.exdates ?? event.exdates), updatedAt: now },
    created: { ...reseries(event, key, p, false), id: newId, updatedAt: now },
  };
}

/** Only what differs from the series is kept, so a later 'all' edit still reaches the rest. */
function editThis(event: CalendarEvent, key: string, p: EventPatch, now: number): CalendarEvent {
  const next: OccurrenceOverride = { ...event.overrides[key] };
  for (const k of DETAIL_KEYS) {
    const value = p[k];
    if (value === undefined) continue;
    if (value === event[k]) delete next[k];
    else next[k] = value;
  }
  const duration = (toF(event.end, event.allDay) ?? 0) - (toF(event.start, event.allDay) ?? 0);
  const times: ['start' | 'end', string][] = [
    ['start', key],
    ['end', local((toF(key, event.allDay) ?? 0) + duration, event.allDay)],
  ];
  for (const [k, original] of times) {
    const value = p[k];
    if (value === undefined || toF(value, event.allDay) === null) continue;
    if (value === original) delete next[k];
    else next[k] = value;
  }
  const others = filterKeys(event.overrides, (k) => k !== key);
  const overrides = Object.keys(next).length > 0 ? { ...others, [key]: next } : others;
  return { ...event, overrides, updatedAt: now };
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
function reseries(event: CalendarEvent, key: string, p: EventPatch, all: boolean): CalendarEvent {
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

/**
 * Delete one occurrence: 'this' adds an exdate (and drops its override), 'following' ends the series
 * before it. Null means delete the whole event: 'all', a one-off, 'following' from the first
 * occurrence still standing, or a finite series with nothing left. The event comes back unchanged
 * when `key` is not an occurrence or the series already has the most exceptions it may have.
 */
export function deleteOccurrence(
  event: CalendarEvent,
  key: string,
  scope: EditScope,
  now: number,
): CalendarEvent | null {
  if (scope === 'all' || !isRecurring(event)) return null;
  if (!isOccurrence(event, key)) return event;
  if (scope === 'following')
    return isFirstShown(event, key)
      ? null
      : { ...endBefore(event, key, event.exdates), updatedAt: now };
  if (event.exdates.length >= CALENDAR_LIMITS.exceptionsPerEvent) return event;
  const next: CalendarEvent = {
    ...event,
    exdates: [...event.exdates, key].sort(),
    overrides: filterKeys(event.overrides, (k) => k !== key),
    updatedAt: now,
  };
  const parts = parseRuleParts(next.rrule ?? '');
  if (!parts?.has('COUNT') && !parts?.has('UNTIL')) return next;
  const far = event.allDay ? '9999-12-31' : '9999-12-31T23:59';
  const left = seriesKeys(next, next.start, far, next.exdates.length + 1);
  return left.every((k) => next.exdates.includes(k)) ? null : next;
}
