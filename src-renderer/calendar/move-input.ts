// What a move or resize saves: the whole event as calendar.get gave it, with new times for the
// moved occurrence, read in the event's own zone (a 10:00 Minsk meeting dragged an hour later in
// Vilnius becomes 11:00 Minsk). All-day events move by whole days.
import { DateTime } from 'luxon';
import type {
  CalendarEventView,
  CalendarItem,
  EventInput,
} from '../../src-shared/calendar/calendar-api';
import type { EditScope, EventDetails } from '../../src-shared/calendar/event-model';
import { addDays, daysBetween } from './day-math';
import { localTimeIn, type Span } from './drag-timing';

/** The stored event as an EventInput (null for a busy block, whose details this device lacks). */
export function inputOfView(view: CalendarEventView): EventInput | null {
  if (view.details === null) return null;
  return {
    ...view.details,
    allDay: view.allDay,
    start: view.start,
    end: view.end,
    tz: view.tz,
    rrule: view.rrule,
    exdates: view.exdates,
    orgId: view.orgId,
    visibility: view.visibility,
  };
}

/** The item's times as the event stores them: local times in its zone, or its dates. */
export function itemTimes(
  item: Pick<CalendarItem, 'allDay' | 'startMs' | 'endMs' | 'startDate' | 'endDate'>,
  tz: string,
): { start: string; end: string } {
  if (item.allDay && item.startDate !== null && item.endDate !== null) {
    return { start: item.startDate, end: item.endDate };
  }
  return { start: localTimeIn(item.startMs, tz), end: localTimeIn(item.endMs, tz) };
}

/**
 * The input to save after the item moved to `span` (viewer's instants). For "this occurrence" the
 * occurrence's own details stay (`occurrence`, as calendar.get gave them; else the item's title
 * and place); otherwise the series' do.
 */
export function movedInput(
  before: EventInput,
  item: Pick<
    CalendarItem,
    'allDay' | 'startMs' | 'endMs' | 'startDate' | 'endDate' | 'title' | 'location'
  >,
  span: Span,
  viewerZone: string,
  scope?: EditScope,
  occurrence?: EventDetails | null,
): EventInput {
  const own =
    scope !== 'this'
      ? {}
      : (occurrence ?? {
          title: item.title ?? before.title,
          location: item.location ?? before.location,
        });
  if (before.allDay) {
    const was = item.startDate ?? before.start;
    const moved = daysBetween(
      DateTime.fromMillis(item.startMs, { zone: viewerZone }).toISODate() ?? was,
      DateTime.fromMillis(span.startMs, { zone: viewerZone }).toISODate() ?? was,
    );
    const times = itemTimes(item, before.tz);
    return {
      ...before,
      ...own,
      start: addDays(times.start, moved),
      end: addDays(times.end, moved),
    };
  }
  return {
    ...before,
    ...own,
    start: localTimeIn(span.startMs, before.tz),
    end: localTimeIn(span.endMs, before.tz),
  };
}
