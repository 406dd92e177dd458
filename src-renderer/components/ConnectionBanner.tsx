// Says so when the bridge to Suviaz dropped and is coming back (browser host only).
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../hooks/use-connection-status';

export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  return (
    <div role="status" aria-live="polite" className="connection-region">
      {status === 'reconnecting' && (
        <div className="connection-banner" data-testid="connection-banner">
          {t('connection.lost')}
        </div>
      )}
    </div>
  );
}
