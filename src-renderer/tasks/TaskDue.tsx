// A due date as text, and the overdue marker: a word and a sign, never colour alone.
import { useTranslation } from 'react-i18next';
import { dateLocaleFor, systemLocales } from '../components/date-field-model';
import { formatDueDay } from './task-order';

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge alarm" data-testid="task-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('tasks.overdue')}
    </span>
  );
}

export function DueText({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  if (due === null) return <span className="task-due muted">{t('tasks.noDue')}</span>;
  return (
    <span className={overdue ? 'task-due overdue' : 'task-due'} data-testid="task-due">
      {t('tasks.dueOn', {
        date: formatDueDay(due, dateLocaleFor(i18n.resolvedLanguage ?? 'en', systemLocales()).code),
      })}
      {overdue && <OverdueBadge />}
    </span>
  );
}
