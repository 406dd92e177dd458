// The relay's pinned identity in Settings: the fingerprint this device pinned for its relay, what a
// refusal for a changed key means, and "Forget the pinned key" for a deliberate change of key.
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MethodResult } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSyncState } from '../hooks/use-sync-state';

type Pin = MethodResult<'relay.pin'>;

export function RelayPinSection() {
  const { t } = useTranslation();
  const id = useId();
  const { state } = useSyncState();
  const [url, setUrl] = useState('');
  const [pin, setPin] = useState<Pin>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const connection = state?.connection ?? null;
  const problem = state?.problem ?? null;

  // Asked again when the connection changes: the first connection (or a rotation) pins a key.
  useEffect(() => {
    let active = true;
    void (async () => {
      const settings = await call('settings.get', {});
      if (!active || !settings.ok) return;
      setUrl(settings.value.relayUrl);
      if (settings.value.relayUrl === '') return setPin(null);
      const answer = await call('relay.pin', { url: settings.value.relayUrl });
      if (active && answer.ok) setPin(answer.value);
    })();
    return () => {
      active = false;
    };
  }, [connection, problem]);

  if (url === '') return null;

  async function forget(): Promise<void> {
    const outcome = await call('relay.forgetPin', { url });
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setPin(null);
  }

  const refused = problem === 'relay-key-changed' || problem === 'relay-signature-invalid';
  return (
    <section className="relay-pin" aria-labelledby={`${id}-title`} data-testid="relay-pin">
      <p id={`${id}-title`} className="status-banner-title">
        {t('settings.relayPinTitle')}
      </p>
      {refused && (
        <div
          className="warning"
          role="alert"
          data-testid="relay-key-problem"
          data-problem={problem}
        >
          <p className="status-banner-title">
            {problem === 'relay-key-changed'
              ? t('settings.relayKeyChangedTitle')
              : t('settings.relaySignatureInvalidTitle')}
          </p>
          <p>
            {problem === 'relay-key-changed'
              ? t('settings.relayKeyChangedText')
              : t('settings.relaySignatureInvalidText')}
          </p>
        </div>
      )}
      {pin ? (
        <>
          <p data-testid="relay-pin-fingerprint" data-fingerprint={pin.fingerprint}>
            <MarkedValue
              text={t('settings.relayPinned', { fingerprint: VALUE_SLOT })}
              value={pin.fingerprint}
            />
          </p>
          <p className="hint">{t('settings.relayPinHint')}</p>
          <button type="button" data-testid="relay-forget-pin" onClick={() => void forget()}>
            {t('settings.relayForgetPin')}
          </button>
          <p className="hint">{t('settings.relayForgetPinHint')}</p>
        </>
      ) : (
        <p className="hint">{t('settings.relayPinNone')}</p>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
