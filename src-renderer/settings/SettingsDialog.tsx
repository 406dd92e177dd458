// Settings as a modal dialog (Escape closes it): auto-lock, safety number, passphrase, language.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { LanguageSelect } from '../components/LanguageSelect';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { DeviceIdentitySection } from './DeviceIdentitySection';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('settings.title')} onClose={onClose} className="settings" testId="settings">
      <div className="settings-body">
        <section className="settings-section">
          <LanguageSelect />
        </section>
        <AutoLockSetting />
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
