// The view in the calendar's main area (month grid, week columns or agenda), with the grid's
// keyboard focus and the week's dragging wired to the screen.
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { AgendaView } from './AgendaView';
import type { WeekStart } from './day-math';
import type { Span } from './drag-timing';
import type { GridViewProps } from './grid-props';
import { MonthView } from './MonthView';
import type { CalendarNav } from './use-calendar-nav';
import { useEventDrag } from './use-event-drag';
import { useGridFocus } from './use-grid-focus';
import type { MovePreview, ViewContext } from './view-context';
import type { ViewDays } from './view-geometry';
import { HOUR_HEIGHT, WeekView } from './WeekView';

interface CalendarBodyProps {
  nav: CalendarNav;
  title: string;
  weekStart: WeekStart;
  geometry: ViewDays;
  byDay: ReadonlyMap<string, CalendarItem[]>;
  tasksByDay: ReadonlyMap<string, CalendarTask[]>;
  ctx: ViewContext;
  loading: boolean;
  onDrop: (item: CalendarItem, span: Span) => void;
  setPreview: (preview: MovePreview | null) => void;
}

export function CalendarBody(props: CalendarBodyProps) {
  const { nav, ctx, geometry, byDay, tasksByDay } = props;
  const grid = useGridFocus({
    day: nav.day,
    view: nav.view === 'month' ? 'month' : 'week',
    weekStart: props.weekStart,
    setDay: nav.setDay,
    onToday: nav.goToday,
    onOpen: ctx.openDay,
    onNew: (day) => ctx.newEvent(day),
  });
  const drag = useEventDrag({
    zone: ctx.zone,
    hourHeight: HOUR_HEIGHT,
    onPreview: (item, span) => props.setPreview(span ? { item, span, source: 'drag' } : null),
    onDrop: props.onDrop,
  });
  // A click on a day of the next or previous month does not turn the page; keys do.
  const onCellFocus = (day: string) => {
    if (nav.view !== 'month' || day.slice(0, 7) === nav.day.slice(0, 7)) nav.setDay(day);
  };
  const gridProps: GridViewProps = {
    title: props.title,
    byDay,
    tasksByDay,
    ctx,
    gridElement: grid.setElement,
    onGridKeyDown: grid.onKeyDown,
    onCellFocus,
  };
  return (
    <div className="cal-body" aria-busy={props.loading}>
      {nav.view === 'month' && <MonthView weeks={geometry.weeks} {...gridProps} />}
      {nav.view === 'week' && <WeekView days={geometry.days} drag={drag} {...gridProps} />}
      {nav.view === 'agenda' && (
        <AgendaView days={geometry.days} byDay={byDay} tasksByDay={tasksByDay} ctx={ctx} />
      )}
    </div>
  );
}
