// "My tasks": grouping by space and plan, the most urgent first, done ones apart, the sidebar's
// counts, and the throttle that keeps remote edits from reloading it more than twice a second.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyTask } from '../../src-shared/api';
import { countMyTasks, layOutMyTasks } from '../../src-renderer/tasks/my-task-groups';
import { throttle } from '../../src-renderer/tasks/throttle';

const TODAY = '2025-03-10';
const SPACE_A = 'a'.repeat(32);
const SPACE_B = 'b'.repeat(32);

let next = 0;
function mine(overrides: Partial<MyTask>): MyTask {
  next++;
  return {
    spaceId: SPACE_A,
    spaceName: 'Alpha',
    docId: 'd'.repeat(32),
    planId: 'p1',
    planTitle: 'Plan one',
    taskId: `t${next}`,
    title: `task ${next}`,
    due: null,
    status: 'todo',
    ...overrides,
  };
}

describe('the layout of my tasks', () => {
  it('groups by space and plan, the group with the most urgent task first', () => {
    const tasks = [
      mine({ title: 'a-undated' }),
      mine({
        spaceId: SPACE_B,
        spaceName: 'Beta',
        planId: 'p9',
        planTitle: 'Nine',
        title: 'b-late',
        due: '2025-03-01',
      }),
      mine({ planId: 'p2', planTitle: 'Plan two', title: 'a2-soon', due: '2025-03-12' }),
      mine({ title: 'a-later', due: '2025-04-01' }),
    ];
    const { open, done } = layOutMyTasks(tasks, TODAY);
    expect(done).toEqual([]);
    expect(open.map((s) => s.spaceName)).toEqual(['Beta', 'Alpha']);
    const alpha = open[1]!;
    expect(alpha.plans.map((p) => p.planTitle)).toEqual(['Plan two', 'Plan one']);
    expect(alpha.plans[1]!.tasks.map((t) => t.title)).toEqual(['a-later', 'a-undated']);
  });

  it('puts overdue tasks first and marks them; due today is not overdue', () => {
    const tasks = [
      mine({ title: 'today', due: TODAY }),
      mine({ title: 'yesterday', due: '2025-03-09', status: 'in-progress' }),
      mine({ title: 'undated' }),
    ];
    const plan = layOutMyTasks(tasks, TODAY).open[0]!.plans[0]!;
    expect(plan.tasks.map((t) => [t.title, t.overdue])).toEqual([
      ['yesterday', true],
      ['today', false],
      ['undated', false],
    ]);
  });

  it('keeps done tasks apart, never overdue', () => {
    const tasks = [
      mine({ title: 'open' }),
      mine({ title: 'finished', due: '2020-01-01', status: 'done' }),
    ];
    const { open, done } = layOutMyTasks(tasks, TODAY);
    expect(open[0]!.plans[0]!.tasks.map((t) => t.title)).toEqual(['open']);
    expect(done[0]!.plans[0]!.tasks.map((t) => [t.title, t.overdue])).toEqual([
      ['finished', false],
    ]);
  });

  it('counts open and overdue tasks for the sidebar', () => {
    const tasks = [
      mine({ due: '2025-03-01' }),
      mine({ due: '2025-03-01', status: 'blocked' }),
      mine({ due: '2025-03-01', status: 'done' }),
      mine({}),
    ];
    expect(countMyTasks(tasks, TODAY)).toEqual({ open: 3, overdue: 2, done: 1 });
    expect(countMyTasks([], TODAY)).toEqual({ open: 0, overdue: 0, done: 0 });
  });
});

describe('the refresh throttle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then once more at the end of the interval for a burst', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const refresh = throttle(action, 500);
    refresh();
    expect(action).toHaveBeenCalledTimes(1);
    refresh();
    refresh();
    vi.advanceTimersByTime(499);
    expect(action).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(action).toHaveBeenCalledTimes(2);
    refresh();
    expect(action).toHaveBeenCalledTimes(3);
  });

  it('drops a pending run when cancelled', () => {
    vi.useFakeTimers();
    const action = vi.fn();
    const refresh = throttle(action, 500);
    refresh();
    refresh();
    refresh.cancel();
    vi.advanceTimersByTime(1000);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
