// Settings as a modal dialog: language, auto-lock, shared spaces (relay, name, device code), calendar
// reminders, safety number, passphrase, emergency erase. Close (always in view) and Escape close it once nothing is
// left half done: a changed relay address is checked and saved first, and a problem the check finds
// keeps Settings open to say so. Focus returns to where it was (Dialog).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { LanguageSelect } from '../components/LanguageSelect';
import { AutoLockSetting } from './AutoLockSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { CloseGuards } from './close-guards';
import { DeviceIdentitySection } from './DeviceIdentitySection';
import { DisguiseSetting } from './DisguiseSetting';
import { EmergencySection } from './EmergencySection';
import { LanRelayPanel } from './LanRelayPanel';
import { BriefingSettings } from './BriefingSettings';
import { ReminderTitleSetting } from './ReminderTitleSetting';
import { ScreenCaptureSetting } from './ScreenCaptureSetting';
import { SharedSpacesSettings } from './SharedSpacesSettings';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [closeGuards] = useState(() => new CloseGuards());
  const [closing, setClosing] = useState(false);
  // State lands after the next render; a second Escape must not start a second close meanwhile.
  const closingNow = useRef(false);

  async function requestClose(): Promise<void> {
    if (closingNow.current) return;
    closingNow.current = true;
    setClosing(true);
    const allowed = await closeGuards.allowClose();
    closingNow.current = false;
    setClosing(false);
    if (allowed) onClose();
  }

  return (
    <Dialog
      title={t('settings.title')}
      onClose={() => void requestClose()}
      className="settings"
      testId="settings"
    >
      <div className="settings-body">
        <section className="settings-section">
          <LanguageSelect />
        </section>
        <AutoLockSetting />
        <SharedSpacesSettings closeGuards={closeGuards} />
        <LanRelayPanel />
        <ReminderTitleSetting />
        <BriefingSettings />
        <DisguiseSetting />
        <ScreenCaptureSetting />
        <DeviceIdentitySection />
        <ChangePassphraseForm />
        <EmergencySection />
      </div>
      <div className="dialog-actions settings-actions">
        <button
          type="button"
          data-testid="close-settings"
          aria-disabled={closing ? true : undefined}
          onClick={() => void requestClose()}
        >
          {closing ? t('settings.closing') : t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
