// "My tasks" in the main pane: every task assigned to me in any plan of any space, grouped by space
// and plan, overdue ones first and marked, done ones folded away. Choosing one opens its plan.
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyTask } from '../../src-shared/api';
import { ErrorAlert } from '../components/ErrorAlert';
import { spaceName } from '../spaces/space-name';
import { countMyTasks, layOutMyTasks, type MySpaceGroup } from './my-task-groups';
import { DueText } from './TaskDue';
import type { MyTasksState } from './use-my-tasks';
import { useToday } from './use-today';

interface MyTasksViewProps {
  state: MyTasksState;
  onOpen: (task: MyTask) => void;
}

export function MyTasksView({ state, onOpen }: MyTasksViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const today = useToday();
  const { tasks, error, reload } = state;

  // What is shown must be current: tasks may have changed while the view was closed.
  useEffect(() => reload(), [reload]);

  const counts = tasks && countMyTasks(tasks, today);
  const layout = tasks && layOutMyTasks(tasks, today);
  return (
    <section className="my-tasks-view" data-testid="my-tasks-view" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tasks.mine.title')}</h2>
      {error && (
        <div className="my-tasks-error">
          <p>{t('tasks.mine.loadFailed')}</p>
          <ErrorAlert error={error} />
          <button type="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {!counts || !layout ? (
        !error && <p className="list-empty">{t('common.loading')}</p>
      ) : tasks.length === 0 ? (
        <p className="editor-empty" data-testid="my-tasks-empty">
          {t('tasks.mine.empty')}
        </p>
      ) : (
        <>
          {counts.overdue > 0 && (
            <p className="my-tasks-overdue" data-testid="my-tasks-overdue-summary">
              <span aria-hidden="true">⚠ </span>
              {t('tasks.mine.overdueSummary', { count: counts.overdue })}
            </p>
          )}
          {counts.open === 0 && <p className="list-empty">{t('tasks.mine.allDone')}</p>}
          <MyTaskGroups groups={layout.open} onOpen={onOpen} />
          {counts.done > 0 && (
            <details className="my-tasks-done" data-testid="my-tasks-done">
              <summary>{t('tasks.mine.done', { count: counts.done })}</summary>
              <MyTaskGroups groups={layout.done} onOpen={onOpen} />
            </details>
          )}
        </>
      )}
    </section>
  );
}

interface GroupsProps {
  groups: MySpaceGroup[];
  onOpen: (task: MyTask) => void;
}

function MyTaskGroups({ groups, onOpen }: GroupsProps) {
  const { t } = useTranslation();
  return groups.map((space) => (
    <section key={space.spaceId} className="my-tasks-space" data-testid="my-tasks-space">
      <h3>{spaceName(t, space.spaceName)}</h3>
      {space.plans.map((plan) => (
        <div key={plan.planId} className="my-tasks-plan">
          <h4>{plan.planTitle || t('tasks.mine.untitledPlan')}</h4>
          <ul className="task-list">
            {plan.tasks.map((task) => (
              <li key={task.taskId}>
                <button
                  type="button"
                  className={task.overdue ? 'my-task-item overdue' : 'my-task-item'}
                  data-testid="my-task-item"
                  data-task-id={task.taskId}
                  data-status={task.status}
                  data-overdue={task.overdue}
                  onClick={() => onOpen(task)}
                >
                  <span className="my-task-title">{task.title || t('tasks.untitled')}</span>
                  <span className="my-task-meta">
                    <span className={`task-status status-${task.status}`}>
                      {t(`tasks.status.${task.status}`)}
                    </span>{' '}
                    <DueText due={task.due} overdue={task.overdue} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  ));
}
