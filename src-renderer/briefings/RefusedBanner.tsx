// A warning above the list when main refused briefings whose signature or addressing did not
// check, shown like the sync engine's warning about a tampered update: what happened, what it may
// mean, what to do, and when it was last noticed. Nothing of a refused briefing is shown.
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../src-shared/api';
import { formatFullDate } from '../lib/format-date';

type Refusal = MethodResult<'briefings.list'>['refused'][number];

export function RefusedBanner({ refused }: { refused: readonly Refusal[] }) {
  const { t, i18n } = useTranslation();
  if (refused.length === 0) return null;
  const latest = Math.max(...refused.map((refusal) => refusal.at));
  return (
    <div className="sync-warnings" role="alert">
      <div className="warning sync-warning" data-testid="briefings-refused">
        <p className="sync-warning-title">{t('briefings.refused', { count: refused.length })}</p>
        <p>{t('briefings.refusedText')}</p>
        <p className="hint">
          <time dateTime={new Date(latest).toISOString()}>
            {t('sync.warningAt', { when: formatFullDate(latest, i18n.resolvedLanguage ?? 'en') })}
          </time>
        </p>
      </div>
    </div>
  );
}
