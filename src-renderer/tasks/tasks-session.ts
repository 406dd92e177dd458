// What the task panels keep for the unlocked session: the chosen view (list or board) and the new
// task each plan's form was holding when the user moved away, so nothing typed is lost by switching
// plans. It lives in the Workspace, so locking drops it with everything else on screen.
import { createContext, useContext, useState } from 'react';

export type TaskView = 'list' | 'board';

export interface TaskDraft {
  title: string;
  assignee: string;
  due: string;
  /** null: not touched, so it follows whether the plan editor has a cursor. */
  link: boolean | null;
}

export const EMPTY_DRAFT: TaskDraft = { title: '', assignee: '', due: '', link: null };

export class TasksSession {
  private view: TaskView = 'list';
  private readonly drafts = new Map<string, TaskDraft>();

  /** @param onEdited called after a local change to a task, so "My tasks" can catch up. */
  constructor(readonly onEdited: () => void = () => undefined) {}

  lastView(): TaskView {
    return this.view;
  }

  chooseView(view: TaskView): void {
    this.view = view;
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
}

export const TasksSessionContext = createContext<TasksSession | null>(null);

/** The Workspace's session, or one of the component's own where there is none (tests, previews). */
export function useTasksSession(): TasksSession {
  const shared = useContext(TasksSessionContext);
  const [own] = useState(() => new TasksSession());
  return shared ?? own;
}
