// The editor for an event this device may only read: a busy block of another organisation ("Busy —
// Organisation X; the details are only for its members") or an event it cannot change, with this
// device's own reminder, which is stored at once.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEventView } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { EventSummary } from './EventSummary';
import { ReminderSelect } from './ReminderSelect';

interface ReadOnlyEventProps {
  view: CalendarEventView;
  orgName: string | null;
  onClose: () => void;
  onShare?: () => void;
  onExport?: () => void;
}

export function ReadOnlyEvent({ view, orgName, onClose, onShare, onExport }: ReadOnlyEventProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reminder, setReminder] = useState(view.reminderMinutes);
  const store = useApiAction();
  const busy = view.details === null;
  return (
    <div className="cal-read-only">
      <EventSummary
        title={busy ? null : (view.details?.title ?? '')}
        location={view.details?.location}
        description={view.details?.description}
        timing={view}
      >
        <p className="notice" data-testid="event-read-only-reason">
          {busy
            ? t('calendar.busyDetails', { org: orgName ?? t('calendar.anotherOrganisation') })
            : t('calendar.editor.readOnly')}
        </p>
        {view.createdByName && !busy && (
          <p className="hint">{t('calendar.editor.createdBy', { name: view.createdByName })}</p>
        )}
      </EventSummary>
      <label htmlFor={`${id}-reminder`}>{t('calendar.reminder.label')}</label>
      <ReminderSelect
        id={`${id}-reminder`}
        value={reminder}
        disabled={store.busy}
        onChange={(minutes) => {
          const before = reminder;
          setReminder(minutes);
          void store
            .run(() =>
              call('calendar.setReminder', { spaceId: view.spaceId, eventId: view.id, minutes }),
            )
            .then((outcome) => {
              if (outcome && !outcome.ok) setReminder(before);
            });
        }}
      />
      <p className="hint">{t('calendar.reminder.hint')}</p>
      <ErrorAlert error={store.error} />
      <div className="dialog-actions">
        {!busy && onShare && (
          <button type="button" data-testid="event-share" onClick={onShare}>
            {t('calendar.share.open')}
          </button>
        )}
        {!busy && onExport && (
          <button type="button" data-testid="event-export" onClick={onExport}>
            {t('calendar.export.openOne')}
          </button>
        )}
        <button type="button" data-testid="event-close" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
