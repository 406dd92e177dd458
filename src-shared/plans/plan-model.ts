// Campaign plans inside a space's Yjs document: the entry the app imports them from. Where things
// live and how they are read safely is plan-doc.ts; each kind of record has its own file.
export { TASK_STATUSES, type TaskStatus } from './task-status';
export { planBody } from './plan-body';
export {
  createPlan,
  deletePlan,
  duplicatePlan,
  getPlan,
  listPlans,
  renamePlan,
  type PlanInfo,
} from './plan-catalog';
export {
  addTask,
  deleteTask,
  isOverdue,
  listTasks,
  updateTask,
  type Task,
  type TaskPatch,
} from './plan-tasks';
export {
  addComment,
  listThreads,
  replyToComment,
  setThreadResolved,
  type Comment,
  type CommentThread,
} from './plan-comments';
export {
  listVersions,
  openVersion,
  restoreVersion,
  saveVersion,
  tryOpenVersion,
  type PlanVersion,
} from './plan-versions';
