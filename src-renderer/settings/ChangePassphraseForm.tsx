// Change the passphrase: the current one, a new one held to the same rule as at creation, confirmed.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { BusyIndicator } from '../components/BusyIndicator';
import { NewPassphraseFields, passphrasesMatch } from '../components/NewPassphraseFields';
import { usePassphraseStrength } from '../hooks/use-passphrase-strength';
import { errorMessage } from '../i18n/error-message';

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const strength = usePassphraseStrength(next);
  const matches = passphrasesMatch(next, confirm);
  const ready = current.length > 0 && strength?.acceptable === true && matches;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setDone(false);
    setError(null);
    const outcome = await call('vault.changePassphrase', { current, next });
    setBusy(false);
    if (outcome.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } else {
      setError(outcome.error);
    }
  }

  return (
    <section className="settings-section">
      <h3>{t('settings.changePassphrase')}</h3>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label htmlFor={`${id}-current`}>{t('settings.currentPassphrase')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          readOnly={busy}
          maxLength={LIMITS.passphraseMaxChars}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <NewPassphraseFields
          label={t('settings.newPassphrase')}
          confirmLabel={t('settings.confirmPassphrase')}
          passphrase={next}
          confirm={confirm}
          strength={strength}
          busy={busy}
          onPassphraseChange={setNext}
          onConfirmChange={setConfirm}
        />
        <div role="alert" className="error-slot">
          {error && <p className="error">{errorMessage(t, error)}</p>}
        </div>
        <div role="status" aria-live="polite">
          {done && <p className="success">{t('settings.changed')}</p>}
        </div>
        {busy && <BusyIndicator label={t('settings.changing')} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={!ready || busy}>
            {busy ? t('settings.changeBusy') : t('settings.changeSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
