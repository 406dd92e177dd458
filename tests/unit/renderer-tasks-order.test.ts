// The plan's task panel: today's date on the local calendar, the list order, the board's columns and
// where Alt+arrow moves a card.
import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../src-shared/plans/plan-model';
import {
  boardColumns,
  compareDue,
  formatDueDay,
  neighbourStatus,
  sortForList,
  todayLocal,
} from '../../src-renderer/tasks/task-order';

let next = 0;
function task(overrides: Partial<Task>): Task {
  next++;
  return {
    id: next.toString(16).padStart(32, '0'),
    planId: 'a'.repeat(32),
    title: `task ${next}`,
    assignee: null,
    due: null,
    status: 'todo',
    anchor: null,
    createdAt: next,
    createdBy: 'b'.repeat(64),
    ...overrides,
  };
}

describe('today', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(todayLocal(new Date(2025, 0, 5, 0, 0, 1))).toBe('2025-01-05');
    expect(todayLocal(new Date(2025, 11, 31, 23, 59, 59))).toBe('2025-12-31');
  });

  it('follows local time, not UTC, near midnight', () => {
    const lateEvening = new Date(2025, 2, 9, 23, 30);
    expect(todayLocal(lateEvening)).toBe('2025-03-09');
    const earlyMorning = new Date(2025, 2, 10, 0, 30);
    expect(todayLocal(earlyMorning)).toBe('2025-03-10');
  });
});

describe('due days', () => {
  it('are shown in the language, as the same calendar day', () => {
    expect(formatDueDay('2025-03-10', 'en-GB')).toBe('10 Mar 2025');
    expect(formatDueDay('not a day', 'en')).toBe('not a day');
  });

  it('sort earliest first, days before none', () => {
    expect(['2025-02-01', null, '2025-01-31'].sort(compareDue)).toEqual([
      '2025-01-31',
      '2025-02-01',
      null,
    ]);
  });
});

describe('the list', () => {
  it('puts open tasks by due day (overdue first), undated after, done last', () => {
    const undated = task({ title: 'undated' });
    const later = task({ title: 'later', due: '2025-06-01' });
    const done = task({ title: 'done', due: '2025-01-01', status: 'done' });
    const overdue = task({ title: 'overdue', due: '2025-01-02', status: 'blocked' });
    const sameDayOlder = task({ title: 'older', due: '2025-06-01', createdAt: -1 });
    expect(sortForList([undated, later, done, overdue, sameDayOlder]).map((t) => t.title)).toEqual([
      'overdue',
      'older',
      'later',
      'undated',
      'done',
    ]);
  });

  it('does not reorder what it was given', () => {
    const tasks = [task({ due: '2025-02-01' }), task({ due: '2025-01-01' })];
    const before = [...tasks];
    sortForList(tasks);
    expect(tasks).toEqual(before);
  });
});

describe('the board', () => {
  it('has one column per status, in board order, even when empty', () => {
    const columns = boardColumns([task({ status: 'done' }), task({ status: 'blocked' })]);
    expect(columns.map((c) => c.status)).toEqual([...TASK_STATUSES]);
    expect(columns.map((c) => c.tasks.length)).toEqual([0, 0, 1, 1]);
  });

  it('orders each column by due day', () => {
    const a = task({ status: 'in-progress', due: '2025-05-01' });
    const b = task({ status: 'in-progress', due: '2025-04-01' });
    const c = task({ status: 'in-progress' });
    const column = boardColumns([c, a, b]).find((col) => col.status === 'in-progress');
    expect(column?.tasks).toEqual([b, a, c]);
  });

  it('moves a card one column left or right, and not past the edges', () => {
    const moves: [TaskStatus, -1 | 1, TaskStatus | null][] = [
      ['todo', 1, 'in-progress'],
      ['in-progress', 1, 'blocked'],
      ['blocked', 1, 'done'],
      ['done', 1, null],
      ['done', -1, 'blocked'],
      ['todo', -1, null],
    ];
    for (const [from, step, to] of moves) expect(neighbourStatus(from, step)).toBe(to);
  });
});
