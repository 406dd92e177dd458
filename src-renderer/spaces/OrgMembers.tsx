// For an admin of my organisation: who belongs to it (by name, with their role), removing one, and
// adding a member of the space (chosen by name) as an admin or member. Someone already in another
// organisation is refused by main ('other-organisation'), which the error message explains.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import type { OrganisationSummary } from '../../src-shared/calendar/calendar-api';
import { call } from '../bridge/call';
import { ActionButton } from '../components/ActionButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { chosenMember, MemberSelect } from './MemberSelect';

type OrgRole = 'admin' | 'member';

interface OrgMembersProps {
  space: SpaceSummary;
  org: OrganisationSummary;
  onChanged: () => void;
}

export function OrgMembers({ space, org, onChanged }: OrgMembersProps) {
  const { t } = useTranslation();
  const id = useId();
  const inOrg = new Set(org.members.map((member) => member.deviceKey));
  const candidates = space.members.filter((member) => !inOrg.has(member.deviceKey));
  const [deviceKey, setDeviceKey] = useState('');
  const [role, setRole] = useState<OrgRole>('member');
  const chosen = chosenMember(candidates, deviceKey);
  const action = useApiAction();
  const nameOf = (name: string | null) => name ?? t('members.unnamed');

  return (
    <div className="org-members" data-testid="org-members">
      <h4>{t('calendar.orgs.membersOf', { org: org.name })}</h4>
      <ul className="member-list">
        {org.members.map((member) => (
          <li key={member.deviceKey} className="member-item" data-testid="org-member">
            <div className="member-line">
              <span className="member-name">{nameOf(member.name)}</span>
              <span className="member-role">{t(`calendar.orgs.roles.${member.role}`)}</span>
            </div>
            <span className="row-actions">
              <ActionButton
                label={t('calendar.orgs.remove')}
                testId="org-member-remove"
                className="danger"
                action={() =>
                  call('orgs.removeMember', {
                    spaceId: space.id,
                    orgId: org.id,
                    deviceKey: member.deviceKey,
                  })
                }
                onDone={onChanged}
              />
            </span>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <form
          aria-busy={action.busy}
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return;
            void action.run(
              () =>
                call('orgs.addMember', {
                  spaceId: space.id,
                  orgId: org.id,
                  deviceKey: chosen.deviceKey,
                  role,
                }),
              onChanged,
            );
          }}
        >
          <label htmlFor={`${id}-member`}>{t('calendar.orgs.addMember')}</label>
          <MemberSelect
            id={`${id}-member`}
            testId="org-add-member"
            members={candidates}
            chosen={chosen}
            nameOf={(member) => nameOf(member.name)}
            onChange={setDeviceKey}
          />
          <label htmlFor={`${id}-role`}>{t('calendar.orgs.role')}</label>
          <select
            id={`${id}-role`}
            data-testid="org-add-role"
            value={role}
            onChange={(event) => setRole(event.target.value === 'admin' ? 'admin' : 'member')}
          >
            <option value="member">{t('calendar.orgs.roles.member')}</option>
            <option value="admin">{t('calendar.orgs.roles.admin')}</option>
          </select>
          <p className="hint">{t('calendar.orgs.oneOrganisation')}</p>
          <div className="dialog-actions">
            <button type="submit" data-testid="org-add-submit" disabled={!chosen || action.busy}>
              {t('calendar.orgs.addSubmit')}
            </button>
          </div>
          <ErrorAlert error={action.error} />
        </form>
      )}
    </div>
  );
}
