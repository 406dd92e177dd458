// What the plan export reads and the few rules every format shares: the ProseMirror JSON shape, the
// tasks and labels, which links survive, and how text, marks and attributes are read (defensively:
// the body was written by other members).
import type { Task } from './plan-tasks';
import type { TaskStatus } from './task-status';

export interface PlanJsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** A ProseMirror node as JSON (the shape of TipTap's JSONContent). */
export interface PlanJsonNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: PlanJsonNode[];
  marks?: PlanJsonMark[];
  text?: string;
}

export interface ExportTask {
  title: string;
  status: TaskStatus;
  /** YYYY-MM-DD or null. */
  due: string | null;
  /** The assignee's display name; null when unassigned or without a name. Never a device key. */
  assignee: string | null;
}

export interface ExportPlan {
  title: string;
  body: PlanJsonNode;
  tasks: ExportTask[];
}

/** A plan's tasks for export: the assignee's device key becomes their name, or nothing. */
export function exportTasks(
  tasks: readonly Pick<Task, 'title' | 'status' | 'due' | 'assignee'>[],
  nameOf: (deviceKey: string) => string | null,
): ExportTask[] {
  return tasks.map((task) => ({
    title: task.title,
    status: task.status,
    due: task.due,
    assignee: task.assignee === null ? null : nameOf(task.assignee)?.trim() || null,
  }));
}

/** The few words the export adds itself, in the user's language. */
export interface ExportLabels {
  /** A BCP 47 tag for the HTML page's lang attribute. */
  language: string;
  tasks: string;
  statuses: Record<TaskStatus, string>;
  due: string;
  assignee: string;
}

export const ENGLISH_EXPORT_LABELS: ExportLabels = {
  language: 'en',
  tasks: 'Tasks',
  statuses: { todo: 'To do', 'in-progress': 'In progress', blocked: 'Blocked', done: 'Done' },
  due: 'Due',
  assignee: 'Assigned to',
};

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address if it is an absolute http, https or mailto link; otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href.trim());
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A file name from the plan's title: no path or reserved characters, never empty. */
export function exportFileName(title: string, extension: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${base || 'plan'}.${extension}`;
}

// ---- shared reading of the JSON

export const children = (node: PlanJsonNode): PlanJsonNode[] =>
  Array.isArray(node.content) ? node.content : [];

export function intAttr(
  node: PlanJsonNode,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  const value = node.attrs?.[name];
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : fallback;
}

/** Body headings sit one level below the plan's title, which is the page's only level 1. */
export const headingLevel = (node: PlanJsonNode): number =>
  Math.min(intAttr(node, 'level', 1, 6, 1) + 1, 6);

export const isChecked = (node: PlanJsonNode): boolean => node.attrs?.checked === true;

export const plainText = (node: PlanJsonNode): string =>
  typeof node.text === 'string' ? node.text : children(node).map(plainText).join('');

/** The marks a text carries that the export knows, link first so it encloses the others. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];

export interface TextMark {
  type: string;
  href: string | null;
}

export function marksOf(node: PlanJsonNode): TextMark[] {
  const marks: TextMark[] = [];
  for (const mark of node.marks ?? []) {
    if (!MARK_ORDER.includes(mark.type)) continue;
    const href = mark.type === 'link' ? safeHref(mark.attrs?.href) : null;
    // An unsafe link keeps its text and loses the link.
    if (mark.type === 'link' && href === null) continue;
    marks.push({ type: mark.type, href });
  }
  return marks.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

export function taskLine(
  task: ExportTask,
  labels: ExportLabels,
): { title: string; details: string[] } {
  const details: string[] = [];
  if (task.status === 'in-progress' || task.status === 'blocked') {
    details.push(labels.statuses[task.status]);
  }
  if (task.due) details.push(`${labels.due}: ${task.due}`);
  if (task.assignee) details.push(`${labels.assignee}: ${task.assignee}`);
  return { title: task.title, details };
}
