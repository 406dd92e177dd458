// The month as a WAI-ARIA grid: a row of weekday names, then a row per week with a cell per day,
// each listing its first few events and due tasks ("+3 more" opens the whole day). One cell holds
// the tab stop (use-grid-focus.ts); its items follow it in the tab order.
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { formatLongDay, formatWeekday } from './calendar-format';
import { DayLines } from './DayLines';
import { dayCellAttributes, gridAttributes, type GridViewProps } from './grid-props';
import { ItemChip } from './ItemChip';
import type { ViewContext } from './view-context';
import { ghostOnDay, type GridDay } from './view-geometry';

/** Lines a month cell shows before "+N more". */
export const MONTH_CELL_LINES = 3;

interface MonthViewProps extends GridViewProps {
  /** The month's weeks; days of other months are dimmed. */
  weeks: GridDay[][];
}

export function MonthView({ weeks, byDay, tasksByDay, ctx, onCellFocus, ...grid }: MonthViewProps) {
  return (
    <div {...gridAttributes(grid)} className="cal-month" data-testid="cal-month">
      <div role="row" className="cal-month-head">
        {(weeks[0] ?? []).map(({ date }) => (
          <div key={date} role="columnheader" className="cal-weekday">
            <span aria-hidden="true">{formatWeekday(date, ctx.language, 'short')}</span>
            <span className="visually-hidden">{formatWeekday(date, ctx.language, 'long')}</span>
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]?.date} role="row" className="cal-month-week">
          {week.map((day) => (
            <MonthCell
              key={day.date}
              day={day}
              items={byDay.get(day.date) ?? []}
              tasks={tasksByDay.get(day.date) ?? []}
              ctx={ctx}
              onCellFocus={onCellFocus}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

interface MonthCellProps {
  day: GridDay;
  items: CalendarItem[];
  tasks: CalendarTask[];
  ctx: ViewContext;
  onCellFocus: (day: string) => void;
}

function MonthCell({ day: grid, items, tasks, ctx, onCellFocus }: MonthCellProps) {
  const { t } = useTranslation();
  const day = grid.date;
  const focused = day === ctx.focusDay;
  const preview = ctx.preview;
  const ghostHere = ghostOnDay(preview, grid);
  // Events first, then tasks, cut to the cell's lines.
  const shownItems = items.slice(0, MONTH_CELL_LINES);
  const shownTasks = tasks.slice(0, MONTH_CELL_LINES - shownItems.length);
  const shown = shownItems.length + shownTasks.length;
  const hidden = items.length + tasks.length - shown;
  const classes = ['cal-day', grid.inMonth ? '' : 'outside', day === ctx.today ? 'today' : ''];
  return (
    <div
      {...dayCellAttributes(day, ctx, onCellFocus)}
      className={classes.filter(Boolean).join(' ')}
      onDoubleClick={(event) => {
        if (event.target === event.currentTarget) ctx.newEvent(day);
      }}
    >
      <span className="cal-day-number">
        <span aria-hidden="true">{Number(day.slice(8, 10))}</span>
        <span className="visually-hidden">{formatLongDay(day, ctx.language)}</span>
      </span>
      {shown > 0 && (
        <ul className="cal-day-items">
          <DayLines items={shownItems} tasks={shownTasks} ctx={ctx} tabbable={focused} />
        </ul>
      )}
      {hidden > 0 && (
        <button
          type="button"
          className="cal-more"
          data-testid="cal-day-more"
          tabIndex={focused ? 0 : -1}
          onClick={() => ctx.openDay(day)}
        >
          {t('calendar.more', { count: hidden })}
        </button>
      )}
      {ghostHere && preview && <ItemChip item={preview.item} ctx={ctx} tabbable={false} ghost />}
    </div>
  );
}
