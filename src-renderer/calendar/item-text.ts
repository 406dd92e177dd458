// How an occurrence is named on screen: its title (never blank: "Untitled event", and "Busy" for a
// busy block, whose owner ItemExtras names) and its time in the viewer's zone.
import type { TFunction } from 'i18next';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { formatTime } from './calendar-format';

/** A title as typed, or "Untitled event" when it is blank (or not known). */
export function titleOrUntitled(t: TFunction, title: string | null | undefined): string {
  return title?.trim() || t('calendar.untitled');
}

/** The visible title: the event's, "Untitled event", or "Busy". */
export function itemTitle(t: TFunction, item: Pick<CalendarItem, 'busyOnly' | 'title'>): string {
  if (item.busyOnly || item.title === null) return t('calendar.busy');
  return titleOrUntitled(t, item.title);
}

/** "10:00 – 11:00" in `zone`. */
export function timeSpanText(
  t: TFunction,
  startMs: number,
  endMs: number,
  zone: string,
  language: string,
): string {
  return t('calendar.time.span', {
    start: formatTime(startMs, zone, language),
    end: formatTime(endMs, zone, language),
  });
}

/** "10:00 – 11:00" in the viewer's zone, or "All day". */
export function itemTimeText(
  t: TFunction,
  item: Pick<CalendarItem, 'allDay' | 'startMs' | 'endMs'>,
  zone: string,
  language: string,
): string {
  if (item.allDay) return t('calendar.allDay');
  return timeSpanText(t, item.startMs, item.endMs, zone, language);
}
