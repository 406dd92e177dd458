// Events shared with me, read-only, each with who shared it and until when (a series with its next
// occurrences); and a field to open an event link someone sent. Opened links join the list.
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import type { SharedEventView } from '../../src-shared/calendar/calendar-api';
import { LIMITS } from '../../src-shared/limits';
import { call, onEvent } from '../bridge/call';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { formatFullDate } from '../lib/format-date';
import { EventSummary } from './EventSummary';
import { SharedOccurrences } from './SharedOccurrences';

export function SharedWithMeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [list, setList] = useState<SharedEventView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [link, setLink] = useState('');
  const [opened, setOpened] = useState<SharedEventView | null>(null);
  const opening = useApiAction();

  const reload = useCallback(() => {
    void call('calendar.shared', {}).then((outcome) => {
      if (outcome.ok) {
        setList(outcome.value);
        setLoadError(null);
      } else {
        setLoadError(outcome.error);
      }
    });
  }, []);
  useEffect(() => {
    reload();
    return onEvent('calendar.changed', reload);
  }, [reload]);

  const others = (list ?? []).filter((shared) => shared.id !== opened?.id);
  return (
    <Dialog
      title={t('calendar.shared.title')}
      onClose={onClose}
      testId="shared-dialog"
      className="cal-shared-dialog"
    >
      <form
        aria-busy={opening.busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (!link.trim()) return;
          void opening.run(
            () => call('calendar.openShared', { link: link.trim() }),
            (shared) => {
              setOpened(shared);
              setLink('');
              reload();
            },
          );
        }}
      >
        <label htmlFor={`${id}-link`}>{t('calendar.shared.openLink')}</label>
        <div className="inline-form">
          <input
            id={`${id}-link`}
            data-testid="shared-link-input"
            spellCheck={false}
            autoComplete="off"
            maxLength={LIMITS.inviteLinkMaxChars}
            value={link}
            onChange={(event) => setLink(event.target.value)}
          />
          <button
            type="submit"
            className="primary"
            data-testid="shared-link-open"
            disabled={!link.trim() || opening.busy}
          >
            {t('calendar.shared.open')}
          </button>
        </div>
        <ErrorAlert error={opening.error} />
      </form>
      {opened && (
        <section
          className="cal-shared-opened"
          data-testid="shared-opened"
          aria-label={t('calendar.shared.justOpened')}
        >
          <SharedEvent shared={opened} />
        </section>
      )}
      <h3>{t('calendar.shared.listTitle')}</h3>
      <ErrorAlert error={loadError} />
      {list === null && !loadError && <p className="hint">{t('common.loading')}</p>}
      {list !== null && others.length === 0 && !opened && (
        <p className="hint">{t('calendar.shared.none')}</p>
      )}
      <ul className="cal-shared-list">
        {others.map((shared) => (
          <li key={shared.id} data-testid="shared-item">
            <SharedEvent shared={shared} />
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" data-testid="shared-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

function SharedEvent({ shared }: { shared: SharedEventView }) {
  const { t, i18n } = useTranslation();
  // A name this device knows for the key; else the sender's own claim, said to be one.
  const from =
    shared.fromName ??
    (shared.claimedName === null
      ? t('calendar.shared.someone')
      : t('calendar.shared.claimed', { name: shared.claimedName }));
  const until =
    shared.expiresAt === null
      ? t('calendar.shared.noExpiry')
      : t('calendar.shared.until', {
          date: formatFullDate(shared.expiresAt, i18n.resolvedLanguage ?? 'en'),
        });
  return (
    <EventSummary
      title={shared.details.title}
      location={shared.details.location}
      description={shared.details.description}
      timing={shared.timing}
    >
      <SharedOccurrences shared={shared} />
      <p className="hint" data-testid="shared-from">
        {t('calendar.shared.from', { name: from })} · {until}
      </p>
    </EventSummary>
  );
}
