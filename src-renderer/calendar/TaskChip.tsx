// A plan task due on a day, set apart from events (a checkbox-like mark, no time, the plan's task
// wording): choosing it opens its plan.
import { CheckSquare, Square } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CalendarTask } from '../../src-shared/calendar/calendar-api';
import { spaceName } from '../spaces/space-name';
import { colourClass } from './space-colours';
import type { ViewContext } from './view-context';

export function TaskChip({
  task,
  ctx,
  tabbable,
}: {
  task: CalendarTask;
  ctx: ViewContext;
  tabbable: boolean;
}) {
  const { t } = useTranslation();
  const Icon = task.done ? CheckSquare : Square;
  return (
    <button
      type="button"
      className={`cal-task ${colourClass(ctx.colours, task.spaceId)}${task.done ? ' done' : ''}`}
      data-testid="cal-task"
      data-task-id={task.taskId}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => ctx.openTask(task)}
    >
      <Icon aria-hidden="true" focusable="false" size={13} />
      <span className="visually-hidden">
        {task.done ? t('calendar.taskDone') : t('calendar.taskDue')}:{' '}
      </span>
      <span className="cal-item-title">{task.title.trim() || t('tasks.untitled')}</span>
      {ctx.showSpace && (
        <span className="visually-hidden">
          , {t('calendar.inSpace', { space: spaceName(t, task.spaceName) })}
        </span>
      )}
    </button>
  );
}
