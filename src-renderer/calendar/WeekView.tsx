// The week as a WAI-ARIA grid of day columns: each column lists its all-day events and due tasks
// on top, then its timed events placed on a 24-hour timeline (overlaps side by side). Double-click
// on the timeline starts an event at that time. The hour labels beside it are decoration.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import {
  formatLongDay,
  formatShortDay,
  formatTime,
  formatWeekday,
  noonOf,
} from './calendar-format';
import { DayLines } from './DayLines';
import { snap } from './drag-timing';
import { dayCellAttributes, gridAttributes, type GridViewProps } from './grid-props';
import { ItemChip } from './ItemChip';
import type { EventDrag } from './use-event-drag';
import { ghostOnDay, ghostPlace, placeInDay, type GridDay } from './view-geometry';
import { occurrenceId, type ViewContext } from './view-context';
import { WeekEventBlock } from './WeekEventBlock';

export const HOUR_HEIGHT = 48;
const ALL_DAY_LINE = 26;
const FIRST_HOUR_SHOWN = 8;

interface WeekViewProps extends GridViewProps {
  days: GridDay[];
  drag: EventDrag;
}

export function WeekView({
  days,
  byDay,
  tasksByDay,
  ctx,
  drag,
  onCellFocus,
  ...grid
}: WeekViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Opens at 08:00; an earlier event of the week (once loaded) scrolls up into sight.
  const earliest = Math.min(
    FIRST_HOUR_SHOWN * 60,
    ...days.flatMap((day) =>
      placeInDay(
        (byDay.get(day.date) ?? []).filter((item) => !item.allDay),
        day,
      ).map(({ place }) => place.top),
    ),
  );
  const opened = useRef(false);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const top = (earliest / 60) * HOUR_HEIGHT;
    if (!opened.current || scroller.scrollTop > top) scroller.scrollTop = top;
    opened.current = true;
  }, [earliest]);
  const allDayLines = Math.max(
    1,
    ...days.map(
      ({ date }) =>
        (byDay.get(date) ?? []).filter((item) => item.allDay).length +
        (tasksByDay.get(date)?.length ?? 0),
    ),
  );
  const allDayHeight = `${allDayLines * ALL_DAY_LINE + 6}px`;
  return (
    <div className="cal-week-scroll" ref={scrollRef} data-testid="cal-week">
      <div className="cal-week">
        <div className="cal-week-gutter" aria-hidden="true">
          <div className="cal-week-head-space" />
          <div style={{ height: allDayHeight }} />
          {Array.from({ length: 24 }, (_, hour) => (
            <div key={hour} className="cal-hour-label" style={{ height: `${HOUR_HEIGHT}px` }}>
              {hour > 0 &&
                formatTime(
                  noonOf(days[0]?.date ?? '2024-01-01') + (hour - 12) * 3_600_000,
                  ctx.zone,
                  ctx.language,
                )}
            </div>
          ))}
        </div>
        <div {...gridAttributes(grid)} className="cal-week-grid">
          <div role="row" className="cal-week-head">
            {days.map(({ date }) => (
              <div
                key={date}
                role="columnheader"
                className={date === ctx.today ? 'cal-weekday today' : 'cal-weekday'}
              >
                <span aria-hidden="true">{formatWeekday(date, ctx.language, 'short')}</span>
                <span aria-hidden="true">{formatShortDay(date, ctx.language)}</span>
                <span className="visually-hidden">{formatLongDay(date, ctx.language)}</span>
              </div>
            ))}
          </div>
          <div role="row" className="cal-week-body">
            {days.map((day) => (
              <WeekColumn
                key={day.date}
                day={day}
                items={byDay.get(day.date) ?? []}
                tasks={tasksByDay.get(day.date) ?? []}
                allDayHeight={allDayHeight}
                ctx={ctx}
                drag={drag}
                onCellFocus={onCellFocus}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

interface WeekColumnProps {
  day: GridDay;
  items: CalendarItem[];
  tasks: CalendarTask[];
  allDayHeight: string;
  ctx: ViewContext;
  drag: EventDrag;
  onCellFocus: (day: string) => void;
}

function WeekColumn({
  day: grid,
  items,
  tasks,
  allDayHeight,
  ctx,
  drag,
  onCellFocus,
}: WeekColumnProps) {
  const { t } = useTranslation();
  const day = grid.date;
  const focused = day === ctx.focusDay;
  const allDay = items.filter((item) => item.allDay);
  const timed = placeInDay(
    items.filter((item) => !item.allDay),
    grid,
  );
  const ghost = ctx.preview && !ctx.preview.item.allDay ? ghostPlace(ctx.preview, grid) : null;
  return (
    <div
      {...dayCellAttributes(day, ctx, onCellFocus)}
      className={day === ctx.today ? 'cal-week-day today' : 'cal-week-day'}
    >
      <span className="visually-hidden">{formatLongDay(day, ctx.language)}</span>
      <ul
        className="cal-allday"
        style={{ height: allDayHeight }}
        aria-label={t('calendar.allDayEvents')}
      >
        <DayLines items={allDay} tasks={tasks} ctx={ctx} tabbable={focused} />
        {ctx.preview?.item.allDay && ghostOnDay(ctx.preview, grid) && (
          <li aria-hidden="true">
            <ItemChip item={ctx.preview.item} ctx={ctx} tabbable={false} ghost />
          </li>
        )}
      </ul>
      <div
        className="cal-timeline"
        style={{ height: `${24 * HOUR_HEIGHT}px` }}
        onDoubleClick={(event) => {
          if (event.target !== event.currentTarget) return;
          const y = event.clientY - event.currentTarget.getBoundingClientRect().top;
          const minutes = Math.min(23 * 60 + 45, Math.max(0, snap((y / HOUR_HEIGHT) * 60 - 7.5)));
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          ctx.newEvent(day, time);
        }}
      >
        {timed.map(({ item, place }) => (
          <WeekEventBlock
            key={occurrenceId(item)}
            item={item}
            place={place}
            hourHeight={HOUR_HEIGHT}
            ctx={ctx}
            tabbable={focused}
            drag={drag}
          />
        ))}
        {ghost && ctx.preview && (
          <WeekEventBlock
            item={ctx.preview.item}
            place={ghost}
            hourHeight={HOUR_HEIGHT}
            ctx={ctx}
            tabbable={false}
            ghost
          />
        )}
      </div>
    </div>
  );
}
