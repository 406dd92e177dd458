// The top bar: the app's name, settings, and the lock button (Cmd/Ctrl+L).
import { useTranslation } from 'react-i18next';
import { ariaShortcut, shortcutLabel } from '../lib/shortcuts';
import { AppName } from '../appearance/AppName';

interface HeaderProps {
  locking: boolean;
  onLock: () => void;
  onSettings: () => void;
}

export function Header({ locking, onLock, onSettings }: HeaderProps) {
  const { t } = useTranslation();
  const lockTitle = t('header.lockTitle', { shortcut: shortcutLabel('l') });
  return (
    <header className="app-header">
      <h1 className="brand">
        <AppName />
      </h1>
      <div className="header-actions">
        <button type="button" data-testid="open-settings" onClick={onSettings}>
          {t('header.settings')}
        </button>
        <button
          type="button"
          className="lock"
          data-testid="lock-button"
          title={lockTitle}
          aria-label={lockTitle}
          aria-keyshortcuts={ariaShortcut('l')}
          disabled={locking}
          onClick={onLock}
        >
          {locking ? t('header.locking') : t('header.lock')}
        </button>
      </div>
    </header>
  );
}
