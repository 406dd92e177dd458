// What the plan screen keeps for the unlocked session: the chosen view (the text or the task
// board), the side panel's tab and whether it is collapsed, and what each plan's forms were holding
// when the user moved away (the new task, the new comment, the replies), so nothing typed is lost
// by switching plans or opening the board or a version, which put the side panel away. It lives in
// the Workspace, so locking drops it with everything else on screen.
import { createContext, useContext, useState } from 'react';

export type TaskView = 'list' | 'board';
export type PlanPanelTab = 'tasks' | 'comments' | 'versions';

export interface TaskDraft {
  title: string;
  assignee: string;
  due: string;
  /** null: not touched, so it follows whether the plan editor has a cursor. */
  link: boolean | null;
}

export const EMPTY_DRAFT: TaskDraft = { title: '', assignee: '', due: '', link: null };

/**
 * The form after a task was added: empty, so the next task does not silently go to the same person
 * or day; only the choice about linking to the cursor's place is kept, as it is a way of working.
 */
export function draftAfterAdd(draft: TaskDraft): TaskDraft {
  return { ...EMPTY_DRAFT, link: draft.link };
}

export class TasksSession {
  private view: TaskView = 'list';
  private tab: PlanPanelTab = 'tasks';
  private collapsed = false;
  private readonly drafts = new Map<string, TaskDraft>();
  private readonly comments = new Map<string, { passage: string; text: string }>();
  private readonly replyTexts = new Map<string, ReadonlyMap<string, string>>();

  /** @param onEdited called after a local change to a task, so "My tasks" can catch up. */
  constructor(readonly onEdited: () => void = () => undefined) {}

  lastView(): TaskView {
    return this.view;
  }

  chooseView(view: TaskView): void {
    this.view = view;
  }

  panelTab(): PlanPanelTab {
    return this.tab;
  }

  choosePanelTab(tab: PlanPanelTab): void {
    this.tab = tab;
  }

  panelCollapsed(): boolean {
    return this.collapsed;
  }

  collapsePanel(collapsed: boolean): void {
    this.collapsed = collapsed;
  }

  draft(key: string): TaskDraft {
    return this.drafts.get(key) ?? EMPTY_DRAFT;
  }

  keepDraft(key: string, draft: TaskDraft): void {
    if (draft.title === '' && draft.assignee === '' && draft.due === '' && draft.link === null) {
      this.drafts.delete(key);
    } else {
      this.drafts.set(key, draft);
    }
  }

  /**
   * The new comment being typed on a plan, about `passage` (its anchor and head): a comment started
   * later on another passage starts empty, not with words meant for the first.
   */
  commentText(planId: string, passage: string): string {
    const kept = this.comments.get(planId);
    return kept?.passage === passage ? kept.text : '';
  }

  keepCommentText(planId: string, passage: string, text: string): void {
    if (text === '') this.comments.delete(planId);
    else this.comments.set(planId, { passage, text });
  }

  /** The replies being typed on a plan's threads, by thread. */
  replies(planId: string): ReadonlyMap<string, string> {
    return this.replyTexts.get(planId) ?? new Map();
  }

  keepReplies(planId: string, replies: ReadonlyMap<string, string>): void {
    this.replyTexts.set(planId, replies);
  }

  /**
   * Whether words typed in a plan's forms are not in the document yet (a new comment, a reply, a
   * new task's title), in any plan: a lock now would lose them. A choice alone (an assignee, a day)
   * is quick to make again and does not count; nor does blank text, which no form would add.
   */
  holdsUnpostedText(): boolean {
    const typed = (text: string): boolean => text.trim() !== '';
    return (
      [...this.comments.values()].some(({ text }) => typed(text)) ||
      [...this.replyTexts.values()].some((replies) => [...replies.values()].some(typed)) ||
      [...this.drafts.values()].some(({ title }) => typed(title))
    );
  }
}

export const TasksSessionContext = createContext<TasksSession | null>(null);

/** The Workspace's session, or one of the component's own where there is none (tests, previews). */
export function useTasksSession(): TasksSession {
  const shared = useContext(TasksSessionContext);
  const [own] = useState(() => new TasksSession());
  return shared ?? own;
}
