// Which view is shown and which day holds focus; the period on screen follows that day, so the
// previous/next buttons, PageUp/PageDown and arrow keys past the edge all change the period the
// same way. Today is re-read every minute, so "today" moves on at midnight.
import { useState } from 'react';
import { useNow } from '../hooks/use-now';
import { todayIn } from './day-math';
import { stepDay, type GridView } from './grid-keys';

export type CalendarViewKind = GridView | 'agenda';
export const CALENDAR_VIEWS: CalendarViewKind[] = ['month', 'week', 'agenda'];

export interface CalendarNav {
  view: CalendarViewKind;
  day: string;
  today: string;
  setView: (view: CalendarViewKind) => void;
  setDay: (day: string) => void;
  step: (by: 1 | -1) => void;
  goToday: () => void;
}

export function useCalendarNav(zone: string): CalendarNav {
  const today = todayIn(zone, useNow(60_000));
  const [view, setView] = useState<CalendarViewKind>('month');
  const [day, setDay] = useState(today);
  return {
    view,
    day,
    today,
    setView,
    setDay,
    step: (by) => setDay((current) => stepDay(current, view, by)),
    goToday: () => setDay(today),
  };
}
