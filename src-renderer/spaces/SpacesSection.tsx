// The sidebar's shared spaces: invitations to accept or decline, then the list (with each space's
// status and anything that wants my attention), "New shared space" and "Join with invite".
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';
import { InvitationActions } from './InvitationActions';
import { JoinDialog } from './JoinDialog';
import { NewSpaceDialog } from './NewSpaceDialog';
import { membersWithChangedKeys } from './space-access';
import { groupSpaces } from './space-list';
import { spaceName } from './space-name';

interface SpacesSectionProps {
  spaces: SpaceSummary[] | null;
  error: ApiError | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** A space this device just created or joined: put it in the list and open it. */
  onAdded: (space: SpaceSummary) => void;
  /** An invitation was accepted: main returns the space, now active. */
  onAccepted: (space: SpaceSummary) => void;
  /** An invitation was declined: main has forgotten that space. */
  onDeclined: (spaceId: string) => void;
  onRetry: () => void;
  /** Changes each time focus should move to this section's heading (e.g. after a decline). */
  focusRequest?: number;
}

export function SpacesSection(props: SpacesSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const invitationsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<'create' | 'join' | null>(null);
  const added = (space: SpaceSummary): void => {
    setDialog(null);
    props.onAdded(space);
  };
  // The button that had focus is gone with the declined invitation; keep keyboard users here.
  const { focusRequest } = props;
  useEffect(() => {
    if (focusRequest) headingRef.current?.focus();
  }, [focusRequest]);
  const groups = groupSpaces(props.spaces ?? []);
  return (
    <section className="spaces-section" data-testid="spaces-section" aria-labelledby={headingId}>
      <div className="spaces-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('spaces.section')}
        </h2>
        <div className="spaces-head-actions">
          <button type="button" data-testid="new-space" onClick={() => setDialog('create')}>
            {t('spaces.new')}
          </button>
          <button type="button" data-testid="join-open" onClick={() => setDialog('join')}>
            {t('spaces.join')}
          </button>
        </div>
      </div>
      {props.error && (
        <div className="error" role="alert">
          <p>{t('spaces.loadFailed')}</p>
          <p>{errorMessage(t, props.error)}</p>
          <button type="button" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {groups.invitations.length > 0 && (
        <div className="invitations" data-testid="invitations">
          <h3 id={invitationsId}>{t('spaces.invitations')}</h3>
          <ul className="note-list" aria-labelledby={invitationsId}>
            {groups.invitations.map((space) => (
              <li key={space.id} className="invitation-item" data-testid="invitation-item">
                <button
                  type="button"
                  className="note-item space-item"
                  data-testid="space-item"
                  data-status={space.status}
                  aria-current={space.id === props.selectedId ? 'true' : undefined}
                  onClick={() => props.onSelect(space.id)}
                >
                  <span className="note-item-head">
                    <SpaceTitle name={space.name} />
                  </span>
                </button>
                <InvitationActions
                  space={space}
                  onAccepted={props.onAccepted}
                  onDeclined={() => props.onDeclined(space.id)}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.spaces === null ? (
        !props.error && <p className="list-empty">{t('common.loading')}</p>
      ) : groups.spaces.length === 0 ? (
        <p className="list-empty">{t('spaces.none')}</p>
      ) : (
        <ul className="note-list" aria-labelledby={headingId}>
          {groups.spaces.map((space) => (
            <li key={space.id}>
              <SpaceItem
                space={space}
                selected={space.id === props.selectedId}
                onSelect={() => props.onSelect(space.id)}
              />
            </li>
          ))}
        </ul>
      )}
      {dialog === 'create' && <NewSpaceDialog onClose={() => setDialog(null)} onCreated={added} />}
      {dialog === 'join' && <JoinDialog onClose={() => setDialog(null)} onJoined={added} />}
    </section>
  );
}

/** The name, or a placeholder (set apart in style) while it has not reached this device. */
function SpaceTitle({ name }: { name: string }) {
  const { t } = useTranslation();
  const known = name.trim() !== '';
  return (
    <span className={known ? 'note-item-title' : 'note-item-title unnamed'}>
      {spaceName(t, name)}
    </span>
  );
}

function SpaceItem({
  space,
  selected,
  onSelect,
}: {
  space: SpaceSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const keyChanged = membersWithChangedKeys(space).length > 0;
  const toApprove = space.approvals.some((approval) => approval.canApprove);
  const waiting = space.status === 'active' && space.waitingForKeys;
  return (
    <button
      type="button"
      className="note-item space-item"
      data-testid="space-item"
      data-status={space.status}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      <span className="note-item-head">
        <SpaceTitle name={space.name} />
        {/* A role means something only while a member; the status badge says the rest. */}
        {space.status === 'active' && (
          <span className="note-item-date">{t(`spaces.roles.${space.role}`)}</span>
        )}
      </span>
      {(space.status !== 'active' || keyChanged || toApprove || waiting) && (
        <span className="space-badges">
          {space.status !== 'active' && (
            <span className={`badge status-${space.status}`} data-testid="space-status">
              {t(`spaces.status.${space.status}`)}
            </span>
          )}
          {waiting && (
            <span className="badge" data-testid="space-waiting-for-keys">
              {t('spaces.waitingForKeys')}
            </span>
          )}
          {keyChanged && (
            <span className="badge alarm" data-testid="space-key-changed">
              {t('verify.keyChangedMarker')}
            </span>
          )}
          {toApprove && (
            <span className="badge attention" data-testid="space-needs-approval">
              {t('spaces.needsApproval')}
            </span>
          )}
        </span>
      )}
    </button>
  );
}
