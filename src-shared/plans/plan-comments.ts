// Comment threads on a plan: a first comment on a selection of the body, replies under it, and
// whether the thread is resolved (kept on the first comment).
import type * as Y from 'yjs';
import { LIMITS } from '../limits';
import {
  COMMENTS,
  deviceOf,
  entries,
  idOf,
  insert,
  mapOf,
  newId,
  optional,
  str,
  timeOf,
} from './plan-doc';

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
