// The occurrences of an event shared with me as its sharer sees them: the rule expanded, deleted
// dates left out, and each changed occurrence at its own time with its own title, place and text.
import type { SharedEventView } from './calendar-api';
import { CALENDAR_LIMITS } from './calendar-limits';
import { expandEvent } from './recurrence';

export interface SharedOccurrence {
  /** Its original slot: only to tell occurrences apart (a list's key). */
  key: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** All-day only: the dates (end exclusive). */
  startDate: string | null;
  endDate: string | null;
  title: string;
  location: string;
  description: string;
  /** Not where the rule puts it: its start or end was changed on its own. */
  moved: boolean;
}

type Shared = Pick<SharedEventView, 'timing' | 'details' | 'overrides'>;

/** Every occurrence that overlaps [fromMs, toMs), by start (the one-off itself for a one-off). */
export function sharedOccurrences(
  shared: Shared,
  fromMs: number,
  toMs: number,
  viewerZone: string,
): SharedOccurrence[] {
  // The id only names the occurrences expandEvent returns; a shared event has none of its own.
  const event = { ...shared.timing, id: 'shared', overrides: shared.overrides };
  return expandEvent(event, fromMs, toMs, viewerZone).map((o) => {
    const override = shared.overrides[o.key];
    return {
      key: o.key,
      startMs: o.startMs,
      endMs: o.endMs,
      allDay: o.allDay,
      startDate: o.startDate,
      endDate: o.endDate,
      title: override?.title ?? shared.details.title,
      location: override?.location ?? shared.details.location,
      description: override?.description ?? shared.details.description,
      moved: override?.start !== undefined || override?.end !== undefined,
    };
  });
}

const DAY_MS = 86_400_000;

/** The next `count` occurrences from `nowMs` on (one under way included), a year ahead or so. */
export function nextSharedOccurrences(
  shared: Shared,
  nowMs: number,
  viewerZone: string,
  count: number,
): SharedOccurrence[] {
  const toMs = nowMs + CALENDAR_LIMITS.maxRangeDays * DAY_MS;
  return sharedOccurrences(shared, nowMs, toMs, viewerZone).slice(0, count);
}
