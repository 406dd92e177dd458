// The sidebar's way to "My tasks", with how many of my tasks are open and how many are overdue.
import { useTranslation } from 'react-i18next';
import type { MyTask } from '../../src-shared/api';
import { countMyTasks } from './my-task-groups';
import { useToday } from './use-today';

interface MyTasksEntryProps {
  /** null until main answered. */
  tasks: MyTask[] | null;
  selected: boolean;
  onOpen: () => void;
}

export function MyTasksEntry({ tasks, selected, onOpen }: MyTasksEntryProps) {
  const { t } = useTranslation();
  const today = useToday();
  const counts = tasks ? countMyTasks(tasks, today) : null;
  return (
    <button
      type="button"
      className="my-tasks-entry"
      data-testid="my-tasks-open"
      aria-current={selected ? 'page' : undefined}
      onClick={onOpen}
    >
      <span className="my-tasks-entry-label">{t('tasks.mine.title')}</span>
      {counts !== null && counts.open > 0 && (
        <>
          <span className="badge" data-testid="my-tasks-count" aria-hidden="true">
            {counts.open}
          </span>
          <span className="visually-hidden">
            {t('tasks.mine.openCount', { count: counts.open })}
          </span>
        </>
      )}
      {counts !== null && counts.overdue > 0 && (
        <span className="badge alarm" data-testid="my-tasks-overdue-count">
          <span aria-hidden="true">⚠ </span>
          {t('tasks.mine.overdueCount', { count: counts.overdue })}
        </span>
      )}
    </button>
  );
}
