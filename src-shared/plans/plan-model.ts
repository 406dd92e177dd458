// Campaign plans inside a space's Yjs document: the one place that says where plans, their bodies,
// tasks, comments and versions live in the Y.Doc, and how to read them safely. Other members write
// this document, so every reader validates what it finds and skips what does not fit.
import { isTimeMs } from '../time-ms';
import * as Y from 'yjs';
import { LIMITS } from '../limits';

import { TASK_STATUSES, type TaskStatus } from './task-status';

export { TASK_STATUSES, type TaskStatus } from './task-status';

export interface PlanInfo {
  id: string;
  title: string;
  createdAt: number;
  /** Hex device key of the author. */
  createdBy: string;
}

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

export interface Comment {
  id: string;
  planId: string;
  /** The id of the thread's first comment (its own id for that one). */
  threadId: string;
  author: string;
  /** The author's name when they wrote it (members can be gone later). */
  authorName: string;
  text: string;
  at: number;
  /** The commented selection (first comment only): relative positions, base64, and its text. */
  anchor: string | null;
  head: string | null;
  quote: string;
  /** On the first comment: the thread is resolved. */
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: number | null;
}

export interface CommentThread {
  root: Comment;
  replies: Comment[];
}

export interface PlanVersion {
  id: string;
  planId: string;
  /** A name the user gave it; null for an automatic version. */
  name: string | null;
  auto: boolean;
  at: number;
  author: string;
  authorName: string;
  /** A Yjs update of a document whose XmlFragment PLAN_BODY_IN_VERSION holds the plan's body. */
  content: Uint8Array;
}

const PLANS = 'plans';
const TASKS = 'tasks';
const COMMENTS = 'comments';
const VERSIONS = 'versions';
/** The XmlFragment name inside a version's own small document. */
export const PLAN_BODY_IN_VERSION = 'body';

const ID = /^[0-9a-f]{32}$/;
const DEVICE = /^[0-9a-f]{64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function newId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The plan's rich-text body, bound to the editor through y-prosemirror. */
export function planBody(doc: Y.Doc, planId: string): Y.XmlFragment {
  return doc.getXmlFragment(`plan:${planId}`);
}

const mapOf = (doc: Y.Doc, name: string) => doc.getMap<Y.Map<unknown>>(name);

const str = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.length <= max ? v : null;
/** A time every view can show (a member's modified app may write any number). */
const timeOf = (v: unknown): number | null => (isTimeMs(v) ? v : null);
const idOf = (v: unknown): string | null => (typeof v === 'string' && ID.test(v) ? v : null);
const deviceOf = (v: unknown): string | null =>
  typeof v === 'string' && DEVICE.test(v) ? v : null;
const optional = <T>(v: unknown, read: (v: unknown) => T | null): T | null | undefined =>
  v === null || v === undefined ? null : (read(v) ?? undefined);

function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
}

function insert(doc: Y.Doc, name: string, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    writeFields(map, fields);
    mapOf(doc, name).set(id, map);
  });
}

function entries<T>(doc: Y.Doc, name: string, read: (id: string, m: Y.Map<unknown>) => T | null) {
  const out: T[] = [];
  mapOf(doc, name).forEach((value, id) => {
    if (!(value instanceof Y.Map) || !ID.test(id)) return;
    const item = read(id, value);
    if (item) out.push(item);
  });
  return out;
}

// ---- plans

function readPlan(id: string, m: Y.Map<unknown>): PlanInfo | null {
  if (m.get('deleted') === true) return null;
  const title = str(m.get('title'), LIMITS.plans.titleMaxChars);
  const createdAt = timeOf(m.get('createdAt'));
  const createdBy = deviceOf(m.get('createdBy'));
  if (title === null || createdAt === null || !createdBy) return null;
  return { id, title, createdAt, createdBy };
}

