// "My tasks" laid out: grouped by space and plan, the most urgent first (overdue, then by due date),
// and done ones apart so they do not crowd what is left to do.
import type { MyTask } from '../../src-shared/api';
import { isOverdue } from '../../src-shared/plans/plan-model';
import { compareDue } from './task-order';

export interface MyTaskEntry extends MyTask {
  overdue: boolean;
}

export interface MyPlanGroup {
  planId: string;
  planTitle: string;
  tasks: MyTaskEntry[];
}

export interface MySpaceGroup {
  spaceId: string;
  spaceName: string;
  plans: MyPlanGroup[];
}

export interface MyTaskLayout {
  open: MySpaceGroup[];
  done: MySpaceGroup[];
}

function compareUrgency(a: MyTaskEntry, b: MyTaskEntry): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (
    compareDue(a.due, b.due) ||
    a.title.localeCompare(b.title) ||
    (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)
  );
}

/** Groups in order of their most urgent task, then by name; tasks most urgent first. */
function group(tasks: MyTaskEntry[]): MySpaceGroup[] {
  const spaces = new Map<string, MySpaceGroup>();
  for (const task of [...tasks].sort(compareUrgency)) {
    let space = spaces.get(task.spaceId);
    if (!space) {
      space = { spaceId: task.spaceId, spaceName: task.spaceName, plans: [] };
      spaces.set(task.spaceId, space);
    }
    let plan = space.plans.find((p) => p.planId === task.planId);
    if (!plan) {
      plan = { planId: task.planId, planTitle: task.planTitle, tasks: [] };
      space.plans.push(plan);
    }
    plan.tasks.push(task);
  }
  // Tasks went in most urgent first, so each group was created at its most urgent task's turn.
  return [...spaces.values()];
}

export function layOutMyTasks(tasks: readonly MyTask[], today: string): MyTaskLayout {
  const entries = tasks.map((task) => ({ ...task, overdue: isOverdue(task, today) }));
  return {
    open: group(entries.filter((task) => task.status !== 'done')),
    done: group(entries.filter((task) => task.status === 'done')),
  };
}

/** For the sidebar's badge: what is left to do, and how much of it is overdue. */
export function countMyTasks(
  tasks: readonly MyTask[],
  today: string,
): { open: number; overdue: number; done: number } {
  const open = tasks.filter((task) => task.status !== 'done');
  return {
    open: open.length,
    overdue: open.filter((task) => isOverdue(task, today)).length,
    done: tasks.length - open.length,
  };
}
