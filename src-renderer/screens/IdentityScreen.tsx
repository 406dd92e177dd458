// Right after creation: the device's safety number, once, before the app opens.
import { useTranslation } from 'react-i18next';
import type { DeviceIdentity } from '../../src-shared/api';
import { SafetyNumber } from '../components/SafetyNumber';
import { ScreenFrame } from './ScreenFrame';

export function IdentityScreen({
  identity,
  onContinue,
}: {
  identity: DeviceIdentity;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ScreenFrame>
      <h1>{t('identity.title')}</h1>
      <p>{t('identity.text')}</p>
      <SafetyNumber fingerprint={identity.fingerprint} label={t('identity.label')} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="identity-continue"
          autoFocus
          onClick={onContinue}
        >
          {t('common.continue')}
        </button>
      </div>
    </ScreenFrame>
  );
}
