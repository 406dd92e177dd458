// Keeps keyboard focus on a task that moved: a card changing column (or a list item re-sorted after
// a status change) is a new element, and without this the focus would fall back to the page. After a
// task is deleted, focus goes to the panel's heading instead of nowhere.
import { useEffect, useRef, type RefObject } from 'react';

type Target = { taskId: string; testId: string | null } | 'heading';

export function useTaskFocus(
  container: RefObject<HTMLElement | null>,
  heading: RefObject<HTMLElement | null>,
) {
  const pending = useRef<Target | null>(null);

  // After every render: the move or deletion has been drawn by then.
  useEffect(() => {
    const target = pending.current;
    pending.current = null;
    if (target === null) return;
    if (target === 'heading') {
      heading.current?.focus();
      return;
    }
    const item = container.current?.querySelector<HTMLElement>(
      `[data-task-id="${CSS.escape(target.taskId)}"]`,
    );
    const inner = target.testId
      ? item?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(target.testId)}"]`)
      : null;
    (inner ?? item)?.focus();
  });

  return {
    /** Call before changing the task: remembers which of its parts has focus, if any. */
    follow(taskId: string): void {
      const active = document.activeElement;
      if (!(active instanceof HTMLElement) || !active.closest(`[data-task-id]`)) return;
      const testId = active.dataset.testid;
      pending.current = { taskId, testId: testId && testId !== 'task-item' ? testId : null };
    },
    toHeading(): void {
      pending.current = 'heading';
    },
  };
}
