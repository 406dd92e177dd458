// Shows the shared passphrase verdict: five levels as bars and as words (never colour alone), with
// zxcvbn's feedback translated.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LIMITS } from '../../src-shared/limits';
import type { PassphraseStrength } from '../../src-shared/passphrase-strength';
import { en } from '../i18n/locales/en';

type WarningKey = keyof typeof en.strength.warnings;
type SuggestionKey = keyof typeof en.strength.suggestions;

function isWarningKey(key: string): key is WarningKey {
  return Object.hasOwn(en.strength.warnings, key);
}
function isSuggestionKey(key: string): key is SuggestionKey {
  return Object.hasOwn(en.strength.suggestions, key);
}

const LEVEL_KEYS = [
  'strength.level0',
  'strength.level1',
  'strength.level2',
  'strength.level3',
  'strength.level4',
] as const;

function feedback(t: TFunction, strength: PassphraseStrength): string[] {
  const lines: string[] = [];
  if (strength.tooShort) lines.push(t('strength.tooShort', { count: LIMITS.passphraseMinChars }));
  // Keys zxcvbn may add in a later version stay unshown rather than appear untranslated.
  if (strength.warning && isWarningKey(strength.warning)) {
    lines.push(t(`strength.warnings.${strength.warning}`));
  }
  for (const key of strength.suggestions) {
    if (isSuggestionKey(key)) lines.push(t(`strength.suggestions.${key}`));
  }
  if (lines.length === 0 && strength.acceptable) lines.push(t('strength.acceptable'));
  return lines;
}

export function StrengthMeter({
  passphrase,
  strength,
}: {
  passphrase: string;
  strength: PassphraseStrength | null;
}) {
  const { t } = useTranslation();
  const empty = passphrase.length === 0 || strength === null;
  const score = empty ? 0 : strength.score;
  const level = t(LEVEL_KEYS[score]);
  return (
    <div className="strength" data-testid="strength-meter" data-score={empty ? '' : score}>
      <div className="strength-head">
        <span>{t('strength.label')}:</span>{' '}
        <strong className="strength-level">{empty ? '—' : level}</strong>
      </div>
      <div
        className="strength-bars"
        role="meter"
        aria-label={t('strength.label')}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={empty ? t('strength.empty') : level}
      >
        {[0, 1, 2, 3, 4].map((index) => (
          <span
            key={index}
            className={!empty && index <= score ? `bar filled score-${score}` : 'bar'}
          />
        ))}
      </div>
      <ul className="strength-feedback" aria-live="polite">
        {empty ? (
          <li>{t('strength.empty')}</li>
        ) : (
          feedback(t, strength).map((line) => <li key={line}>{line}</li>)
        )}
      </ul>
    </div>
  );
}
