// The banner at the top of a space for each device that uses the name of someone I verified but with
// another key. It is an alert, not a hint: it may be a new phone, or someone pretending to be them.
import { useTranslation } from 'react-i18next';
import type { SpaceMember } from '../../src-shared/api';

interface KeyChangedAlertsProps {
  members: SpaceMember[];
  onVerify: (deviceKey: string) => void;
}

export function KeyChangedAlerts({ members, onVerify }: KeyChangedAlertsProps) {
  const { t } = useTranslation();
  if (members.length === 0) return null;
  return (
    <div className="key-changed-alerts">
      {members.map((member) => {
        const name = member.keyChangedFrom?.name ?? member.name ?? t('members.unnamed');
        return (
          <div
            key={member.deviceKey}
            className="alarm-banner"
            role="alert"
            data-testid="key-changed-alert"
            data-device-key={member.deviceKey}
          >
            <p className="alarm-title">{t('verify.keyChangedTitle', { name })}</p>
            <p>{t('verify.keyChangedText', { name })}</p>
            <button
              type="button"
              className="primary"
              data-testid="key-changed-verify"
              onClick={() => onVerify(member.deviceKey)}
            >
              {t('verify.open', { name })}
            </button>
          </div>
        );
      })}
    </div>
  );
}
