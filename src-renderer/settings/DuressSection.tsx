// Settings' duress passphrase: what it does, setting or replacing it, preparing the decoy (this vault
// locks and the decoy opens, without the destroy effect) and removing it. While the decoy is being
// prepared, only a note that says so and how to go back.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DuressStatus } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ConfirmButton } from '../components/ConfirmButton';
import { errorMessage } from '../i18n/error-message';
import { DuressSetForm } from './DuressSetForm';
import { useApiAction } from '../hooks/use-api-action';
import { ErrorAlert } from '../components/ErrorAlert';

function PrepareDecoyForm() {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || passphrase.length === 0) return;
    setBusy(true);
    setError(null);
    // On success this vault locks and the decoy opens: this whole screen is replaced.
    const outcome = await call('duress.prepare', { passphrase });
    setBusy(false);
    if (!outcome.ok) setError(outcome.error);
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <p className="hint">{t('duress.prepareExplain')}</p>
      <label htmlFor={id}>{t('duress.preparePassphrase')}</label>
      <input
        id={id}
        type="password"
        data-testid="duress-prepare-passphrase"
        autoComplete="off"
        spellCheck={false}
        readOnly={busy}
        maxLength={LIMITS.passphraseMaxChars}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <div role="alert" className="error-slot">
        {error && <p className="error">{errorMessage(t, error)}</p>}
      </div>
      {busy && <BusyIndicator label={t('duress.opening')} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="duress-prepare-submit"
          disabled={busy || passphrase.length === 0}
        >
          {t('duress.prepareSubmit')}
        </button>
      </div>
    </form>
  );
}

export function DuressSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [status, setStatus] = useState<DuressStatus | null>(null);
  const [form, setForm] = useState<'none' | 'set' | 'prepare'>('none');
  // Bumped after a change, to read the status again.
  const [version, setVersion] = useState(0);
  const refresh = (): void => setVersion((n) => n + 1);
  useEffect(() => {
    let active = true;
    void call('duress.status', {}).then((outcome) => {
      if (active && outcome.ok) setStatus(outcome.value);
    });
    return () => {
      active = false;
    };
  }, [version]);

  if (!status) return null;
  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="duress">
      <h3 id={headingId}>{t('duress.title')}</h3>
      {status.preparing ? (
        <p className="hint" data-testid="duress-preparing">
          {t('duress.preparing')}
        </p>
      ) : (
        <>
          <p className="hint">{t('duress.explain')}</p>
          <p data-testid="duress-state">
            {!status.set
              ? t('duress.notSet')
              : status.destroysVault
                ? t('duress.setDestroys')
                : t('duress.setDecoyOnly')}
          </p>
          {status.unfinished && <UnfinishedNotice onDismissed={refresh} />}
          <div className="actions">
            <button type="button" data-testid="duress-open-set" onClick={() => setForm('set')}>
              {status.set ? t('duress.replace') : t('duress.setOpen')}
            </button>
            {status.set && (
              <button
                type="button"
                data-testid="duress-open-prepare"
                onClick={() => setForm('prepare')}
              >
                {t('duress.prepareOpen')}
              </button>
            )}
            {status.set && (
              <ConfirmButton
                label={t('duress.remove')}
                testId="duress-remove"
                title={t('duress.removeTitle')}
                text={t('duress.removeExplain')}
                confirmLabel={t('duress.removeConfirm')}
                action={() => call('duress.remove', {})}
                onDone={refresh}
              />
            )}
          </div>
          {form === 'set' && (
            <DuressSetForm
              replacing={status.set}
              onSet={() => {
                setForm('none');
                refresh();
              }}
              onFailed={refresh}
            />
          )}
          {form === 'prepare' && status.set && <PrepareDecoyForm />}
        </>
      )}
    </section>
  );
}

/** A set cut short by a crash was undone: said until dismissed (only the notice goes). */
function UnfinishedNotice({ onDismissed }: { onDismissed: () => void }) {
  const { t } = useTranslation();
  const dismiss = useApiAction();
  return (
    <div data-testid="duress-unfinished">
      <p className="error">{t('duress.unfinished')}</p>
      <ErrorAlert error={dismiss.error} />
      <button
        type="button"
        disabled={dismiss.busy}
        onClick={() => void dismiss.run(() => call('duress.dismissUnfinished', {}), onDismissed)}
      >
        {t('duress.dismissUnfinished')}
      </button>
    </div>
  );
}
