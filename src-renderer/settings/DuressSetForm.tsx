// Setting (or replacing) the duress passphrase: typed twice and held to the vault passphrase's rule,
// and the choice whether its use also destroys this vault. A failure is followed by the status read
// again (duress-set-flow.ts): a failed replace leaves no duress passphrase at all.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { BusyIndicator } from '../components/BusyIndicator';
import { NewPassphraseFields, passphrasesMatch } from '../components/NewPassphraseFields';
import { usePassphraseStrength } from '../hooks/use-passphrase-strength';
import { errorMessage } from '../i18n/error-message';
import { failedSetNote, setDuress } from './duress-set-flow';

export function DuressSetForm(props: {
  replacing: boolean;
  onSet: () => void;
  /** After a failed set: Settings reads the status again, as it may have changed. */
  onFailed: () => void;
}) {
  const { replacing, onSet, onFailed } = props;
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [destroysVault, setDestroysVault] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<ReturnType<typeof failedSetNote>>(null);
  const strength = usePassphraseStrength(passphrase);
  const ready = strength?.acceptable === true && passphrasesMatch(passphrase, confirm);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    setNote(null);
    const outcome = await setDuress(call, { passphrase, destroysVault });
    setBusy(false);
    if (outcome.ok) {
      setPassphrase('');
      setConfirm('');
      onSet();
    } else {
      setError(outcome.error);
      setNote(failedSetNote(replacing, outcome.statusAfter));
      onFailed();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy} data-testid="duress-set-form">
      {replacing && <p className="hint">{t('duress.replaceWarning')}</p>}
      <NewPassphraseFields
        label={t('duress.passphrase')}
        confirmLabel={t('duress.confirm')}
        passphrase={passphrase}
        confirm={confirm}
        strength={strength}
        busy={busy}
        onPassphraseChange={setPassphrase}
        onConfirmChange={setConfirm}
        passphraseTestId="duress-passphrase"
        confirmTestId="duress-passphrase-confirm"
      />
      <div className="checkbox-row">
        <input
          id={`${id}-destroy`}
          type="checkbox"
          data-testid="duress-destroys"
          checked={destroysVault}
          disabled={busy}
          aria-describedby={`${id}-destroy-hint`}
          onChange={(event) => setDestroysVault(event.target.checked)}
        />
        <label htmlFor={`${id}-destroy`}>{t('duress.destroyLabel')}</label>
      </div>
      <p className="hint" id={`${id}-destroy-hint`}>
        {t('duress.destroyHint')}
      </p>
      <div role="alert" className="error-slot">
        {error && <p className="error">{errorMessage(t, error)}</p>}
        {error && note && (
          <p className="error" data-testid="duress-failed-note">
            {t(note)}
          </p>
        )}
      </div>
      {busy && <BusyIndicator label={t('duress.setting')} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={!ready || busy}
          data-testid="duress-set"
        >
          {t('duress.setSubmit')}
        </button>
      </div>
    </form>
  );
}
