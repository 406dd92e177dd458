// The keyboard of the month grid and the week's day columns (a WAI-ARIA grid with roving focus):
// arrows move by a day or a week, Home/End to the week's first or last day, PageUp/PageDown by a
// period (focus keeps its place in it), T today, Enter opens the day, N starts a new event there.
// Pure: the views ask it what a key does and carry that out.
import { AGENDA_STEP_DAYS } from '../../src-shared/calendar/calendar-grid';
import { addDays, addMonths, startOfWeek, type WeekStart } from './day-math';

export type GridView = 'month' | 'week';

/** How many days the agenda lists from its first day: one step of it. */
export const AGENDA_DAYS = AGENDA_STEP_DAYS;

export type GridKeyResult =
  | { kind: 'focus'; day: string }
  | { kind: 'today' }
  | { kind: 'open'; day: string }
  | { kind: 'new'; day: string };

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
}

/** The period a PageUp/PageDown (or the previous/next buttons) steps by. */
export function stepDay(day: string, view: GridView | 'agenda', by: 1 | -1): string {
  if (view === 'month') return addMonths(day, by);
  return addDays(day, (view === 'agenda' ? AGENDA_STEP_DAYS : 7) * by);
}

/**
 * What a key pressed on the focused day does; null leaves the key alone (Tab, typing, shortcuts with
 * Ctrl/Cmd, and Alt+arrows, which move a focused event instead).
 */
export function gridKey(
  key: KeyLike,
  day: string,
  view: GridView,
  weekStart: WeekStart,
): GridKeyResult | null {
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  const focus = (next: string): GridKeyResult => ({ kind: 'focus', day: next });
  switch (key.key) {
    case 'ArrowLeft':
      return focus(addDays(day, -1));
    case 'ArrowRight':
      return focus(addDays(day, 1));
    case 'ArrowUp':
      return focus(addDays(day, -7));
    case 'ArrowDown':
      return focus(addDays(day, 7));
    case 'Home':
      return focus(startOfWeek(day, weekStart));
    case 'End':
      return focus(addDays(startOfWeek(day, weekStart), 6));
    case 'PageUp':
      return focus(stepDay(day, view, -1));
    case 'PageDown':
      return focus(stepDay(day, view, 1));
    case 'Enter':
    case ' ':
      return { kind: 'open', day };
    case 't':
    case 'T':
      return { kind: 'today' };
    case 'n':
    case 'N':
      return { kind: 'new', day };
    default:
      return null;
  }
}

/** What Alt+arrow on a focused event does: a move by days or minutes, or a resize with Shift. */
export type EventKeyMove =
  { kind: 'move'; days: number; minutes: number } | { kind: 'resize'; minutes: number };

export function eventKey(key: KeyLike, view: GridView, allDay: boolean): EventKeyMove | null {
  if (!key.altKey || key.ctrlKey || key.metaKey) return null;
  const quarter = 15;
  const vertical = view === 'week' && !allDay;
  switch (key.key) {
    case 'ArrowLeft':
      return key.shiftKey ? null : { kind: 'move', days: -1, minutes: 0 };
    case 'ArrowRight':
      return key.shiftKey ? null : { kind: 'move', days: 1, minutes: 0 };
    case 'ArrowUp':
      if (!vertical) return key.shiftKey ? null : { kind: 'move', days: -7, minutes: 0 };
      return key.shiftKey
        ? { kind: 'resize', minutes: -quarter }
        : { kind: 'move', days: 0, minutes: -quarter };
    case 'ArrowDown':
      if (!vertical) return key.shiftKey ? null : { kind: 'move', days: 7, minutes: 0 };
      return key.shiftKey
        ? { kind: 'resize', minutes: quarter }
        : { kind: 'move', days: 0, minutes: quarter };
    default:
      return null;
  }
}
