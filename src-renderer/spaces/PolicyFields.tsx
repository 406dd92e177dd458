// The three rules of a space as checkboxes, each saying what it does. Used when creating a space and
// in the space's settings; both places must describe the rules in the same words.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpacePolicy } from '../../src-shared/api';

const RULES = [
  { key: 'twoAdminApproval', label: 'policy.twoAdmin', testId: 'policy-two-admin' },
  { key: 'joinApproval', label: 'policy.joinApproval', testId: 'policy-join-approval' },
  { key: 'wipeOnRemoval', label: 'policy.wipe', testId: 'policy-wipe' },
] as const;

export const NO_RULES: SpacePolicy = {
  twoAdminApproval: false,
  joinApproval: false,
  wipeOnRemoval: false,
};

interface PolicyFieldsProps {
  policy: SpacePolicy;
  onChange: (policy: SpacePolicy) => void;
  disabled: boolean;
  /** Keeps test ids apart when the create dialog opens over a space showing its own rules. */
  testIdPrefix?: string;
}

export function PolicyFields({ policy, onChange, disabled, testIdPrefix = '' }: PolicyFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="policy-fields" disabled={disabled}>
      <legend>{t('policy.title')}</legend>
      {RULES.map((rule) => (
        <div key={rule.key} className="checkbox-row">
          <input
            type="checkbox"
            id={`${id}-${rule.key}`}
            data-testid={`${testIdPrefix}${rule.testId}`}
            checked={policy[rule.key]}
            onChange={(event) => onChange({ ...policy, [rule.key]: event.target.checked })}
          />
          <label htmlFor={`${id}-${rule.key}`}>{t(rule.label)}</label>
        </div>
      ))}
      {policy.wipeOnRemoval && <p className="hint">{t('policy.wipeHint')}</p>}
    </fieldset>
  );
}
