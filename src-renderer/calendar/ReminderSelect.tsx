// The reminder this device gives before an event: none, or one of the offsets the limits allow.
// Reminders are per device (they never leave it), so even a read-only event can have one.
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import { reminderLabel } from './reminder-label';

interface ReminderSelectProps {
  id: string;
  value: number | null;
  onChange: (minutes: number | null) => void;
  disabled?: boolean;
}

export function ReminderSelect({ id, value, onChange, disabled }: ReminderSelectProps) {
  const { t } = useTranslation();
  const choices = CALENDAR_LIMITS.reminderChoicesMinutes;
  // A stored value outside today's choices (set elsewhere) is still shown, not silently replaced.
  const all = value === null || choices.includes(value) ? choices : [...choices, value];
  return (
    <select
      id={id}
      data-testid="event-reminder"
      disabled={disabled}
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
    >
      <option value="">{t('calendar.reminder.none')}</option>
      {all.map((minutes) => (
        <option key={minutes} value={String(minutes)}>
          {reminderLabel(t, minutes)}
        </option>
      ))}
    </select>
  );
}