export function listPlans(doc: Y.Doc): PlanInfo[] {
  return entries(doc, PLANS, readPlan).sort(
    (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
  );
}

export function getPlan(doc: Y.Doc, planId: string): PlanInfo | null {
  const m = mapOf(doc, PLANS).get(planId);
  return m instanceof Y.Map ? readPlan(planId, m) : null;
}

export function createPlan(
  doc: Y.Doc,
  plan: { title: string; by: string; at: number; id?: string },
): string {
  const id = plan.id ?? newId();
  insert(doc, PLANS, id, {
    title: plan.title.slice(0, LIMITS.plans.titleMaxChars),
    createdAt: plan.at,
    createdBy: plan.by,
  });
  return id;
}

export function renamePlan(doc: Y.Doc, planId: string, title: string): void {
  mapOf(doc, PLANS).get(planId)?.set('title', title.slice(0, LIMITS.plans.titleMaxChars));
}

/** Hides the plan; its body and history stay in the document (nothing is ever rewritten). */
export function deletePlan(doc: Y.Doc, planId: string): void {
  mapOf(doc, PLANS).get(planId)?.set('deleted', true);
}

// ---- tasks

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

// ---- comments

function readComment(id: string, m: Y.Map<unknown>): Comment | null {
  const planId = idOf(m.get('planId'));
  const threadId = idOf(m.get('threadId'));
  const author = deviceOf(m.get('author'));
  const authorName = str(m.get('authorName'), LIMITS.displayNameMaxChars) ?? '';
  const text = str(m.get('text'), LIMITS.plans.commentMaxChars);
  const at = timeOf(m.get('at'));
  const anchor = optional(m.get('anchor'), (v) => str(v, 2000));
  const head = optional(m.get('head'), (v) => str(v, 2000));
  const quote = str(m.get('quote') ?? '', LIMITS.plans.quoteMaxChars);
  const resolvedBy = optional(m.get('resolvedBy'), deviceOf);
  const resolvedAt = optional(m.get('resolvedAt'), timeOf);
  if (
    !planId ||
    !threadId ||
    !author ||
    text === null ||
    at === null ||
    anchor === undefined ||
    head === undefined ||
    quote === null ||
    resolvedBy === undefined ||
    resolvedAt === undefined
  ) {
    return null;
  }
  return {
    id,
    planId,
    threadId,
    author,
    authorName,
    text,
    at,
    anchor,
    head,
    quote,
    resolved: m.get('resolved') === true,
    resolvedBy,
    resolvedAt,
  };
}

/** Starts a thread on a selection; returns its id. */
export function addComment(
  doc: Y.Doc,
  c: Pick<
    Comment,
    'planId' | 'author' | 'authorName' | 'text' | 'at' | 'anchor' | 'head' | 'quote'
  >,
): string {
  const id = newId();
  insert(doc, COMMENTS, id, {
    ...c,
    text: c.text.slice(0, LIMITS.plans.commentMaxChars),
    quote: c.quote.slice(0, LIMITS.plans.quoteMaxChars),
    threadId: id,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
  });
  return id;
}

export function replyToComment(
  doc: Y.Doc,
  threadId: string,
  c: Pick<Comment, 'planId' | 'author' | 'authorName' | 'text' | 'at'>,
): string {
  const id = newId();
  insert(doc, COMMENTS, id, {
    ...c,
    text: c.text.slice(0, LIMITS.plans.commentMaxChars),
    threadId,
    anchor: null,
    head: null,
    quote: '',
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
  });
  return id;
}

export function setThreadResolved(
  doc: Y.Doc,
  threadId: string,
  resolved: boolean,
  by: string,
  at: number,
): void {
  const m = mapOf(doc, COMMENTS).get(threadId);
  if (!m) return;
  doc.transact(() => {
    m.set('resolved', resolved);
    m.set('resolvedBy', resolved ? by : null);
    m.set('resolvedAt', resolved ? at : null);
  });
}

/** Threads of a plan, oldest first; replies whose thread is missing are dropped. */
export function listThreads(doc: Y.Doc, planId: string): CommentThread[] {
  const all = entries(doc, COMMENTS, readComment).filter((c) => c.planId === planId);
  const threads = new Map<string, CommentThread>();
  for (const c of all) if (c.threadId === c.id) threads.set(c.id, { root: c, replies: [] });
  for (const c of all) {
    if (c.threadId !== c.id) threads.get(c.threadId)?.replies.push(c);
  }
  const byTime = (a: Comment, b: Comment) => a.at - b.at || (a.id < b.id ? -1 : 1);
  for (const thread of threads.values()) thread.replies.sort(byTime);
  return [...threads.values()].sort((a, b) => byTime(a.root, b.root));
}

// ---- versions

function readVersion(id: string, m: Y.Map<unknown>): PlanVersion | null {
  const planId = idOf(m.get('planId'));
  const name = optional(m.get('name'), (v) => str(v, LIMITS.plans.versionNameMaxChars));
  const at = timeOf(m.get('at'));
  const author = deviceOf(m.get('author'));
  const authorName = str(m.get('authorName'), LIMITS.displayNameMaxChars) ?? '';
  const content = m.get('content');
  if (!planId || name === undefined || at === null || !author || !(content instanceof Uint8Array)) {
    return null;
  }
  return { id, planId, name, auto: m.get('auto') === true, at, author, authorName, content };
}

/**
 * Copies of a body's elements and texts. Anything else in it (a member's modified app can put any
 * Yjs value there) is left out, as Yjs's own XmlFragment.clone does, instead of throwing.
 */
function clonedBody(source: Y.XmlFragment): (Y.XmlElement | Y.XmlText)[] {
  return source
    .toArray()
    .flatMap((item) =>
      item instanceof Y.XmlElement || item instanceof Y.XmlText ? [item.clone()] : [],
    );
}

/** A copy of the body as it is now, in a document of its own (so it never changes afterwards). */
export function snapshotPlanBody(doc: Y.Doc, planId: string): Uint8Array {
  const copy = new Y.Doc();
  const target = copy.getXmlFragment(PLAN_BODY_IN_VERSION);
  const items = clonedBody(planBody(doc, planId));
  copy.transact(() => target.insert(0, items));
  const update = Y.encodeStateAsUpdate(copy);
  copy.destroy();
  return update;
}

/**
 * A version's body, loaded into a document of its own for viewing. Throws on content that is not
 * a Yjs update (a member's modified app); tryOpenVersion says null instead.
 */
export function openVersion(version: PlanVersion): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, version.content);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return { doc, body: doc.getXmlFragment(PLAN_BODY_IN_VERSION) };
}

