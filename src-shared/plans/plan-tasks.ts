// A plan's tasks: who does what by when, and where in the plan it belongs. Each field is written on
// its own, so concurrent edits of different fields both survive.
import type * as Y from 'yjs';
import { LIMITS } from '../limits';
import {
  DAY,
  deviceOf,
  entries,
  idOf,
  insert,
  mapOf,
  newId,
  optional,
  str,
  TASKS,
  timeOf,
  writeFields,
} from './plan-doc';
import { TASK_STATUSES, type TaskStatus } from './task-status';

export interface Task {
  id: string;
  planId: string;
  title: string;
  /** Hex device key of the member it is assigned to, or null. */
  assignee: string | null;
  /** A calendar day, YYYY-MM-DD, or null. */
  due: string | null;
  status: TaskStatus;
  /** Where in the plan it belongs: a Yjs relative position in the plan's body, base64; or null. */
  anchor: string | null;
  createdAt: number;
  createdBy: string;
}

function readTask(id: string, m: Y.Map<unknown>): Task | null {
  if (m.get('deleted') === true) return null;
  const planId = idOf(m.get('planId'));
  const title = str(m.get('title'), LIMITS.plans.taskTitleMaxChars);
  const status = m.get('status');
  const createdAt = timeOf(m.get('createdAt'));
  const createdBy = deviceOf(m.get('createdBy'));
  const assignee = optional(m.get('assignee'), deviceOf);
  const due = optional(m.get('due'), (v) => (typeof v === 'string' && DAY.test(v) ? v : null));
  const anchor = optional(m.get('anchor'), (v) => str(v, 2000));
  if (
    !planId ||
    title === null ||
    !TASK_STATUSES.includes(status as TaskStatus) ||
    createdAt === null ||
    !createdBy ||
    assignee === undefined ||
    due === undefined ||
    anchor === undefined
  ) {
    return null;
  }
  return {
    id,
    planId,
    title,
    assignee,
    due,
    status: status as TaskStatus,
    anchor,
    createdAt,
    createdBy,
  };
}

export function listTasks(doc: Y.Doc, planId?: string): Task[] {
  return entries(doc, TASKS, readTask)
    .filter((t) => planId === undefined || t.planId === planId)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function addTask(
  doc: Y.Doc,
  task: Omit<Task, 'id' | 'status'> & { status?: TaskStatus; id?: string },
): string {
  const id = task.id ?? newId();
  insert(doc, TASKS, id, {
    planId: task.planId,
    title: task.title.slice(0, LIMITS.plans.taskTitleMaxChars),
    assignee: task.assignee,
    due: task.due,
    status: task.status ?? 'todo',
    anchor: task.anchor,
    createdAt: task.createdAt,
    createdBy: task.createdBy,
  });
  return id;
}

export type TaskPatch = Partial<Pick<Task, 'title' | 'assignee' | 'due' | 'status' | 'anchor'>>;

/** Changes only the fields given, each on its own, so two people editing different fields both win. */
export function updateTask(doc: Y.Doc, taskId: string, patch: TaskPatch): void {
  const m = mapOf(doc, TASKS).get(taskId);
  if (!m) return;
  doc.transact(() => {
    writeFields(m, {
      ...patch,
      title: patch.title?.slice(0, LIMITS.plans.taskTitleMaxChars),
    });
  });
}

export function deleteTask(doc: Y.Doc, taskId: string): void {
  mapOf(doc, TASKS).get(taskId)?.set('deleted', true);
}

/** Past due and not done, judged on the user's own calendar day (YYYY-MM-DD). */
export function isOverdue(task: Pick<Task, 'due' | 'status'>, today: string): boolean {
  return task.due !== null && task.status !== 'done' && task.due < today;
}
