// What every view needs from the screen: the zone and language, space colours, whether spaces are
// named (the calendar of all spaces), and what choosing or moving an item does. One object, so the
// month, week and agenda views and their cells do not pass a dozen props down.
import type { KeyboardEvent } from 'react';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import type { Span } from './drag-timing';
import type { GridView } from './grid-keys';

export interface MovePreview {
  item: CalendarItem;
  span: Span;
  source: 'drag' | 'key';
}

export interface ViewContext {
  view: GridView | 'agenda';
  zone: string;
  language: string;
  today: string;
  colours: ReadonlyMap<string, number>;
  showSpace: boolean;
  /** The day that holds the grid's tab stop. */
  focusDay: string;
  preview: MovePreview | null;
  openItem: (item: CalendarItem) => void;
  openTask: (task: CalendarTask) => void;
  openDay: (day: string) => void;
  newEvent: (day: string, startTime?: string) => void;
  /** Alt+arrows, Enter and Escape on a focused item (moving it by keyboard). */
  itemKeyDown: (item: CalendarItem, event: KeyboardEvent<HTMLElement>) => void;
}

/** A key that names one occurrence on screen (an event may occur many times in a view). */
export function occurrenceId(item: Pick<CalendarItem, 'spaceId' | 'eventId' | 'key'>): string {
  return `${item.spaceId}:${item.eventId}:${item.key}`;
}
