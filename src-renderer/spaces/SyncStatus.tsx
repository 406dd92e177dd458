// The relay connection as one short line, and a warning banner for each problem the sync engine
// detected in what the relay sent: what it means, and what Suviaz did not apply.
import { useTranslation } from 'react-i18next';
import type { ApiError, SyncState } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';
import { formatFullDate } from '../lib/format-date';

const KNOWN_REASONS = [
  'tampered',
  'forged',
  'spliced',
  'replayed',
  'gap',
  'unknown-snapshot',
  'rolled-back',
  'omits-my-updates',
] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

function isKnownReason(reason: string): reason is KnownReason {
  return (KNOWN_REASONS as readonly string[]).includes(reason);
}

interface SyncStatusProps {
  state: SyncState | null;
  error: ApiError | null;
  onOpenSettings: () => void;
}

export function SyncStatus({ state, error, onOpenSettings }: SyncStatusProps) {
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
  const { connection, pending } = state;
  const text =
    connection === 'disabled'
      ? t('sync.disabled')
      : connection === 'offline'
        ? t('sync.offline')
        : connection === 'connecting'
          ? t('sync.connecting')
          : pending > 0
            ? t('sync.syncing', { count: pending })
            : t('sync.connected');
  return (
    <div className={`sync-status ${connection}`}>
      <span className="sync-dot" aria-hidden="true" />
      <span
        data-testid="sync-state"
        data-state={connection}
        role="status"
        aria-live="polite"
        title={pending > 0 ? t('sync.pending', { count: pending }) : undefined}
      >
        {text}
      </span>
      {connection === 'disabled' && (
        <button type="button" className="link" onClick={onOpenSettings}>
          {t('sync.openSettings')}
        </button>
      )}
    </div>
  );
}

export function SyncWarnings({ warnings }: { warnings: SyncState['warnings'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  if (warnings.length === 0) return null;
  return (
    <div className="sync-warnings" role="alert">
      {warnings.map((warning, index) => (
        <div
          key={`${warning.at}-${warning.reason}-${index}`}
          className="warning sync-warning"
          data-testid="sync-warning"
          data-reason={warning.reason}
        >
          <p className="sync-warning-title">{t('sync.warningTitle')}</p>
          <p>
            {isKnownReason(warning.reason)
              ? t(`sync.reasons.${warning.reason}`)
              : t('sync.reasons.other', { reason: warning.reason })}
          </p>
          <p className="hint">
            {t('sync.warningAdvice')}{' '}
            <time dateTime={new Date(warning.at).toISOString()}>
              {t('sync.warningAt', { when: formatFullDate(warning.at, language) })}
            </time>
          </p>
        </div>
      ))}
    </div>
  );
}
