// The month as a WAI-ARIA grid: a row of weekday names, then a row per week with a cell per day,
// each listing its first few events and due tasks ("+3 more" opens the whole day). One cell holds
// the tab stop (use-grid-focus.ts); its items follow it in the tab order.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { formatLongDay, formatWeekday } from './calendar-format';
import { ItemChip } from './ItemChip';
import { GRID_HELP_ID } from './KeyHelp';
import { TaskChip } from './TaskChip';
import { occurrenceId, type ViewContext } from './view-context';
import { ghostOnDay, type GridDay } from './view-geometry';

/** Lines a month cell shows before "+N more". */
export const MONTH_CELL_LINES = 3;

interface MonthViewProps {
  /** The month's weeks; days of other months are dimmed. */
  weeks: GridDay[][];
  title: string;
  byDay: ReadonlyMap<string, CalendarItem[]>;
  tasksByDay: ReadonlyMap<string, CalendarTask[]>;
  ctx: ViewContext;
  /** The grid's keyboard (use-grid-focus.ts): where its element is, and its keys. */
  gridElement: (element: HTMLDivElement | null) => void;
  onGridKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onCellFocus: (day: string) => void;
}

export function MonthView({
  weeks,
  title,
  byDay,
  tasksByDay,
  ctx,
  gridElement,
  onGridKeyDown,
  onCellFocus,
}: MonthViewProps) {
  return (
    <div
      ref={gridElement}
      role="grid"
      aria-label={title}
      aria-readonly="true"
      aria-describedby={GRID_HELP_ID}
      className="cal-month"
      data-testid="cal-month"
      onKeyDown={onGridKeyDown}
    >
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
  const lines = [
    ...items.map((item) => ({ kind: 'item' as const, item })),
    ...tasks.map((task) => ({ kind: 'task' as const, task })),
  ];
  const shown = lines.slice(0, MONTH_CELL_LINES);
  const hidden = lines.length - shown.length;
  const classes = ['cal-day', grid.inMonth ? '' : 'outside', day === ctx.today ? 'today' : ''];
  return (
    <div
      role="gridcell"
      className={classes.filter(Boolean).join(' ')}
      data-day={day}
      data-testid="cal-day"
      tabIndex={focused ? 0 : -1}
      aria-current={day === ctx.today ? 'date' : undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onCellFocus(day);
      }}
      onDoubleClick={(event) => {
        if (event.target === event.currentTarget) ctx.newEvent(day);
      }}
    >
      <span className="cal-day-number">
        <span aria-hidden="true">{Number(day.slice(8, 10))}</span>
        <span className="visually-hidden">{formatLongDay(day, ctx.language)}</span>
      </span>
      {shown.length > 0 && (
        <ul className="cal-day-items">
          {shown.map((line) => (
            <li key={line.kind === 'item' ? occurrenceId(line.item) : `task:${line.task.taskId}`}>
              {line.kind === 'item' ? (
                <ItemChip item={line.item} ctx={ctx} tabbable={focused} />
              ) : (
                <TaskChip task={line.task} ctx={ctx} tabbable={focused} />
              )}
            </li>
          ))}
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
