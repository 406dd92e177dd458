// The space's sync as one short line (this device's membership first, then the relay connection),
// and a banner for each problem the sync engine detected: what it means, whom it is about, and what
// Suviaz did not apply. Calm notices (edits waiting) are announced politely, apart from the warnings
// that ask for action.
import { call } from '../bridge/call';
import { useTranslation } from 'react-i18next';
import type { ApiError, SpaceSummary, SyncState } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';
import { formatFullDate } from '../lib/format-date';
import {
  isUrgent,
  syncWarningMessage,
  type SyncWarning,
  type WarningMessage,
} from './sync-warning-message';
import { SETTINGS_LINES, syncLine } from './sync-status-text';

interface SyncStatusProps {
  state: SyncState | null;
  error: ApiError | null;
  /** This device's status in the space: removed or left says so instead of the connection. */
  membership: SpaceSummary['status'];
  onOpenSettings: () => void;
}

export function SyncStatus({ state, error, membership, onOpenSettings }: SyncStatusProps) {
  const { t } = useTranslation();
  if (!state) {
    return (
      <div className="sync-status">
        <span data-testid="sync-state" data-state="unknown" role="status" aria-live="polite">
          {error ? `${t('sync.unknown')} ${errorMessage(t, error)}` : t('common.loading')}
        </span>
      </div>
    );
  }
  const { connection, pending, via, problem } = state;
  const line = syncLine(membership, connection, pending, via, problem);
  const text = line.count === undefined ? t(line.key) : t(line.key, { count: line.count });
  return (
    <div className={`sync-status ${line.tone}`}>
      <span className="sync-dot" aria-hidden="true" />
      <span
        data-testid="sync-state"
        data-state={connection}
        data-membership={membership}
        data-via={via}
        data-problem={problem ?? undefined}
        role="status"
        aria-live="polite"
        title={line.key === 'sync.syncing' ? t('sync.pending', { count: pending }) : undefined}
      >
        {text}
      </span>
      {SETTINGS_LINES.includes(line.key) && (
        <button
          type="button"
          className="link"
          data-testid="sync-open-settings"
          onClick={onOpenSettings}
        >
          {t('sync.openSettings')}
        </button>
      )}
      {connection === 'offline' && membership === 'active' && (
        // Waiting out a backoff after the relay or the network came back is needless: ask now.
        <button
          type="button"
          className="link"
          data-testid="sync-retry-now"
          onClick={() => void call('sync.retryNow', {}).catch(() => undefined)}
        >
          {t('sync.retryNow')}
        </button>
      )}
    </div>
  );
}

export function SyncWarnings({ warnings }: { warnings: SyncState['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const shown = warnings.map((warning, index) => ({
    warning,
    key: `${warning.at}-${warning.reason}-${warning.deviceKey ?? ''}-${index}`,
    message: syncWarningMessage(t, warning),
  }));
  const urgent = shown.filter((item) => isUrgent(item.message));
  const calm = shown.filter((item) => !isUrgent(item.message));
  return (
    <>
      {urgent.length > 0 && (
        <div className="sync-warnings" role="alert">
          {urgent.map((item) => (
            <WarningItem key={item.key} warning={item.warning} message={item.message} />
          ))}
        </div>
      )}
      {calm.length > 0 && (
        <div className="sync-warnings" role="status">
          {calm.map((item) => (
            <WarningItem key={item.key} warning={item.warning} message={item.message} />
          ))}
        </div>
      )}
    </>
  );
}

function WarningItem({ warning, message }: { warning: SyncWarning; message: WarningMessage }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <div
      className={`${isUrgent(message) ? 'warning' : 'notice'} sync-warning tone-${message.tone}`}
      data-testid="sync-warning"
      data-reason={warning.reason}
    >
      <p className="sync-warning-title">{message.title}</p>
      <p>{message.text}</p>
      <p className="hint">
        {message.tone === 'relay' && <>{t('sync.warningAdvice')} </>}
        <time dateTime={new Date(warning.at).toISOString()}>
          {t('sync.warningAt', { when: formatFullDate(warning.at, language) })}
        </time>
      </p>
    </div>
  );
}
