// Who receives a briefing: everyone in the space at the time of sending, or only the members
// chosen here, by name (their devices alone get the key). Members without a known name show the
// start of their safety number, so two of them can still be told apart.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceMember } from '../../src-shared/api';
import { MarkedValue, VALUE_SLOT } from '../components/MarkedValue';
import { shortFingerprint } from '../lib/fingerprint';
import { ChoiceRow } from './ChoiceRow';

interface AudienceFieldProps {
  /** The space's members other than this device. */
  members: readonly SpaceMember[];
  wholeSpace: boolean;
  chosen: readonly string[];
  onChange: (change: { wholeSpace?: boolean; chosen?: readonly string[] }) => void;
  /** Says that the choice is still empty. */
  invalid: boolean;
}

export function AudienceField({
  members,
  wholeSpace,
  chosen,
  onChange,
  invalid,
}: AudienceFieldProps) {
  const { t } = useTranslation();
  const radioName = useId();
  return (
    <fieldset className="briefing-fieldset" data-testid="briefing-audience">
      <legend>{t('briefings.compose.audience')}</legend>
      <ChoiceRow
        type="radio"
        name={radioName}
        testId="briefing-audience-space"
        label={t('briefings.compose.wholeSpace')}
        hint={t('briefings.compose.wholeSpaceHint')}
        checked={wholeSpace}
        onChange={() => onChange({ wholeSpace: true })}
      />
      <ChoiceRow
        type="radio"
        name={radioName}
        testId="briefing-audience-chosen"
        label={t('briefings.compose.chosen')}
        hint={t('briefings.compose.chosenHint')}
        checked={!wholeSpace}
        onChange={() => onChange({ wholeSpace: false })}
      />
      {!wholeSpace && (
        <div
          className="briefing-members"
          role="group"
          aria-label={t('briefings.compose.chosen')}
          aria-invalid={invalid || undefined}
        >
          {members.length === 0 && <p className="hint">{t('briefings.compose.noMembers')}</p>}
          {members.map((member) => (
            <MemberChoice
              key={member.deviceKey}
              member={member}
              checked={chosen.includes(member.deviceKey)}
              onChange={(on) =>
                onChange({
                  chosen: on
                    ? [...chosen, member.deviceKey]
                    : chosen.filter((key) => key !== member.deviceKey),
                })
              }
            />
          ))}
        </div>
      )}
    </fieldset>
  );
}

function MemberChoice(props: {
  member: SpaceMember;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const { member } = props;
  const id = `briefing-member-${member.deviceKey}`;
  return (
    <div className="checkbox-row" data-testid="briefing-member" data-device-key={member.deviceKey}>
      <input
        id={id}
        type="checkbox"
        data-testid="briefing-member-check"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {member.name !== null && member.name.trim() !== '' ? (
          <span data-testid="briefing-member-name">{member.name}</span>
        ) : (
          <MarkedValue
            text={t('briefings.unnamedMember', { number: VALUE_SLOT })}
            value={shortFingerprint(member.fingerprint)}
          />
        )}
        {member.verified && (
          <span className="badge verified briefing-member-badge">
            <span aria-hidden="true">✓ </span>
            {t('members.verified')}
          </span>
        )}
      </label>
    </div>
  );
}
