// Reminders that are due, from main's 'calendar.reminder' events, until the user dismisses them.
// A few at most: older ones give way, so a device that was asleep does not fill the screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReminderNotice } from '../../src-shared/calendar/calendar-api';
import { onEvent } from '../bridge/call';

export const REMINDERS_SHOWN = 3;

export interface ShownReminder extends ReminderNotice {
  id: number;
}

export function useReminders(): { reminders: ShownReminder[]; dismiss: (id: number) => void } {
  const [reminders, setReminders] = useState<ShownReminder[]>([]);
  const next = useRef(1);
  useEffect(
    () =>
      onEvent('calendar.reminder', (notice) => {
        const id = next.current++;
        setReminders((list) => [...list, { ...notice, id }].slice(-REMINDERS_SHOWN));
      }),
    [],
  );
  const dismiss = useCallback((id: number) => {
    setReminders((list) => list.filter((reminder) => reminder.id !== id));
  }, []);
  return { reminders, dismiss };
}
