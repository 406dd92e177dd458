// A day's events and then its due tasks as list items, the same in a month cell, a week's all-day
// row, the day dialog and (tasks) the agenda, so each list reads in one order everywhere.
import type { CalendarItem, CalendarTask } from '../../src-shared/calendar/calendar-api';
import { ItemChip } from './ItemChip';
import { TaskChip } from './TaskChip';
import { occurrenceId, type ViewContext } from './view-context';

interface LinesProps {
  ctx: ViewContext;
  /** Whether the lines are in the tab order (in a grid: only in the cell holding the tab stop). */
  tabbable: boolean;
}

export function TaskLines({
  tasks,
  ctx,
  tabbable,
}: LinesProps & { tasks: readonly CalendarTask[] }) {
  return tasks.map((task) => (
    <li key={task.taskId}>
      <TaskChip task={task} ctx={ctx} tabbable={tabbable} />
    </li>
  ));
}

export function DayLines({
  items,
  tasks,
  ctx,
  tabbable,
}: LinesProps & { items: readonly CalendarItem[]; tasks: readonly CalendarTask[] }) {
  return (
    <>
      {items.map((item) => (
        <li key={occurrenceId(item)}>
          <ItemChip item={item} ctx={ctx} tabbable={tabbable} />
        </li>
      ))}
      <TaskLines tasks={tasks} ctx={ctx} tabbable={tabbable} />
    </>
  );
}