export function tryOpenVersion(version: PlanVersion): { doc: Y.Doc; body: Y.XmlFragment } | null {
  try {
    return openVersion(version);
  } catch {
    return null;
  }
}

/**
 * Saves a version of the body; null when the body is too long to copy as one edit
 * (LIMITS.plans.copyMaxBytes), and nothing is saved.
 */
export function saveVersion(
  doc: Y.Doc,
  v: {
    planId: string;
    name: string | null;
    auto: boolean;
    at: number;
    author: string;
    authorName: string;
  },
): string | null {
  const id = newId();
  const content = snapshotPlanBody(doc, v.planId);
  if (content.length > LIMITS.plans.copyMaxBytes) return null;
  doc.transact(() => {
    insert(doc, VERSIONS, id, {
      ...v,
      name: v.name?.slice(0, LIMITS.plans.versionNameMaxChars) ?? null,
      content,
    });
    pruneAutoVersions(doc, v.planId, id);
  });
  return id;
}

/** Newest first. */
export function listVersions(doc: Y.Doc, planId: string): PlanVersion[] {
  return entries(doc, VERSIONS, readVersion)
    .filter((v) => v.planId === planId)
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}

/**
 * Keeps the newest automatic versions only, and always the one just saved: versions dated ahead
 * (a member's clock runs fast) must not push out the copy a restore saves of the text it replaces.
 * Named ones are kept for good.
 */
function pruneAutoVersions(doc: Y.Doc, planId: string, saved: string): void {
  const others = listVersions(doc, planId).filter((v) => v.auto && v.id !== saved);
  for (const old of others.slice(LIMITS.plans.autoVersionsKept - 1)) {
    mapOf(doc, VERSIONS).delete(old.id);
  }
}

function replaceBody(target: Y.XmlFragment, source: Y.XmlFragment): void {
  // Copied before anything is deleted: nothing may leave the body empty half way.
  const items = clonedBody(source);
  target.delete(0, target.length);
  target.insert(0, items);
}

/**
 * Puts a version's body back as a new edit on top of the history: nothing is rewritten, so the
 * state before the restore stays one version back.
 */
export function restoreVersion(doc: Y.Doc, version: PlanVersion): void {
  const { doc: old, body } = openVersion(version);
  try {
    doc.transact(() => replaceBody(planBody(doc, version.planId), body));
  } finally {
    old.destroy();
  }
}

/**
 * A new plan with the same body (a template); tasks and comments stay with the original. Null when
 * the body is too long to copy as one edit (LIMITS.plans.copyMaxBytes).
 */
export function duplicatePlan(
  doc: Y.Doc,
  planId: string,
  copy: { title: string; by: string; at: number },
): string | null {
  if (snapshotPlanBody(doc, planId).length > LIMITS.plans.copyMaxBytes) return null;
  let id = '';
  doc.transact(() => {
    id = createPlan(doc, copy);
    replaceBody(planBody(doc, id), planBody(doc, planId));
  });
  return id;
}
