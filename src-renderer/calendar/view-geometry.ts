// The views' geometry from src-shared/calendar/calendar-grid.ts (days of a month, week or agenda in
// the viewer's zone; items per day; timed items side by side), put in the shapes the views draw.
import { DateTime } from 'luxon';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import {
  agendaDays,
  layoutDay,
  monthGrid,
  placeByDay,
  spanOf,
  weekDays,
  type GridDay,
  type WeekStart,
} from '../../src-shared/calendar/calendar-grid';
import { AGENDA_DAYS, type GridView } from './grid-keys';
import type { MovePreview } from './view-context';
import type { BlockPlace } from './WeekEventBlock';

export type { GridDay };

const DAY_MINUTES = 24 * 60;

export interface ViewDays {
  /** Every day shown, in order. */
  days: GridDay[];
  /** The month's weeks (month view only; empty otherwise). */
  weeks: GridDay[][];
  fromMs: number;
  toMs: number;
}

/** The first instant of a day in the zone: the anchor the grid functions take. */
export function dayStartMs(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf('day').toMillis();
}

export function viewDays(
  view: GridView | 'agenda',
  focusDay: string,
  zone: string,
  weekStart: WeekStart,
): ViewDays {
  const anchor = dayStartMs(focusDay, zone);
  if (view === 'month') {
    const weeks = monthGrid(anchor, zone, weekStart);
    const days = weeks.flat();
    return { days, weeks, ...spanOf(days) };
  }
  const days =
    view === 'week' ? weekDays(anchor, zone, weekStart) : agendaDays(anchor, AGENDA_DAYS, zone);
  return { days, weeks: [], ...spanOf(days) };
}

/** Each day's items (one spanning days is on each), keyed by date. */
export function itemsByDay(
  items: readonly CalendarItem[],
  days: readonly GridDay[],
): Map<string, CalendarItem[]> {
  const placed = placeByDay(items, days);
  return new Map(days.map((day, index) => [day.date, placed[index] ?? []]));
}

/** Due tasks by their day; done ones after open ones. */
export function tasksByDay(tasks: readonly CalendarTask[]): Map<string, CalendarTask[]> {
  const map = new Map<string, CalendarTask[]>();
  for (const task of [...tasks].sort((a, b) => Number(a.done) - Number(b.done))) {
    const list = map.get(task.due) ?? [];
    list.push(task);
    map.set(task.due, list);
  }
  return map;
}

/** Timed items of a day, placed in minutes on a 24-hour column. */
export function placeInDay(
  items: readonly CalendarItem[],
  day: GridDay,
): { item: CalendarItem; place: BlockPlace }[] {
  return layoutDay(items, day, 15 / DAY_MINUTES).map((laid) => ({
    item: laid.item,
    place: {
      top: laid.top * DAY_MINUTES,
      height: laid.height * DAY_MINUTES,
      column: laid.column,
      columns: laid.columns,
    },
  }));
}

/** Where a move's ghost goes in this day's column, or null when it lands on another day. */
export function ghostPlace(preview: MovePreview, day: GridDay): BlockPlace | null {
  const { startMs, endMs } = preview.span;
  if (startMs < day.startMs || startMs >= day.endMs) return null;
  const [laid] = layoutDay([{ startMs, endMs }], day);
  if (!laid) return null;
  return { top: laid.top * DAY_MINUTES, height: laid.height * DAY_MINUTES, column: 0, columns: 1 };
}

/** Whether a move's ghost starts on this day (month view, all-day rows). */
export function ghostOnDay(preview: MovePreview | null, day: GridDay): boolean {
  return (
    preview !== null && preview.span.startMs >= day.startMs && preview.span.startMs < day.endMs
  );
}
