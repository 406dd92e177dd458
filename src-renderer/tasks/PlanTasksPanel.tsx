// The tasks of one plan: a list in the plan's side panel, or the board that takes the editor's place
// (the plan's "Board" view), each with the form to add one. Tasks live in the space's shared document, so every change here reaches
// the other members like an edit of the plan's text.
import { SquareKanban } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import {
  addTask,
  deleteTask,
  listTasks,
  updateTask,
  type Task,
  type TaskPatch,
} from '../../src-shared/plans/plan-model';
import type { DocReplica } from '../shared-doc/doc-replica';
import { useDocVersion } from '../shared-doc/use-doc-replica';
import { TaskAddForm, type NewTask } from './TaskAddForm';
import { TaskBoard } from './TaskBoard';
import { TaskItem } from './TaskItem';
import { neighbourStatus, sortForList } from './task-order';
import { useTaskFocus } from './use-task-focus';
import { useTasksSession } from './tasks-session';
import { useToday } from './use-today';

interface PlanTasksPanelProps {
  replica: DocReplica;
  planId: string;
  space: SpaceSummary;
  readOnly: boolean;
  /** list: in the side panel; board: one column per status, the plan's whole width. */
  layout: 'list' | 'board';
  /** Switches the plan to its board (offered by the list). */
  onShowBoard?: () => void;
}

export function PlanTasksPanel(props: PlanTasksPanelProps) {
  const { replica, planId, space, readOnly, layout, onShowBoard } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const session = useTasksSession();
  const [announcement, setAnnouncement] = useState('');
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focus = useTaskFocus(panelRef, headingRef);
  const today = useToday();
  useDocVersion(replica);
  const doc = replica.doc;
  const tasks = listTasks(doc, planId);
  const me = space.members.find((member) => member.isMe);
  // A task needs its author's device key; without one (never expected for a writer) only read.
  const locked = readOnly || !me;

  function patch(taskId: string, change: TaskPatch): void {
    const before = tasks.find((task) => task.id === taskId);
    if (change.status && before && change.status !== before.status) focus.follow(taskId);
    updateTask(doc, taskId, change);
    session.onEdited();
  }

  function move(task: Task, step: -1 | 1): void {
    const status = neighbourStatus(task.status, step);
    if (!status) return;
    patch(task.id, { status });
    setAnnouncement(
      t('tasks.moved', {
        title: task.title || t('tasks.untitled'),
        status: t(`tasks.status.${status}`),
      }),
    );
  }

  function remove(taskId: string): void {
    focus.toHeading();
    deleteTask(doc, taskId);
    session.onEdited();
  }

  function add(task: NewTask): void {
    if (!me) return;
    addTask(doc, { ...task, planId, createdAt: Date.now(), createdBy: me.deviceKey });
    session.onEdited();
  }

  const item = {
    people: space,
    readOnly: locked,
    today,
    onPatch: patch,
    onDelete: remove,
  };

  return (
    <section
      ref={panelRef}
      className={`tasks-panel tasks-${layout}`}
      data-testid="tasks-panel"
      aria-labelledby={headingId}
    >
      <div className="tasks-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('tasks.title')} <span className="muted">({tasks.length})</span>
        </h3>
        {layout === 'list' && onShowBoard && (
          <button
            type="button"
            className="link-button tasks-board-open"
            data-testid="task-view-board"
            onClick={onShowBoard}
          >
            <SquareKanban aria-hidden="true" focusable="false" size={16} />
            {t('tasks.openBoard')}
          </button>
        )}
      </div>
      {!locked && (
        <TaskAddForm
          members={space.members}
          session={session}
          draftKey={`${space.docId}:${planId}`}
          onAdd={add}
        />
      )}
      {tasks.length === 0 ? (
        <p className="list-empty" data-testid="tasks-empty">
          {locked ? t('tasks.noneReadOnly') : t('tasks.none')}
        </p>
      ) : layout === 'board' ? (
        <TaskBoard tasks={tasks} {...item} onMove={move} />
      ) : (
        <ul className="task-list">
          {sortForList(tasks).map((task) => (
            <TaskItem key={task.id} task={task} {...item} />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
