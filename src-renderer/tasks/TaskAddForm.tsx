// Adding a task to a plan: title, assignee, due day, and optionally the place of the editor's cursor.
// What is typed is kept in the session while the user looks at another plan, and Enter adds it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceMember } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { DateField } from '../components/DateField';
import { usePlanEditor } from '../plans/plan-editor-context';
import { AssigneeOptions } from './TaskFields';
import { draftAfterAdd, type TaskDraft, type TasksSession } from './tasks-session';

export interface NewTask {
  title: string;
  assignee: string | null;
  due: string | null;
  anchor: string | null;
}

interface TaskAddFormProps {
  members: readonly SpaceMember[];
  session: TasksSession;
  /** Where the session keeps this form's draft: one per plan of one space. */
  draftKey: string;
  onAdd: (task: NewTask) => void;
}

export function TaskAddForm({ members, session, draftKey, onAdd }: TaskAddFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const editor = usePlanEditor();
  const titleRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(() => session.draft(draftKey));
  const [titleMissing, setTitleMissing] = useState(false);

  function change(patch: Partial<TaskDraft>): void {
    const next = { ...draft, ...patch };
    setDraft(next);
    session.keepDraft(draftKey, next);
  }

  // A member chosen earlier may have left since; then nobody is chosen rather than a stale key.
  const assignee = members.some((m) => m.deviceKey === draft.assignee) ? draft.assignee : '';
  // The editor always has a selection once it is open; the checkbox follows it until touched.
  const canLink = editor !== null && editor.currentAnchor() !== null;
  const link = canLink && (draft.link ?? true);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const title = draft.title.trim();
    if (!title) {
      setTitleMissing(true);
      titleRef.current?.focus();
      return;
    }
    onAdd({
      title,
      assignee: assignee || null,
      due: draft.due || null,
      anchor: link ? (editor?.currentAnchor() ?? null) : null,
    });
    setTitleMissing(false);
    const next = draftAfterAdd(draft);
    setDraft(next);
    session.keepDraft(draftKey, next);
    // Ready for the next task: the title field, whether Enter or the button added this one.
    titleRef.current?.focus();
  }

  return (
    <form className="task-add" data-testid="task-add" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-title`}>{t('tasks.add.title')}</label>
      <input
        id={`${id}-title`}
        ref={titleRef}
        data-testid="task-add-title"
        maxLength={LIMITS.plans.taskTitleMaxChars}
        value={draft.title}
        aria-invalid={titleMissing || undefined}
        aria-describedby={titleMissing ? `${id}-missing` : undefined}
        onChange={(event) => {
          change({ title: event.target.value });
          if (event.target.value.trim()) setTitleMissing(false);
        }}
      />
      {titleMissing && (
        <p id={`${id}-missing`} className="error" role="alert">
          {t('tasks.add.titleMissing')}
        </p>
      )}
      <div className="task-add-row">
        <div>
          <label htmlFor={`${id}-assignee`}>{t('tasks.assignee')}</label>
          <select
            id={`${id}-assignee`}
            data-testid="task-add-assignee"
            value={assignee}
            onChange={(event) => change({ assignee: event.target.value })}
          >
            <AssigneeOptions members={members} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-due`}>{t('tasks.due')}</label>
          <DateField
            id={`${id}-due`}
            testId="task-add-due"
            value={draft.due || null}
            onChange={(due) => change({ due: due ?? '' })}
          />
        </div>
      </div>
      <div className="checkbox-row">
        <input
          id={`${id}-link`}
          type="checkbox"
          data-testid="task-add-link"
          checked={link}
          disabled={!canLink}
          onChange={(event) => change({ link: event.target.checked })}
        />
        <label htmlFor={`${id}-link`}>{t('tasks.add.link')}</label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-testid="task-add-submit">
          {t('tasks.add.submit')}
        </button>
      </div>
    </form>
  );
}
