// For the author: who the briefing went to, who has read it and when, and who acknowledged it.
// Recipients are named as this device knows them; one without a name shows the start of their
// safety number.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingView } from '../../src-shared/api/briefings-schemas';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { formatFullDate, formatShortDate } from '../lib/format-date';
import { memberNumber } from './member-number';
import { receiptRows } from './receipt-rows';

interface ReadByPanelProps {
  view: BriefingView;
  /** A recipient's safety number, when a space of this device lists them. */
  fingerprintOf: (device: string) => string | null;
}

export function ReadByPanel({ view, fingerprintOf }: ReadByPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const rows = receiptRows(view);
  const when = (at: number) => (
    <time dateTime={new Date(at).toISOString()} title={formatFullDate(at, language)}>
      {formatShortDate(at, language, t('dates.justNow'))}
    </time>
  );
  return (
    <section className="briefing-panel" data-testid="briefing-read-by" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('briefings.read.readBy')}</h4>
      {!view.receiptsOn && <p className="hint">{t('briefings.read.receiptsOff')}</p>}
      <ul className="briefing-receipts">
        {rows.map((row) => (
          <li
            key={row.device}
            data-testid="briefing-receipt"
            data-read={row.readAt !== null}
            data-acknowledged={row.ackedAt !== null}
          >
            <span className="briefing-receipt-name" data-testid="briefing-receipt-name">
              {row.name !== null && row.name.trim() !== '' ? (
                row.name
              ) : (
                <MarkedValue
                  text={t('briefings.unnamedMember', { number: VALUE_SLOT })}
                  value={memberNumber(fingerprintOf(row.device), row.device)}
                />
              )}
            </span>{' '}
            {view.receiptsOn && (
              <span className="briefing-receipt-state" data-testid="briefing-receipt-state">
                {row.readAt !== null ? (
                  <>
                    {t('briefings.read.readAt')} {when(row.readAt)}
                  </>
                ) : (
                  t('briefings.read.notRead')
                )}
                {row.ackedAt !== null && (
                  <>
                    {' · '}
                    <span className="success">{t('briefings.read.ackedAt')}</span>{' '}
                    {when(row.ackedAt)}
                  </>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
