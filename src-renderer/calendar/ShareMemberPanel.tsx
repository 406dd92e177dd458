// Sharing one event with a member of another of my spaces: choose the space, then the member by
// name; the event reaches them encrypted to their device, read-only.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { FormActions } from '../components/FormActions';
import { useApiAction } from '../hooks/use-api-action';
import { formatDay } from '../lib/format-date';
import { chosenMember, MemberSelect } from '../spaces/MemberSelect';
import { otherSpaces, shareableMembers } from './share-people';
import { SpaceSelect } from './SpaceSelect';

interface ShareMemberPanelProps {
  spaceId: string;
  eventId: string;
  occurrence?: string;
  spaces: readonly SpaceSummary[];
  onShared: () => void;
}

export function ShareMemberPanel(props: ShareMemberPanelProps) {
  const { spaceId, eventId, occurrence, spaces, onShared } = props;
  const { t, i18n } = useTranslation();
  const id = useId();
  const candidates = otherSpaces(spaces, spaceId);
  const [toSpaceId, setToSpaceId] = useState(candidates[0]?.id ?? '');
  const members = shareableMembers(candidates.find((space) => space.id === toSpaceId));
  const [deviceKey, setDeviceKey] = useState('');
  const chosen = chosenMember(members, deviceKey);
  const [sharedWith, setSharedWith] = useState<string | null>(null);
  const action = useApiAction();

  const nameOf = (member: SpaceMember) =>
    member.name ??
    t('calendar.share.unnamedMember', {
      role: t(`spaces.roles.${member.role}`),
      since: formatDay(member.memberSince, i18n.resolvedLanguage ?? 'en'),
    });

  if (candidates.length === 0) return <p className="hint">{t('calendar.share.noOtherSpaces')}</p>;
  return (
    <form
      aria-busy={action.busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        const args = { spaceId, eventId, toSpaceId, deviceKey: chosen.deviceKey };
        void action.run(
          () => call('calendar.shareWith', occurrence ? { ...args, occurrence } : args),
          () => {
            setSharedWith(nameOf(chosen));
            onShared();
          },
        );
      }}
    >
      <label htmlFor={`${id}-space`}>{t('calendar.share.space')}</label>
      <SpaceSelect
        id={`${id}-space`}
        testId="share-space"
        spaces={candidates}
        value={toSpaceId}
        onChange={(next) => {
          setToSpaceId(next);
          setDeviceKey('');
        }}
      />
      <label htmlFor={`${id}-member`}>{t('calendar.share.member')}</label>
      <MemberSelect
        id={`${id}-member`}
        testId="share-member"
        members={members}
        chosen={chosen}
        nameOf={nameOf}
        disabled={members.length === 0}
        onChange={setDeviceKey}
      />
      {members.length === 0 && <p className="hint">{t('calendar.share.noMembers')}</p>}
      <p className="hint">{t('calendar.share.memberHint')}</p>
      <p role="status" className="success" data-testid="share-member-done">
        {sharedWith !== null ? t('calendar.share.sharedWith', { name: sharedWith }) : ''}
      </p>
      <FormActions
        action={action}
        submitLabel={t('calendar.share.shareWithMember')}
        ready={chosen !== null && !action.busy}
        submitTestId="share-member-submit"
      />
    </form>
  );
}
