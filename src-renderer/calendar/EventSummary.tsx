// An event shown read-only: its title (never blank), when (in the event's zone and, if different,
// this device's), where and its description. For events this device may not change, busy blocks
// whose details it cannot read, and events shared with me.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventTiming } from '../../src-shared/calendar/event-model';
import { formatLongDay } from './calendar-format';
import { addDays } from './day-math';
import { instantOf } from './drag-timing';
import { titleOrUntitled } from './item-text';
import { ZoneTimes } from './ZoneTimes';

interface EventSummaryProps {
  /** null for a busy block: "Busy" is shown instead. */
  title: string | null;
  location?: string;
  description?: string;
  timing: Pick<EventTiming, 'allDay' | 'start' | 'end' | 'tz' | 'rrule'>;
  children?: ReactNode;
}

export function EventSummary({
  title,
  location,
  description,
  timing,
  children,
}: EventSummaryProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const firstDay = timing.start.slice(0, 10);
  const lastDay = timing.allDay ? addDays(timing.end.slice(0, 10), -1) : timing.end.slice(0, 10);
  return (
    <div className="cal-summary" data-testid="event-summary">
      <p
        className={title === null ? 'cal-summary-title busy' : 'cal-summary-title'}
        data-testid="event-summary-title"
      >
        {title === null ? t('calendar.busy') : titleOrUntitled(t, title)}
      </p>
      <p>
        {firstDay === lastDay
          ? formatLongDay(firstDay, language)
          : t('calendar.time.span', {
              start: formatLongDay(firstDay, language),
              end: formatLongDay(lastDay, language),
            })}
        {timing.allDay && ` · ${t('calendar.allDay')}`}
      </p>
      {!timing.allDay && (
        <ZoneTimes
          startMs={instantOf(timing.start, timing.tz)}
          endMs={instantOf(timing.end, timing.tz)}
          tz={timing.tz}
          testId="event-summary-times"
        />
      )}
      {timing.rrule !== null && <p className="hint">{t('calendar.repeats')}</p>}
      {location && (
        <p>
          <span className="cal-summary-label">{t('calendar.editor.location')}: </span>
          {location}
        </p>
      )}
      {description && <p className="cal-summary-description">{description}</p>}
      {children}
    </div>
  );
}
