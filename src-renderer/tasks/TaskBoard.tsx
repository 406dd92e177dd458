// The board: one column per status, in board order, each a list of the same task items as the list
// view. A card moves with its status select, or with Alt+← / Alt+→ while it has focus.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../src-shared/plans/plan-model';
import { TaskItem, type TaskItemProps } from './TaskItem';
import { boardColumns } from './task-order';

type ItemProps = Omit<TaskItemProps, 'task'>;

export function TaskBoard({ tasks, ...item }: ItemProps & { tasks: readonly Task[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      {!item.readOnly && <p className="hint">{t('tasks.boardHint')}</p>}
      <div className="task-board">
        {boardColumns(tasks).map((column) => (
          <section
            key={column.status}
            className="board-column"
            data-testid="board-column"
            data-status={column.status}
            aria-labelledby={`${id}-${column.status}`}
          >
            <h4 id={`${id}-${column.status}`} className="board-column-title">
              {t(`tasks.status.${column.status}`)}{' '}
              <span className="muted">({column.tasks.length})</span>
            </h4>
            {column.tasks.length === 0 ? (
              <p className="list-empty">{t('tasks.columnEmpty')}</p>
            ) : (
              <ul className="task-list">
                {column.tasks.map((task) => (
                  <TaskItem key={task.id} task={task} {...item} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
