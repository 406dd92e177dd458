// The sidebar's way to the calendar of all spaces, next to "My tasks".
import { CalendarDays } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function CalendarEntry({ selected, onOpen }: { selected: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="my-tasks-entry cal-entry"
      data-testid="calendar-open"
      aria-current={selected ? 'page' : undefined}
      onClick={onOpen}
    >
      <CalendarDays aria-hidden="true" focusable="false" size={16} />
      <span className="my-tasks-entry-label">{t('calendar.title')}</span>
    </button>
  );
}
