// What the month and week grids share: the props CalendarBody hands both, and the attributes of
// the grid and each day's cell, so both are one WAI-ARIA grid to use-grid-focus.ts and the tests.
import type { FocusEvent, KeyboardEvent } from 'react';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { GRID_HELP_ID } from './KeyHelp';
import type { ViewContext } from './view-context';

export interface GridViewProps {
  title: string;
  byDay: ReadonlyMap<string, CalendarItem[]>;
  tasksByDay: ReadonlyMap<string, CalendarTask[]>;
  ctx: ViewContext;
  /** The grid's keyboard (use-grid-focus.ts): where its element is, and its keys. */
  gridElement: (element: HTMLDivElement | null) => void;
  onGridKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onCellFocus: (day: string) => void;
}

/** The grid element's attributes: named by the period's title, described by the key help. */
export function gridAttributes({
  title,
  gridElement,
  onGridKeyDown,
}: Pick<GridViewProps, 'title' | 'gridElement' | 'onGridKeyDown'>) {
  return {
    ref: gridElement,
    role: 'grid',
    'aria-label': title,
    'aria-readonly': 'true',
    'aria-describedby': GRID_HELP_ID,
    onKeyDown: onGridKeyDown,
  } as const;
}

/**
 * A day cell's attributes: the roving tab stop on the focused day, today marked, and focus on the
 * cell itself (not on an item inside it) reported as the new focused day.
 */
export function dayCellAttributes(
  day: string,
  ctx: ViewContext,
  onCellFocus: (day: string) => void,
) {
  return {
    role: 'gridcell',
    'data-day': day,
    'data-testid': 'cal-day',
    tabIndex: day === ctx.focusDay ? 0 : -1,
    'aria-current': day === ctx.today ? 'date' : undefined,
    onFocus: (event: FocusEvent<HTMLDivElement>) => {
      if (event.target === event.currentTarget) onCellFocus(day);
    },
  } as const;
}
