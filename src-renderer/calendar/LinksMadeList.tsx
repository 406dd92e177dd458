// The links to an event this device made that still open it, each with "Stop sharing": the relay
// deletes it, so the link opens nothing from then on. Says whether the stop reached the relay or
// waits for it, and that whoever opened the link before keeps what they saw until it expires.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkMadeView } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { formatFullDate } from '../lib/format-date';
import { formatLongDay } from './calendar-format';

export function LinksMadeList({ spaceId, eventId }: { spaceId: string; eventId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const id = useId();
  const [links, setLinks] = useState<LinkMadeView[]>([]);
  const [outcome, setOutcome] = useState<'stopped' | 'pending' | null>(null);
  const load = useApiAction();
  const stop = useApiAction();
  const { run } = load;

  const reload = useCallback(() => {
    void run(() => call('calendar.links', { spaceId, eventId }), setLinks);
  }, [run, spaceId, eventId]);
  useEffect(reload, [reload]);

  if (links.length === 0 && !outcome && !load.error) return null;
  const when = (occurrence: string) => ({
    day: formatLongDay(occurrence.slice(0, 10), language),
    time: occurrence.slice(11),
  });
  const what = (link: LinkMadeView): string =>
    link.occurrence === null
      ? t('calendar.share.wholeEvent')
      : t('calendar.share.oneOccurrence', when(link.occurrence)).trim();
  // Its own sentence each: "the whole event" takes another case than a date in some languages.
  const stopLabel = (link: LinkMadeView, date: string): string =>
    link.occurrence === null
      ? t('calendar.share.stopWhole', { date })
      : t('calendar.share.stopOne', { ...when(link.occurrence), date }).replace(/\s+,/, ',');

  return (
    <section className="cal-links-made" aria-labelledby={`${id}-h`} data-testid="links-made">
      <h3 id={`${id}-h`}>{t('calendar.share.linksTitle')}</h3>
      <ErrorAlert error={load.error ?? stop.error} />
      <ul>
        {links.map((link) => {
          const until = formatFullDate(link.expiresAt, language);
          return (
            <li key={link.id} data-testid="link-made">
              <span>
                {what(link)} · {t('calendar.share.opensUntil', { date: until })}
              </span>
              <button
                type="button"
                data-testid="link-stop"
                disabled={stop.busy}
                aria-label={stopLabel(link, until)}
                onClick={() => {
                  setOutcome(null);
                  void stop.run(
                    () => call('calendar.stopLink', { id: link.id }),
                    ({ stopped }) => {
                      setOutcome(stopped ? 'stopped' : 'pending');
                      reload();
                    },
                  );
                }}
              >
                {stop.busy ? t('calendar.share.stopping') : t('calendar.share.stop')}
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" className="hint" data-testid="link-stop-status">
        {outcome === 'stopped' && t('calendar.share.stopped')}
        {outcome === 'pending' && t('calendar.share.stopPending')}
      </p>
    </section>
  );
}
