// Settings' emergency section: the quick exit and the clipboard rule, then erase the vault now and
// the shortcut that does it from any screen (the app then shows its empty first screen), then the
// duress passphrase.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EraseVaultButton } from '../safety/EraseVaultButton';
import { PanicShortcutHint } from '../safety/PanicShortcutHint';
import { QuickExitHint } from '../safety/QuickExitHint';
import { DuressSection } from './DuressSection';

export function EmergencySection() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="emergency">
      <h3 id={headingId}>{t('safety.emergency')}</h3>
      <QuickExitHint />
      <PanicShortcutHint />
      <EraseVaultButton onErased={() => undefined} />
      <DuressSection />
    </section>
  );
}
