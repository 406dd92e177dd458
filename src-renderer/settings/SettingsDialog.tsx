// Settings as a modal dialog (Escape closes it): language, auto-lock, shared spaces (relay, name,
// device code), safety number, passphrase.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { LanguageSelect } from '../components/LanguageSelect';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { DeviceIdentitySection } from './DeviceIdentitySection';
import { SharedSpacesSettings } from './SharedSpacesSettings';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings" testId="settings">
      <div className="settings-body">
        <section className="settings-section">
          <LanguageSelect />
        </section>
        <AutoLockSetting />
        <SharedSpacesSettings />
        <DeviceIdentitySection />
        <ChangePassphraseForm />
      </div>
      <div className="dialog-actions">
        <button type="button" data-testid="close-settings" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
