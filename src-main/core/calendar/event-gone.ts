// Whether an event something was shared from is no longer in its space: the minute sweep's test
// for links and member shares alike, with each space read at most once per sweep.
import type { SpaceCalendar } from './calendar-events';
import type { CalendarService } from './calendar-service';

export type ReadSpace = (spaceId: string) => SpaceCalendar | null;

/** Reads each space once; null for one this device cannot read now. */
export function spaceReader(calendar: CalendarService): ReadSpace {
  const calendars = new Map<string, SpaceCalendar | null>();
  return (spaceId) => {
    if (!calendars.has(spaceId)) {
      let cal: SpaceCalendar | null = null;
      try {
        cal = calendar.readable(spaceId);
      } catch {
        // Not readable now: nothing can be told of its events.
      }
      calendars.set(spaceId, cal);
    }
    return calendars.get(spaceId) ?? null;
  };
}

/**
 * The event is not in its space any more. A stop cannot be undone, so "cannot tell" is never
 * "gone": a space, or the organisation that held the event, this device cannot read now says
 * nothing (a key still on its way, a membership being renewed).
 */
export function eventGone(
  where: { spaceId: string; eventId: string; orgId: string | null },
  read: ReadSpace,
): boolean {
  const cal = read(where.spaceId);
  if (!cal || (where.orgId !== null && !cal.orgs.has(where.orgId))) return false;
  return !cal.events.some((shown) => shown.event.id === where.eventId);
}
