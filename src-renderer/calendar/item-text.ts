// How an occurrence is named on screen: its title (never blank: "Untitled event", and "Busy" for a
// busy block, whose owner ItemExtras names) and its time in the viewer's zone.
import type { TFunction } from 'i18next';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { formatTime } from './calendar-format';

/** The visible title: the event's, "Untitled event", or "Busy". */
export function itemTitle(t: TFunction, item: Pick<CalendarItem, 'busyOnly' | 'title'>): string {
  if (item.busyOnly || item.title === null) return t('calendar.busy');
  return item.title.trim() || t('calendar.untitled');
}

/** "10:00 – 11:00" in the viewer's zone, or "All day". */
export function itemTimeText(
  t: TFunction,
  item: Pick<CalendarItem, 'allDay' | 'startMs' | 'endMs'>,
  zone: string,
  language: string,
): string {
  if (item.allDay) return t('calendar.allDay');
  return t('calendar.time.span', {
    start: formatTime(item.startMs, zone, language),
    end: formatTime(item.endMs, zone, language),
  });
}
