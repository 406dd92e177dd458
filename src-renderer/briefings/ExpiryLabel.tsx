// When a briefing is wiped, as a person reads it: "Expires in 5 hours", "Does not expire", or
// "Expired" for the moment between its expiry and main's wipe. Refreshes itself every minute.
import { useTranslation } from 'react-i18next';
import { useNow } from '../hooks/use-now';
import { formatFullDate, formatRelative } from '../lib/format-date';
import { expiryLeft } from './briefing-order';

export function ExpiryLabel({ expiresAt }: { expiresAt: number | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const now = useNow(60_000);
  const left = expiryLeft(expiresAt, now);
  const text =
    left.kind === 'never'
      ? t('briefings.noExpiry')
      : left.kind === 'expired'
        ? t('briefings.expired')
        : t('briefings.expiresIn', {
            when: formatRelative(left.value, left.unit, language, { numeric: 'always' }),
          });
  return (
    <span
      className={left.kind === 'in' ? 'briefing-expiry' : `briefing-expiry ${left.kind}`}
      data-testid="briefing-expiry"
      title={expiresAt !== null ? formatFullDate(expiresAt, language) : undefined}
    >
      {text}
    </span>
  );
}
