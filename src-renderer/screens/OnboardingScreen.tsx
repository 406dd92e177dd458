// Create the vault: a passphrase that meets the same rule main enforces, typed twice, with the plain
// warning that nobody can recover it.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, DeviceIdentity } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { call } from '../bridge/call';
import { BusyIndicator } from '../components/BusyIndicator';
import { NewPassphraseFields, passphrasesMatch } from '../components/NewPassphraseFields';
import { usePassphraseStrength } from '../hooks/use-passphrase-strength';
import { errorMessage } from '../i18n/error-message';
import { ScreenFrame } from './ScreenFrame';
import { AppName } from '../appearance/AppName';
import { useDisguise } from '../appearance/use-appearance';

function Rule({ met, text }: { met: boolean; text: string }) {
  const { t } = useTranslation();
  return (
    <li className={met ? 'rule met' : 'rule'}>
      <span aria-hidden="true" className="rule-mark">
        {met ? '✓' : '•'}
      </span>{' '}
      {text}{' '}
      <span className="visually-hidden">
        ({met ? t('onboarding.met') : t('onboarding.notMet')})
      </span>
    </li>
  );
}

export function OnboardingScreen({ onCreated }: { onCreated: (identity: DeviceIdentity) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const strength = usePassphraseStrength(passphrase);
  // Disguised (kept after a panic wipe): neutral words, nothing that says what the app is.
  const disguised = useDisguise() !== 'none';

  const longEnough = [...passphrase].length >= LIMITS.passphraseMinChars;
  const strongEnough = strength !== null && strength.score >= LIMITS.passphraseMinScore;
  const matches = passphrasesMatch(passphrase, confirm);
  const acceptable = strength?.acceptable === true && matches;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!acceptable || busy) return;
    setBusy(true);
    setError(null);
    const outcome = await call('vault.create', { passphrase });
    if (outcome.ok) {
      onCreated(outcome.value);
      return;
    }
    setBusy(false);
    setError(outcome.error);
  }

  return (
    <ScreenFrame>
      <h1>{disguised ? <AppName /> : t('onboarding.title')}</h1>
      <p>{disguised ? t('disguise.screen.intro') : t('onboarding.intro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <NewPassphraseFields
          label={disguised ? t('disguise.screen.password') : t('onboarding.passphrase')}
          confirmLabel={disguised ? t('disguise.screen.repeatPassword') : t('onboarding.confirm')}
          passphrase={passphrase}
          confirm={confirm}
          strength={strength}
          busy={busy}
          onPassphraseChange={setPassphrase}
          onConfirmChange={setConfirm}
          passphraseTestId="create-passphrase"
          confirmTestId="create-passphrase-confirm"
          autoFocus
          describedBy={`${id}-rules`}
        />
        <div id={`${id}-rules`} className="rules">
          <p className="rules-title">{t('onboarding.rulesTitle')}:</p>
          <ul>
            <Rule
              met={longEnough}
              text={t('onboarding.ruleLength', { count: LIMITS.passphraseMinChars })}
            />
            <Rule met={strongEnough} text={t('onboarding.ruleStrength')} />
            <Rule met={matches} text={t('onboarding.ruleMatch')} />
          </ul>
          <p className="hint">{t('onboarding.tip')}</p>
        </div>
        <p className="warning" role="note">
          {disguised ? t('disguise.screen.warning') : t('onboarding.warning')}
        </p>
        <div role="alert" className="error-slot">
          {error && <p className="error">{errorMessage(t, error)}</p>}
        </div>
        {busy ? (
          <BusyIndicator label={t('onboarding.creating')} testId="create-busy" />
        ) : (
          <p className="hint busy-slot">
            {disguised ? t('disguise.screen.createHint') : t('onboarding.takesSeconds')}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="create-vault"
            disabled={!acceptable || busy}
          >
            {busy ? t('onboarding.createBusy') : t('onboarding.create')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
