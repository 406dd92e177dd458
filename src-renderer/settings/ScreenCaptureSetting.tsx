// Whether the window is kept out of screenshots, screen recordings and screen sharing. Off by
// default; only the desktop app on Windows and macOS can do it, so elsewhere the box is disabled and
// says why. Stored as soon as it is changed; main applies it to every window.
import { useTranslation } from 'react-i18next';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { useShellCapabilities } from '../hooks/use-shell-capabilities';
import { CheckboxSetting } from './CheckboxSetting';

export function ScreenCaptureSetting() {
  const { t } = useTranslation();
  const capabilities = useShellCapabilities();
  const available = capabilities?.screenCaptureProtection ?? false;
  return (
    <CheckboxSetting
      name="screenCaptureProtection"
      title={t('safety.screenCaptureTitle')}
      label={t('safety.screenCaptureLabel')}
      hint={
        capabilities === null || available ? (
          t('safety.screenCaptureHint')
        ) : (
          <MarkedValue
            text={t('safety.screenCaptureUnavailable', { systems: VALUE_SLOT })}
            value="Windows, macOS"
          />
        )
      }
      testId="screen-capture-protection"
      unavailable={!available}
    />
  );
}
