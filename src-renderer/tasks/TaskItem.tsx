// One task, the same in the list and on the board: title, status, assignee, due date, the place in
// the plan it belongs to, and deletion (asked about first). On the board a focused card moves to the
// next or previous column with Alt+→ / Alt+←.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isOverdue, type Task, type TaskPatch } from '../../src-shared/plans/plan-model';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { KnownDevices } from '../plans/member-names';
import { usePlanEditor } from '../plans/plan-editor-context';
import { AssigneeField, DueField, StatusSelect, TitleField } from './TaskFields';

export interface TaskItemProps {
  task: Task;
  /** The space's current and former members, for the assignee's name. */
  people: KnownDevices;
  readOnly: boolean;
  today: string;
  onPatch: (taskId: string, patch: TaskPatch) => void;
  onDelete: (taskId: string) => void;
  /** On the board: move the card one column left (-1) or right (+1). */
  onMove?: (task: Task, step: -1 | 1) => void;
}

/** Alt+arrow on the card itself or its buttons and select; in a text field it is the caret's. */
function moveStep(event: KeyboardEvent<HTMLElement>): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.target instanceof HTMLInputElement) return null;
  if (event.key === 'ArrowLeft') return -1;
  if (event.key === 'ArrowRight') return 1;
  return null;
}

export function TaskItem({
  task,
  people,
  readOnly,
  today,
  onPatch,
  onDelete,
  onMove,
}: TaskItemProps) {
  const { t } = useTranslation();
  const editor = usePlanEditor();
  const [confirming, setConfirming] = useState(false);
  const [placeMissing, setPlaceMissing] = useState(false);
  const overdue = isOverdue(task, today);
  const patch = (p: TaskPatch) => onPatch(task.id, p);
  const movable = onMove && !readOnly;

  function reveal(anchor: string): void {
    setPlaceMissing(!(editor?.revealAnchor(anchor) ?? false));
  }

  return (
    <li
      className={overdue ? 'task-item overdue' : 'task-item'}
      data-testid="task-item"
      data-task-id={task.id}
      data-status={task.status}
      data-overdue={overdue}
      tabIndex={movable ? 0 : undefined}
      aria-label={movable ? task.title || t('tasks.untitled') : undefined}
      aria-keyshortcuts={movable ? 'Alt+ArrowLeft Alt+ArrowRight' : undefined}
      onKeyDown={
        movable
          ? (event) => {
              const step = confirming ? null : moveStep(event);
              if (step === null) return;
              event.preventDefault();
              onMove(task, step);
            }
          : undefined
      }
    >
      <div className="task-line">
        <TitleField task={task} readOnly={readOnly} onPatch={patch} />
        <StatusSelect task={task} readOnly={readOnly} onPatch={patch} />
      </div>
      <div className="task-meta">
        <AssigneeField task={task} readOnly={readOnly} onPatch={patch} people={people} />
        <DueField task={task} readOnly={readOnly} onPatch={patch} overdue={overdue} />
      </div>
      {(task.anchor || !readOnly) && (
        <div className="row-actions">
          {task.anchor && (
            <button
              type="button"
              data-testid="task-reveal"
              disabled={!editor}
              onClick={() => task.anchor && reveal(task.anchor)}
            >
              {t('tasks.reveal')}
            </button>
          )}
          {!readOnly && (
            <button
              type="button"
              className="danger"
              data-testid="task-delete"
              onClick={() => setConfirming(true)}
            >
              {t('tasks.delete')}
            </button>
          )}
        </div>
      )}
      {placeMissing && (
        <p className="hint" role="status" data-testid="task-reveal-missing">
          {t('tasks.placeMissing')}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('tasks.deleteTitle')}
          text={t('tasks.deleteText', { title: task.title || t('tasks.untitled') })}
          confirmLabel={t('tasks.delete')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onDelete(task.id);
          }}
        />
      )}
    </li>
  );
}
