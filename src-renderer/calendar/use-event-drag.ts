// Dragging an event in the week view with pointer events: the body moves it (across days and
// hours), the bottom edge resizes it; both snap to 15 minutes. The block stays where it was while a
// ghost shows where it would land (so pointer capture and focus are never lost to a re-render); on
// release the move is handed on, and the click that ends a drag does not open the editor.
import { useRef, type PointerEvent } from 'react';
import type { CalendarItem } from '../../src-shared/calendar/calendar-api';
import {
  changedSpan,
  daysFromPixels,
  minutesFromPixels,
  type Span,
  type TimingChange,
} from './drag-timing';

/** Pointer travel below this many pixels is a click, not a drag. */
const DRAG_THRESHOLD_PX = 4;

interface DragOptions {
  zone: string;
  hourHeight: number;
  onPreview: (item: CalendarItem, span: Span | null) => void;
  onDrop: (item: CalendarItem, span: Span) => void;
}

interface Dragging {
  item: CalendarItem;
  kind: TimingChange['kind'];
  x: number;
  y: number;
  columnWidth: number;
  moved: boolean;
  span: Span;
}

export interface EventDrag {
  handlers: (
    item: CalendarItem,
    kind: TimingChange['kind'],
  ) => {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: () => void;
  };
  /** True once, right after a drag ended: the click that follows is not a choice. */
  takeClickAfterDrag: () => boolean;
}

export function useEventDrag({ zone, hourHeight, onPreview, onDrop }: DragOptions): EventDrag {
  const dragging = useRef<Dragging | null>(null);
  const justDragged = useRef(false);

  function change(d: Dragging, dx: number, dy: number): TimingChange {
    const minutes = minutesFromPixels(dy, hourHeight);
    return d.kind === 'move'
      ? { kind: 'move', days: daysFromPixels(dx, d.columnWidth), minutes }
      : { kind: 'resize', minutes };
  }

  return {
    handlers(item, kind) {
      return {
        onPointerDown(event) {
          if (event.button !== 0 || !item.canEdit) return;
          const column = event.currentTarget.closest('[role="gridcell"]');
          const span = { startMs: item.startMs, endMs: item.endMs };
          dragging.current = {
            item,
            kind,
            x: event.clientX,
            y: event.clientY,
            columnWidth: column?.getBoundingClientRect().width ?? 0,
            moved: false,
            span,
          };
          event.currentTarget.setPointerCapture(event.pointerId);
          if (kind === 'resize') event.preventDefault();
        },
        onPointerMove(event) {
          const d = dragging.current;
          if (!d) return;
          const dx = event.clientX - d.x;
          const dy = event.clientY - d.y;
          if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
          d.moved = true;
          d.span = changedSpan(
            { startMs: item.startMs, endMs: item.endMs },
            change(d, dx, dy),
            zone,
          );
          onPreview(item, d.span);
        },
        onPointerUp() {
          const d = dragging.current;
          dragging.current = null;
          if (!d?.moved) return;
          justDragged.current = true;
          const same = d.span.startMs === item.startMs && d.span.endMs === item.endMs;
          if (same) onPreview(item, null);
          else onDrop(item, d.span);
        },
        onPointerCancel() {
          if (dragging.current?.moved) onPreview(item, null);
          dragging.current = null;
        },
      };
    },
    takeClickAfterDrag() {
      const was = justDragged.current;
      justDragged.current = false;
      return was;
    },
  };
}
