// Everything this device shared from one event and did not stop: its links, and its shares with
// members of other spaces (by name and the space it went through, never a device key), each with
// "Stop sharing". Says what a stop does and cannot do: a copy already taken may be kept, and a member
// share whose withdrawal cannot be written (no write access there any more) is still theirs.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutcome } from '../../src-shared/api';
import type { LinkMadeView, MemberShareView } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { formatFullDate } from '../lib/format-date';
import { formatLongDay } from './calendar-format';

interface SharesMade {
  links: LinkMadeView[];
  members: MemberShareView[];
}

type Outcome = 'stopped' | 'stopPending' | 'memberStopped' | 'memberPending';

async function loadShares(spaceId: string, eventId: string): Promise<CallOutcome<SharesMade>> {
  const [links, members] = await Promise.all([
    call('calendar.links', { spaceId, eventId }),
    call('calendar.memberShares', { spaceId, eventId }),
  ]);
  if (!links.ok) return links;
  if (!members.ok) return members;
  return { ok: true, value: { links: links.value, members: members.value } };
}

/** `version`: bumped by the dialog when something new was shared, to list it. */
export function SharesMadeList(props: { spaceId: string; eventId: string; version: number }) {
  const { spaceId, eventId, version } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const id = useId();
  const [shares, setShares] = useState<SharesMade>({ links: [], members: [] });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const load = useApiAction();
  const stop = useApiAction();
  const { run } = load;

  const reload = useCallback(() => {
    void run(() => loadShares(spaceId, eventId), setShares);
  }, [run, spaceId, eventId]);
  useEffect(reload, [reload, version]);

  const none = shares.links.length === 0 && shares.members.length === 0;
  if (none && !outcome && !load.error) return null;
  const when = (occurrence: string) => ({
    day: formatLongDay(occurrence.slice(0, 10), language),
    time: occurrence.slice(11),
  });
  const what = (occurrence: string | null): string =>
    occurrence === null
      ? t('calendar.share.wholeEvent')
      : t('calendar.share.oneOccurrence', when(occurrence)).trim();
  // Its own sentence each: "the whole event" takes another case than a date in some languages.
  const stopLabel = (link: LinkMadeView, date: string): string =>
    link.occurrence === null
      ? t('calendar.share.stopWhole', { date })
      : t('calendar.share.stopOne', { ...when(link.occurrence), date }).replace(/\s+,/, ',');
  const nameOf = (share: MemberShareView): string =>
    share.toName ?? t('calendar.share.unknownMember');
  const memberLabel = (share: MemberShareView): string =>
    share.occurrence === null
      ? t('calendar.share.stopMemberWhole', { name: nameOf(share) })
      : t('calendar.share.stopMemberOne', { ...when(share.occurrence), name: nameOf(share) });
  const stopped = (next: Outcome) => {
    setOutcome(next);
    reload();
  };
  const stopButton = (testId: string, label: string, start: () => void) => (
    <button
      type="button"
      data-testid={testId}
      disabled={stop.busy}
      aria-label={label}
      onClick={() => {
        setOutcome(null);
        start();
      }}
    >
      {stop.busy ? t('calendar.share.stopping') : t('calendar.share.stop')}
    </button>
  );

  return (
    <section className="cal-links-made" aria-labelledby={`${id}-h`} data-testid="links-made">
      <h3 id={`${id}-h`}>{t('calendar.share.linksTitle')}</h3>
      <ErrorAlert error={load.error ?? stop.error} />
      <ul>
        {shares.links.map((link) => {
          const until = formatFullDate(link.expiresAt, language);
          return (
            <li key={link.id} data-testid="link-made">
              <span>
                {what(link.occurrence)} · {t('calendar.share.opensUntil', { date: until })}
              </span>
              {stopButton('link-stop', stopLabel(link, until), () => {
                void stop.run(
                  () => call('calendar.stopLink', { id: link.id }),
                  (done) => stopped(done.stopped ? 'stopped' : 'stopPending'),
                );
              })}
            </li>
          );
        })}
        {shares.members.map((share) => {
          const space = share.throughName ?? t('calendar.share.unknownSpace');
          return (
            <li key={share.id} data-testid="member-share">
              <span>
                {what(share.occurrence)} ·{' '}
                {t('calendar.share.withMember', { name: nameOf(share), space })}
              </span>
              {share.cannotWithdraw ? (
                // No button: a stop could only fail again; what it means for the recipient instead.
                <span className="hint" data-testid="member-share-not-withdrawn">
                  {t('calendar.share.notWithdrawn', { space })}
                </span>
              ) : (
                stopButton('member-share-stop', memberLabel(share), () => {
                  void stop
                    .run(
                      () => call('calendar.stopMemberShare', { id: share.id }),
                      ({ waiting }) => stopped(waiting ? 'memberPending' : 'memberStopped'),
                    )
                    // Refused for lack of write access, it is now listed as not withdrawn.
                    .then((outcome) => {
                      if (outcome && !outcome.ok) reload();
                    });
                })
              )}
            </li>
          );
        })}
      </ul>
      {shares.members.length > 0 && <p className="hint">{t('calendar.share.memberStopNote')}</p>}
      <p role="status" className="hint" data-testid="link-stop-status">
        {outcome && t(`calendar.share.${outcome}`)}
      </p>
    </section>
  );
}
