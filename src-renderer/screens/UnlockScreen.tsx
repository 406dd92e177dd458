// Unlock: one field, one button; while Argon2id runs the field keeps focus (read-only, not disabled)
// so that after a wrong passphrase the user can retype at once over the selected text.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api';
import { call } from '../bridge/call';
import { BusyIndicator } from '../components/BusyIndicator';
import { errorMessage } from '../i18n/error-message';
import { EraseVaultButton } from '../safety/EraseVaultButton';
import { ScreenFrame } from './ScreenFrame';
import { AppName } from '../appearance/AppName';
import { useDisguise } from '../appearance/use-appearance';

export type LockReason = 'user' | 'idle' | 'quit' | 'wipe' | 'exit' | null;

export function UnlockScreen({
  reason,
  onUnlocked,
  onErased,
}: {
  reason: LockReason;
  onUnlocked: () => void;
  onErased: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Disguised: the disguise's name and neutral words, nothing that says what the app is.
  const disguised = useDisguise() !== 'none';

  useEffect(() => {
    if (error) input.current?.select();
  }, [error]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (busy || passphrase.length === 0) return;
    setBusy(true);
    setError(null);
    const outcome = await call('vault.unlock', { passphrase });
    setBusy(false);
    if (outcome.ok) {
      setPassphrase('');
      onUnlocked();
    } else {
      setError(outcome.error);
      input.current?.focus();
    }
  }

  return (
    <ScreenFrame>
      <h1>{disguised ? <AppName /> : t('unlock.title')}</h1>
      {reason === 'idle' && (
        <p className="muted">
          {disguised ? t('disguise.screen.lockedIdle') : t('unlock.lockedIdle')}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <label htmlFor={id}>
          {disguised ? t('disguise.screen.password') : t('unlock.passphrase')}
        </label>
        <input
          id={id}
          ref={input}
          type="password"
          data-testid="unlock-passphrase"
          autoFocus
          autoComplete="current-password"
          spellCheck={false}
          readOnly={busy}
          value={passphrase}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <div role="alert" id={`${id}-error`} className="error-slot">
          {error && (
            <p className="error" data-testid="unlock-error">
              {errorMessage(t, error)}
            </p>
          )}
        </div>
        {busy ? (
          <BusyIndicator label={t('unlock.unlocking')} testId="unlock-busy" />
        ) : (
          <p className="hint busy-slot">
            {disguised ? t('disguise.screen.unlockHint') : t('unlock.takesSeconds')}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="unlock-submit"
            disabled={busy || passphrase.length === 0}
          >
            {busy ? t('unlock.submitBusy') : t('unlock.submit')}
          </button>
        </div>
      </form>
      <section className="emergency" aria-label={t('safety.emergency')}>
        <EraseVaultButton onErased={onErased} />
      </section>
    </ScreenFrame>
  );
}
