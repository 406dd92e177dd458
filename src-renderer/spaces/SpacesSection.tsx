// The sidebar's shared spaces: the list (with each space's status and anything that wants my
// attention), "New shared space" and "Join with invite".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SpaceSummary } from '../../src-shared/api';
import { errorMessage } from '../i18n/error-message';
import { JoinDialog } from './JoinDialog';
import { NewSpaceDialog } from './NewSpaceDialog';
import { membersWithChangedKeys } from './space-access';

interface SpacesSectionProps {
  spaces: SpaceSummary[] | null;
  error: ApiError | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** A space this device just created or joined: put it in the list and open it. */
  onAdded: (space: SpaceSummary) => void;
  onRetry: () => void;
}

export function SpacesSection(props: SpacesSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [dialog, setDialog] = useState<'create' | 'join' | null>(null);
  const added = (space: SpaceSummary): void => {
    setDialog(null);
    props.onAdded(space);
  };
  return (
    <section className="spaces-section" data-testid="spaces-section" aria-labelledby={headingId}>
      <div className="spaces-head">
        <h2 id={headingId}>{t('spaces.section')}</h2>
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
      {props.spaces === null ? (
        !props.error && <p className="list-empty">{t('common.loading')}</p>
      ) : props.spaces.length === 0 ? (
        <p className="list-empty">{t('spaces.none')}</p>
      ) : (
        <ul className="note-list" aria-labelledby={headingId}>
          {props.spaces.map((space) => (
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
        <span className="note-item-title">{space.name}</span>
        {/* A role means something only while a member; the status badge says the rest. */}
        {space.status === 'active' && (
          <span className="note-item-date">{t(`spaces.roles.${space.role}`)}</span>
        )}
      </span>
      {(space.status !== 'active' || keyChanged || toApprove) && (
        <span className="space-badges">
          {space.status !== 'active' && (
            <span className={`badge status-${space.status}`} data-testid="space-status">
              {t(`spaces.status.${space.status}`)}
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
