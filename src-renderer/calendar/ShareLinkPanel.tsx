// Sharing one event by link: how many days it stays valid, then the link with Copy and a warning to
// send it only over a channel one trusts (whoever has it can read the event until it expires).
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_LIMITS } from '../../src-shared/calendar/calendar-limits';
import { call } from '../bridge/call';
import { CopyStatus } from '../components/CopyStatus';
import { FormActions } from '../components/FormActions';
import { WholeNumberInput } from '../components/WholeNumberInput';
import { useApiAction } from '../hooks/use-api-action';
import { useCopyText } from '../hooks/use-copy-text';
import { formatFullDate } from '../lib/format-date';
import { parseShareDays } from './share-people';

interface ShareLinkPanelProps {
  spaceId: string;
  eventId: string;
  occurrence?: string;
  onShared: () => void;
}

export function ShareLinkPanel({ spaceId, eventId, occurrence, onShared }: ShareLinkPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [daysText, setDaysText] = useState(String(CALENDAR_LIMITS.shareDefaultDays));
  const [made, setMade] = useState<{ link: string; expiresAt: number } | null>(null);
  const action = useApiAction();
  const linkRef = useRef<HTMLInputElement>(null);
  const copier = useCopyText(linkRef);
  const days = parseShareDays(daysText);

  if (made) {
    const date = formatFullDate(made.expiresAt, i18n.resolvedLanguage ?? 'en');
    return (
      <div className="cal-share-made">
        <label htmlFor={`${id}-link`}>{t('calendar.share.link')}</label>
        <div className="device-code-row">
          <input
            id={`${id}-link`}
            ref={linkRef}
            className="device-code"
            data-testid="share-link"
            readOnly
            spellCheck={false}
            aria-describedby={`${id}-status ${id}-warning`}
            value={made.link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            data-testid="share-copy"
            autoFocus
            onClick={() => void copier.copy(made.link)}
          >
            {t('common.copy')}
          </button>
        </div>
        <CopyStatus id={`${id}-status`} state={copier.state} />
        <p id={`${id}-warning`} className="warning" data-testid="share-warning">
          {t('calendar.share.trust', { date })}
        </p>
      </div>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (days === null) return;
        const args = occurrence
          ? { spaceId, eventId, occurrence, days }
          : { spaceId, eventId, days };
        void action.run(
          () => call('calendar.shareLink', args),
          (next) => {
            setMade(next);
            onShared();
          },
        );
      }}
      aria-busy={action.busy}
    >
      <label htmlFor={`${id}-days`}>{t('calendar.share.days')}</label>
      <WholeNumberInput
        id={`${id}-days`}
        className="invite-days"
        min={1}
        max={CALENDAR_LIMITS.shareMaxDays}
        data-testid="share-days"
        aria-invalid={days === null ? true : undefined}
        aria-describedby={`${id}-days-hint`}
        value={daysText}
        onChange={(event) => setDaysText(event.target.value)}
      />
      <p id={`${id}-days-hint`} className={days === null ? 'error' : 'hint'}>
        {t('calendar.share.daysHint', { max: CALENDAR_LIMITS.shareMaxDays })}
      </p>
      <FormActions
        action={action}
        submitLabel={t('calendar.share.makeLink')}
        busyLabel={t('calendar.share.making')}
        ready={days !== null && !action.busy}
        submitTestId="share-link-create"
      />
    </form>
  );
}
