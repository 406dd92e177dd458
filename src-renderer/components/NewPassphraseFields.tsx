// A new passphrase typed twice: the field, the strength meter, the confirmation field and the
// mismatch hint, as creating the vault and changing its passphrase both ask for it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../src-shared/limits';
import type { PassphraseStrength } from '../../src-shared/passphrase-strength';
import { StrengthMeter } from './StrengthMeter';

/** Whether the confirmation repeats a passphrase that is not empty. */
export function passphrasesMatch(passphrase: string, confirm: string): boolean {
  return passphrase.length > 0 && passphrase === confirm;
}

interface NewPassphraseFieldsProps {
  label: string;
  confirmLabel: string;
  passphrase: string;
  confirm: string;
  strength: PassphraseStrength | null;
  busy: boolean;
  onPassphraseChange: (passphrase: string) => void;
  onConfirmChange: (confirm: string) => void;
  passphraseTestId?: string;
  confirmTestId?: string;
  autoFocus?: boolean;
  /** The id of what describes the passphrase field (the rules it must meet). */
  describedBy?: string;
}

export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const mismatch = props.confirm.length > 0 && !passphrasesMatch(props.passphrase, props.confirm);
  return (
    <>
      <label htmlFor={`${id}-pass`}>{props.label}</label>
      <input
        id={`${id}-pass`}
        type="password"
        data-testid={props.passphraseTestId}
        autoFocus={props.autoFocus}
        autoComplete="new-password"
        spellCheck={false}
        readOnly={props.busy}
        maxLength={LIMITS.passphraseMaxChars}
        aria-describedby={props.describedBy}
        value={props.passphrase}
        onChange={(event) => props.onPassphraseChange(event.target.value)}
      />
      <StrengthMeter passphrase={props.passphrase} strength={props.strength} />
      <label htmlFor={`${id}-confirm`}>{props.confirmLabel}</label>
      <input
        id={`${id}-confirm`}
        type="password"
        data-testid={props.confirmTestId}
        autoComplete="new-password"
        spellCheck={false}
        readOnly={props.busy}
        maxLength={LIMITS.passphraseMaxChars}
        aria-invalid={mismatch ? true : undefined}
        value={props.confirm}
        onChange={(event) => props.onConfirmChange(event.target.value)}
      />
      <p className="hint" aria-live="polite">
        {mismatch ? t('onboarding.mismatch') : ''}
      </p>
    </>
  );
}
