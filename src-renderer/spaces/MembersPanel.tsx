// The members of a space, with what I may do about them: verify anyone, and as an admin change
// roles, remove and add; the space's fingerprint to compare with them; leave for myself.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';
import { SpaceFingerprint } from './SpaceFingerprint';
import { isActiveAdmin } from './space-access';
import { spaceName } from './space-name';

interface MembersPanelProps {
  space: SpaceSummary;
  onChanged: () => void;
  onVerify: (deviceKey: string) => void;
}

export function MembersPanel({ space, onChanged, onVerify }: MembersPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const admin = isActiveAdmin(space);
  return (
    <section className="side-section" data-testid="members-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('members.title', { count: space.members.length })}</h3>
      {space.rotationNeeded && (
        <p className="hint" role="note" data-testid="rotation-hint">
          {t(admin ? 'space.rotationHint' : 'space.rotationWaiting')}
        </p>
      )}
      <ul className="member-list">
        {space.members.map((member) => (
          <MemberRow
            key={member.deviceKey}
            member={member}
            space={space}
            manage={admin}
            onVerify={onVerify}
            onChanged={onChanged}
          />
        ))}
      </ul>
      <SpaceFingerprint fingerprint={space.fingerprint} />
      {admin && <AddMemberForm spaceId={space.id} onAdded={onChanged} />}
      {space.status === 'active' && (
        <div className="leave-space">
          <ConfirmButton
            label={t('space.leave')}
            testId="space-leave"
            title={t('space.leaveTitle', { name: spaceName(t, space.name) })}
            text={t('space.leaveText')}
            details={<p>{t('space.leaveLastAdmin')}</p>}
            confirmLabel={t('space.leaveConfirm')}
            action={() => call('spaces.leave', { spaceId: space.id })}
            onDone={onChanged}
          />
        </div>
      )}
    </section>
  );
}
