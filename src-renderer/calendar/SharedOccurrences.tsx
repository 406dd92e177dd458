// The next occurrences of a series shared with me, each as its sharer sees it: a moved meeting at
// its new time (and said to be moved), a renamed or relocated one with its own title and place.
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedEventView } from '../../src-shared/calendar/calendar-api';
import {
  nextSharedOccurrences,
  type SharedOccurrence,
} from '../../src-shared/calendar/shared-occurrences';
import { useNow } from '../hooks/use-now';
import { formatLongDay } from './calendar-format';
import { addDays, deviceZone } from './day-math';
import { titleOrUntitled } from './item-text';
import { ZoneTimes } from './ZoneTimes';

/** As many as a glance takes in; the rule's summary above says the series goes on. */
const SHOWN = 8;

export function SharedOccurrences({ shared }: { shared: SharedEventView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  // Refreshed now and then, so an occurrence that has ended leaves the list.
  const now = useNow(60_000);
  const next = useMemo(
    () => nextSharedOccurrences(shared, now, deviceZone(), SHOWN),
    [shared, now],
  );
  if (shared.timing.rrule === null) return null;
  const { tz } = shared.timing;

  const dayText = (o: SharedOccurrence): string => {
    if (o.allDay && o.startDate && o.endDate) {
      const last = addDays(o.endDate, -1);
      return o.startDate >= last
        ? formatLongDay(o.startDate, language)
        : t('calendar.time.span', {
            start: formatLongDay(o.startDate, language),
            end: formatLongDay(last, language),
          });
    }
    return formatLongDay(DateTime.fromMillis(o.startMs, { zone: tz }).toISODate() ?? '', language);
  };

  return (
    <section aria-label={t('calendar.shared.upcoming')} data-testid="shared-occurrences">
      <p className="cal-summary-label">{t('calendar.shared.upcoming')}</p>
      {next.length === 0 && <p className="hint">{t('calendar.shared.noUpcoming')}</p>}
      <ul>
        {next.map((o) => (
          <li key={o.key} data-testid="shared-occurrence">
            <span>{dayText(o)}</span>
            {o.moved && <span className="hint"> · {t('calendar.shared.moved')}</span>}
            {o.title !== shared.details.title && (
              <span className="cal-summary-label"> · {titleOrUntitled(t, o.title)}</span>
            )}
            {o.location !== shared.details.location && o.location && <span> · {o.location}</span>}
            {!o.allDay && <ZoneTimes startMs={o.startMs} endMs={o.endMs} tz={tz} />}
            {o.description !== shared.details.description && o.description && (
              <p className="cal-summary-description">{o.description}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
