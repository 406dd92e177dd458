// Editing or deleting one occurrence of a series "only this / this and following / all", as pure
// functions on the whole event: main applies exactly what the tests check, and replicas agree.
import { CALENDAR_LIMITS } from './calendar-limits';
import type {
  CalendarEvent,
  EditScope,
  EventDetails,
  EventTiming,
  OccurrenceOverride,
} from './event-model';
import { zoneOf } from './local-time';
import { reseries } from './moved-series';
import { filterKeys, local, toF } from './occurrence-keys';
import { isRecurring, seriesKeys } from './recurrence';
import { formatRuleParts, parseRuleParts, untilBeforeKey } from './recurrence-rule';

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

/** With a deadline, RuleTooCostlyError if the rule could not be walked to `key` by then. */
export function isOccurrence(event: CalendarEvent, key: string, deadline?: number): boolean {
  return seriesKeys(event, key, key, 1, deadline)[0] === key && !event.exdates.includes(key);
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
