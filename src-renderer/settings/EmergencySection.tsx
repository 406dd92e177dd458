// Settings' emergency section: erase the vault now, and the shortcut that does it from any screen.
// The app then shows its empty first screen (App follows main's 'wipe' event).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EraseVaultButton } from '../safety/EraseVaultButton';
import { PanicShortcutHint } from '../safety/PanicShortcutHint';

export function EmergencySection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="emergency">
      <h3 id={headingId}>{t('safety.emergency')}</h3>
      <PanicShortcutHint />
      <EraseVaultButton onErased={() => undefined} />
    </section>
  );
}
