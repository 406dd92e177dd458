// Sharing one event with a member of another of my spaces: choose the space, then the member by
// name; the event reaches them encrypted to their device, read-only.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApiAction } from '../hooks/use-api-action';
import { formatDay } from '../lib/format-date';
import { spaceName } from '../spaces/space-name';
import { otherSpaces, shareableMembers } from './share-people';

interface ShareMemberPanelProps {
  spaceId: string;
  eventId: string;
  occurrence?: string;
  spaces: readonly SpaceSummary[];
}

export function ShareMemberPanel({ spaceId, eventId, occurrence, spaces }: ShareMemberPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const candidates = otherSpaces(spaces, spaceId);
  const [toSpaceId, setToSpaceId] = useState(candidates[0]?.id ?? '');
  const members = shareableMembers(candidates.find((space) => space.id === toSpaceId));
  const [deviceKey, setDeviceKey] = useState('');
  const chosen = members.find((member) => member.deviceKey === deviceKey) ?? members[0] ?? null;
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
          () => setSharedWith(nameOf(chosen)),
        );
      }}
    >
      <label htmlFor={`${id}-space`}>{t('calendar.share.space')}</label>
      <select
        id={`${id}-space`}
        data-testid="share-space"
        value={toSpaceId}
        onChange={(event) => {
          setToSpaceId(event.target.value);
          setDeviceKey('');
        }}
      >
        {candidates.map((space) => (
          <option key={space.id} value={space.id}>
            {spaceName(t, space.name)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-member`}>{t('calendar.share.member')}</label>
      <select
        id={`${id}-member`}
        data-testid="share-member"
        value={chosen?.deviceKey ?? ''}
        disabled={members.length === 0}
        onChange={(event) => setDeviceKey(event.target.value)}
      >
        {members.map((member) => (
          <option key={member.deviceKey} value={member.deviceKey}>
            {nameOf(member)}
          </option>
        ))}
      </select>
      {members.length === 0 && <p className="hint">{t('calendar.share.noMembers')}</p>}
      <p className="hint">{t('calendar.share.memberHint')}</p>
      <p role="status" className="success" data-testid="share-member-done">
        {sharedWith !== null ? t('calendar.share.sharedWith', { name: sharedWith }) : ''}
      </p>
      <ErrorAlert error={action.error} />
      <div className="dialog-actions">
        <button
          type="submit"
          className="primary"
          data-testid="share-member-submit"
          disabled={!chosen || action.busy}
        >
          {t('calendar.share.shareWithMember')}
        </button>
      </div>
    </form>
  );
}
