// One member of a space: name, "(you)", verified or changed safety number, role, and for admins the
// role choice and removal. Removal says plainly what it can and cannot take back.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { shortFingerprint } from '../lib/fingerprint';
import { formatDay } from '../lib/format-date';
import { spaceName } from './space-name';

type MemberRole = SpaceMember['role'];
const ROLES: MemberRole[] = ['admin', 'editor', 'viewer'];

interface MemberRowProps {
  member: SpaceMember;
  space: SpaceSummary;
  /** I am an admin of this active space, so I may change roles and remove others. */
  manage: boolean;
  onVerify: (deviceKey: string) => void;
  onChanged: () => void;
}

export function MemberRow({ member, space, manage, onVerify, onChanged }: MemberRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const roleChange = useApiAction();
  const name = member.name ?? t('members.unnamed');
  const others = manage && !member.isMe;

  async function setRole(role: MemberRole): Promise<void> {
    await roleChange.run(
      () => call('spaces.setRole', { spaceId: space.id, deviceKey: member.deviceKey, role }),
      onChanged,
    );
  }

  return (
    <li
      className={member.keyChangedFrom ? 'member-item key-changed' : 'member-item'}
      data-testid="member-item"
      data-device-key={member.deviceKey}
      data-role={member.role}
      data-verified={member.verified}
    >
      <div className="member-line">
        <span className="member-name" data-testid="member-name">
          {name}
        </span>
        {member.isMe && <span className="member-you">({t('members.you')})</span>}
        {member.verified && (
          <span className="badge verified" data-testid="member-verified-badge">
            <span aria-hidden="true">✓ </span>
            {t('members.verified')}
          </span>
        )}
        {member.keyChangedFrom && (
          <span className="badge alarm" data-testid="member-key-changed">
            <span aria-hidden="true">⚠ </span>
            {t('verify.keyChangedMarker')}
          </span>
        )}
        {others ? (
          <>
            <label htmlFor={`${id}-role`} className="visually-hidden">
              {t('members.roleOf', { name })}
            </label>
            <select
              id={`${id}-role`}
              className="member-role-select"
              data-testid="member-role-select"
              disabled={roleChange.busy}
              value={member.role}
              onChange={(event) => {
                const role = ROLES.find((r) => r === event.target.value);
                if (role) void setRole(role);
              }}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`spaces.roles.${role}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="member-role">{t(`spaces.roles.${member.role}`)}</span>
        )}
      </div>
      <div className="member-line">
        <span
          className="member-fingerprint"
          title={t('members.fingerprintTitle', { fingerprint: member.fingerprint })}
        >
          {shortFingerprint(member.fingerprint) || t('members.unknownDevice')}
        </span>
        <span className="row-actions">
          {!member.isMe && (
            <button
              type="button"
              data-testid="member-verify"
              onClick={() => onVerify(member.deviceKey)}
            >
              {t('members.verify')}
            </button>
          )}
          {others && (
            <RemoveMemberButton member={member} name={name} space={space} onDone={onChanged} />
          )}
        </span>
      </div>
      <ErrorAlert error={roleChange.error} />
    </li>
  );
}

interface RemoveMemberButtonProps {
  member: SpaceMember;
  name: string;
  space: SpaceSummary;
  onDone: () => void;
}

function RemoveMemberButton({ member, name, space, onDone }: RemoveMemberButtonProps) {
  const { t, i18n } = useTranslation();
  const since = formatDay(member.memberSince, i18n.resolvedLanguage ?? 'en');
  return (
    <ConfirmButton
      label={t('members.remove')}
      testId="member-remove"
      className="danger"
      title={t('members.removeTitle', { name, space: spaceName(t, space.name) })}
      text={t('members.removeKeeps', { name, since })}
      details={
        <>
          <p>{t('members.removeNewKey', { name })}</p>
          <p>{t('members.removeNotice')}</p>
          {space.policy.wipeOnRemoval && <p>{t('members.removeWipe')}</p>}
        </>
      }
      confirmLabel={t('members.removeConfirm')}
      action={() => call('spaces.removeMember', { spaceId: space.id, deviceKey: member.deviceKey })}
      onDone={onDone}
    />
  );
}
