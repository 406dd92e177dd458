// The device's safety number, for comparing out of band.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeviceIdentity } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { SafetyNumber } from '../components/SafetyNumber';

export function DeviceIdentitySection() {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    void call('device.identity', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) setIdentity(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <section className="settings-section">
      <h3>{t('settings.identity')}</h3>
      <p className="hint">{t('settings.identityHint')}</p>
      {identity && (
        <SafetyNumber
          fingerprint={identity.fingerprint}
          label={t('settings.identity')}
          testId="my-safety-number"
        />
      )}
      {!identity && !error && <p className="hint">{t('common.loading')}</p>}
      <ErrorAlert error={error} />
    </section>
  );
}
