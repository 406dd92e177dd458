// Moving an event without a pointer: Alt+arrows on a focused event move a ghost by a day, a week
// (month view) or 15 minutes (week view), Alt+Shift+Up/Down change its length; Enter saves the
// move, Escape drops it. The event itself stays put (and keeps focus) until the move is saved.
import type { KeyboardEvent } from 'react';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import { changedSpan, type Span } from './drag-timing';
import { eventKey, type GridView } from './grid-keys';
import { occurrenceId, type MovePreview } from './view-context';

interface KeyboardMoveOptions {
  view: GridView | 'agenda';
  zone: string;
  preview: MovePreview | null;
  setPreview: (preview: MovePreview | null) => void;
  commit: (item: CalendarItem, span: Span) => void;
}

export function useKeyboardMove({ view, zone, preview, setPreview, commit }: KeyboardMoveOptions) {
  return function itemKeyDown(item: CalendarItem, event: KeyboardEvent<HTMLElement>): void {
    const mine = preview?.source === 'key' && occurrenceId(preview.item) === occurrenceId(item);
    if (mine && preview && event.key === 'Enter' && !event.altKey) {
      event.preventDefault();
      commit(item, preview.span);
      return;
    }
    if (mine && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setPreview(null);
      return;
    }
    if (view === 'agenda' || !item.canEdit) return;
    const move = eventKey(event.nativeEvent, view, item.allDay);
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    const from = mine && preview ? preview.span : { startMs: item.startMs, endMs: item.endMs };
    setPreview({ item, span: changedSpan(from, move, zone), source: 'key' });
  };
}
