// How a plan's tasks are laid out: today's date on the user's own calendar, the order of the list,
// the board's columns (one per status, in board order) and where a card moves with Alt+arrow.
import { TASK_STATUSES, type Task, type TaskStatus } from '../../src-shared/plans/plan-model';
import { formatMediumDay, type DateWords } from '../lib/format-date';

/**
 * Today as YYYY-MM-DD in local time. Due dates are calendar days the user picked, so "overdue" must
 * follow their wall calendar, not UTC (which would flip a day early or late near midnight).
 */
export function todayLocal(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A YYYY-MM-DD day in the user's language, e.g. "3 Mar 2025"; read as a local date. Through
 * lib/format-date, so Belarusian comes from the catalogue where Intl has no Belarusian data.
 */
export function formatDueDay(day: string, language: string, words?: DateWords): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return formatMediumDay(new Date(year, month - 1, date).getTime(), language, words);
}

/** Earlier due days first (YYYY-MM-DD compares as text), no due day last. */
export function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

type Ordered = Pick<Task, 'id' | 'due' | 'createdAt'>;

/** Earliest due date first, tasks without one after, then oldest first: what needs doing next. */
export function compareByDue(a: Ordered, b: Ordered): number {
  return (
    compareDue(a.due, b.due) ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The list: open tasks by due date (so overdue ones come first), done ones at the end. */
export function sortForList<T extends Ordered & Pick<Task, 'status'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort(
    (a, b) => Number(a.status === 'done') - Number(b.status === 'done') || compareByDue(a, b),
  );
}

export interface BoardColumn<T> {
  status: TaskStatus;
  tasks: T[];
}

/** One column per status, in board order, each by due date; empty columns stay (drop targets). */
export function boardColumns<T extends Ordered & Pick<Task, 'status'>>(
  tasks: readonly T[],
): BoardColumn<T>[] {
  return TASK_STATUSES.map((status) => ({
    status,
    tasks: tasks.filter((task) => task.status === status).sort(compareByDue),
  }));
}

/** The status of the column left (-1) or right (+1) of this one; null at the board's edge. */
export function neighbourStatus(status: TaskStatus, step: -1 | 1): TaskStatus | null {
  return TASK_STATUSES[TASK_STATUSES.indexOf(status) + step] ?? null;
}
