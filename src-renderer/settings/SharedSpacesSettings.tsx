// Shared spaces: the relay address and how to reach it (directly, Tor, a SOCKS5 proxy; checked that a
// relay answers there, through that connection, before both are stored), the name
// others see (stored a moment after typing stops, and at once on leaving the field), and this
// device's code for being added to a space. Each is its own component; this one loads the settings.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import type { CloseGuards } from './close-guards';
import { DeviceCodeField } from './DeviceCodeField';
import type { ProxySetting } from './proxy-form';
import { RelayField } from './RelayField';
import { SettingField } from './SettingField';

interface Loaded {
  relayUrl: string;
  displayName: string;
  proxy: ProxySetting;
}

export function SharedSpacesSettings({ closeGuards }: { closeGuards: CloseGuards }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    void call('settings.get', {}).then((outcome) => {
      if (!active) return;
      if (outcome.ok) {
        setLoaded({
          relayUrl: outcome.value.relayUrl,
          displayName: outcome.value.displayName,
          proxy: outcome.value.proxy,
        });
      } else {
        setError(outcome.error);
      }
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <section className="settings-section">
      <h3>{t('settings.sharedSpaces')}</h3>
      <ErrorAlert error={error} />
      <RelayField
        initial={loaded?.relayUrl ?? null}
        initialProxy={loaded?.proxy ?? null}
        closeGuards={closeGuards}
      />
      <SettingField
        field="displayName"
        initial={loaded?.displayName ?? null}
        label={t('settings.displayName')}
        hint={t('settings.displayNameHint')}
        invalidText={t('settings.displayNameInvalid', { max: LIMITS.displayNameMaxChars })}
        testId="display-name"
        maxLength={LIMITS.displayNameMaxChars}
      />
      <DeviceCodeField />
    </section>
  );
}
