// An admin's open invites: each with its role and expiry (expired ones marked) and Revoke, and the
// button that makes a new one.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingInvite, SpaceSummary } from '../../src-shared/api';
import { call } from '../bridge/call';
import { ActionButton } from '../components/ActionButton';
import { useNow } from '../hooks/use-now';
import { formatFullDate } from '../lib/format-date';
import { formatExpiryDistance, isInviteExpired } from '../lib/invite-expiry';
import { InviteDialog } from './InviteDialog';

interface InvitesPanelProps {
  space: SpaceSummary;
  onChanged: () => void;
}

export function InvitesPanel({ space, onChanged }: InvitesPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [creating, setCreating] = useState(false);
  const now = useNow(60_000);
  return (
    <section className="side-section" data-testid="invites-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('invites.title')}</h3>
      {space.invites.length === 0 ? (
        <p className="hint">{t('invites.none')}</p>
      ) : (
        <ul className="invite-list">
          {space.invites.map((invite) => (
            <InviteItem
              key={invite.id}
              invite={invite}
              spaceId={space.id}
              now={now}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      <button type="button" data-testid="invite-create-open" onClick={() => setCreating(true)}>
        {t('invites.create')}
      </button>
      {creating && (
        <InviteDialog space={space} onClose={() => setCreating(false)} onCreated={onChanged} />
      )}
    </section>
  );
}

interface InviteItemProps {
  invite: PendingInvite;
  spaceId: string;
  now: number;
  onChanged: () => void;
}

function InviteItem({ invite, spaceId, now, onChanged }: InviteItemProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const expired = isInviteExpired(invite.expiresAt, now);
  const when = formatExpiryDistance(invite.expiresAt, now, language);

  return (
    <li
      className={expired ? 'invite-item expired' : 'invite-item'}
      data-testid="invite-item"
      data-expired={expired}
    >
      <span className="invite-role">{t(`spaces.roles.${invite.role}`)}</span>
      <time
        className="invite-expiry"
        dateTime={new Date(invite.expiresAt).toISOString()}
        title={formatFullDate(invite.expiresAt, language)}
      >
        {expired ? t('invites.expired', { when }) : t('invites.expires', { when })}
      </time>
      <ActionButton
        label={t('invites.revoke')}
        testId="invite-revoke"
        action={() => call('spaces.revokeInvite', { spaceId, inviteId: invite.id })}
        onDone={onChanged}
      />
    </li>
  );
}
