// The editable parts of a task, each written to the shared document on its own (field by field, so
// two members changing different fields both keep their change). Read-only members see text.
import { useTranslation } from 'react-i18next';
import type { SpaceMember } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import {
  TASK_STATUSES,
  type Task,
  type TaskPatch,
  type TaskStatus,
} from '../../src-shared/plans/plan-model';
import { DateField } from '../components/DateField';
import { useFocusedDraft } from '../hooks/use-focused-draft';
import { memberName, type KnownDevices } from '../plans/member-names';
import { DueText, OverdueBadge } from './TaskDue';
import { assigneeView } from './task-assignee';

interface FieldProps {
  task: Task;
  readOnly: boolean;
  onPatch: (patch: TaskPatch) => void;
}

/**
 * Every keystroke goes into the document (so nothing typed waits in the field when the app locks);
 * while the field has focus it shows what is typed, so a remote rename does not jump under the
 * cursor (use-focused-draft). An empty title is not written: the task keeps its last one. Escape
 * puts back the title it had when the field was entered.
 */
export function TitleField({ task, readOnly, onPatch }: FieldProps) {
  const { t } = useTranslation();
  const field = useFocusedDraft(task.title, {
    write: (typed) => {
      const title = typed.trim();
      if (title && title !== task.title) onPatch({ title });
    },
    restore: (before) => {
      if (before !== task.title) onPatch({ title: before });
    },
  });
  const shown = task.title || t('tasks.untitled');
  if (readOnly) {
    return (
      <span className="task-title" data-testid="task-title">
        {shown}
      </span>
    );
  }
  return (
    <input
      className="task-title"
      data-testid="task-title"
      aria-label={t('tasks.titleLabel')}
      maxLength={LIMITS.plans.taskTitleMaxChars}
      {...field}
    />
  );
}

export function parseStatus(value: string): TaskStatus | null {
  return TASK_STATUSES.find((status) => status === value) ?? null;
}

export function StatusSelect({ task, readOnly, onPatch }: FieldProps) {
  const { t } = useTranslation();
  return (
    <select
      className="task-status-select"
      data-testid="task-status-select"
      aria-label={t('tasks.statusOf', { title: task.title })}
      value={task.status}
      disabled={readOnly}
      onChange={(event) => {
        const status = parseStatus(event.target.value);
        if (status) onPatch({ status });
      }}
    >
      {TASK_STATUSES.map((status) => (
        <option key={status} value={status}>
          {t(`tasks.status.${status}`)}
        </option>
      ))}
    </select>
  );
}

/** "Unassigned" and one option per current member, "(you)" marked. */
export function AssigneeOptions({ members }: { members: readonly SpaceMember[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('tasks.unassigned')}</option>
      {members.map((member) => (
        <option key={member.deviceKey} value={member.deviceKey}>
          {memberName(member, t)}
          {member.isMe ? ` (${t('members.you')})` : ''}
        </option>
      ))}
    </>
  );
}

/**
 * Who the task is assigned to. The picker offers the current members; a task assigned to someone who
 * was removed or left keeps showing them ("Bahdan — removed") as the selected option, so nothing
 * changes unless someone picks another member.
 */
export function AssigneeField({
  task,
  readOnly,
  onPatch,
  people,
}: FieldProps & { people: KnownDevices }) {
  const { t } = useTranslation();
  const assignee = assigneeView(task.assignee, people, t);
  if (readOnly) {
    return (
      <span className="task-assignee" data-testid="task-assignee" data-standing={assignee.standing}>
        {assignee.label}
      </span>
    );
  }
  return (
    <span className="task-assignee">
      <select
        data-testid="task-assignee"
        data-standing={assignee.standing}
        aria-label={t('tasks.assigneeOf', { title: task.title })}
        value={task.assignee ?? ''}
        onChange={(event) => onPatch({ assignee: event.target.value || null })}
      >
        <AssigneeOptions members={people.members} />
        {assignee.kept !== null && <option value={assignee.kept}>{assignee.label}</option>}
      </select>
    </span>
  );
}

export function DueField({ task, readOnly, onPatch, overdue }: FieldProps & { overdue: boolean }) {
  const { t } = useTranslation();
  if (readOnly) return <DueText due={task.due} overdue={overdue} />;
  return (
    <span className={overdue ? 'task-due overdue' : 'task-due'}>
      <DateField
        testId="task-due"
        label={t('tasks.dueOf', { title: task.title })}
        value={task.due}
        onChange={(due) => onPatch({ due })}
      />{' '}
      {overdue && <OverdueBadge />}
    </span>
  );
}
