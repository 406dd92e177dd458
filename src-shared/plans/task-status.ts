// A task's statuses, in board order: shared by the plan model and the API contract (which must not
// pull Yjs into the preload).
export const TASK_STATUSES = ['todo', 'in-progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
