// "Offline" as a banner over the bottom of the space, so it cannot be missed and the content under
// it never jumps: it floats instead of taking room, and its live region is always there (empty while
// connected), so a screen reader hears it come and go.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../src-shared/api';
import { offlineBannerShown } from './sync-status-text';

export function OfflineBanner({ connection }: { connection: SyncState['connection'] | null }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const next = offlineBannerShown(shown, connection);
  // Derived from the previous value during render, as React advises for state that follows a prop.
  if (next !== shown) setShown(next);
  return (
    <div className="offline-region" role="status" aria-live="polite">
      {next && (
        <div className="offline-banner" data-testid="offline-banner">
          <span className="sync-dot" aria-hidden="true" />
          <span>
            <strong>{t('sync.offlineTitle')}</strong> {t('sync.offlineText')}
          </span>
        </div>
      )}
    </div>
  );
}
