// "15 minutes before", "2 hours before", "1 day before": a reminder offset in the largest whole unit.
import type { TFunction } from 'i18next';

export function reminderUnit(minutes: number): {
  unit: 'minutes' | 'hours' | 'days';
  count: number;
} {
  if (minutes > 0 && minutes % (24 * 60) === 0) return { unit: 'days', count: minutes / (24 * 60) };
  if (minutes > 0 && minutes % 60 === 0) return { unit: 'hours', count: minutes / 60 };
  return { unit: 'minutes', count: minutes };
}

export function reminderLabel(t: TFunction, minutes: number): string {
  const { unit, count } = reminderUnit(minutes);
  return t(`calendar.reminder.${unit}`, { count });
}
