// The title of the period on screen: "March 2026" for a month, "2 – 8 March 2026" for a week or
// the agenda's days.
import { formatDaySpan, formatMonthTitle } from './calendar-format';
import type { CalendarViewKind } from './use-calendar-nav';

export function rangeTitle(
  view: CalendarViewKind,
  focusDay: string,
  days: readonly { date: string }[],
  language: string,
): string {
  if (view === 'month') return formatMonthTitle(focusDay, language);
  const first = days[0]?.date ?? focusDay;
  const last = days.at(-1)?.date ?? focusDay;
  return formatDaySpan(first, last, language);
}
