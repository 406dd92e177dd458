// One shared space in the main pane: its name and relay connection, anything that must not go
// unseen (a changed safety number, this device's status, relay warnings), its campaign plans and
// shared notes (or one open plan), and beside them the members, invites, approvals and rules.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { useSyncState } from '../hooks/use-sync-state';
import { SpacePlansArea, type PlanToOpen } from '../plans/SpacePlansArea';
import { SharedEditor } from '../shared-doc/SharedEditor';
import type { SharedDocs } from '../shared-doc/shared-docs';
import { ApprovalsPanel } from './ApprovalsPanel';
import { InvitesPanel } from './InvitesPanel';
import { KeyChangedAlerts } from './KeyChangedAlerts';
import { MembersPanel } from './MembersPanel';
import { PolicyPanel } from './PolicyPanel';
import { canWrite, isActiveAdmin, membersWithChangedKeys } from './space-access';
import { SpaceStatusBanner } from './SpaceStatusBanner';
import { SyncStatus, SyncWarnings } from './SyncStatus';
import { VerifyDialog } from './VerifyDialog';

interface SpaceViewProps {
  space: SpaceSummary;
  docs: SharedDocs;
  onChanged: () => void;
  onOpenSettings: () => void;
  /** A plan to open (from "My tasks"); a new nonce opens it again. */
  planToOpen: PlanToOpen | null;
}

export function SpaceView(props: SpaceViewProps) {
  const { space, docs, onChanged, onOpenSettings, planToOpen } = props;
  const { t } = useTranslation();
  const sync = useSyncState();
  // The member is looked up on every render, so the dialog shows their latest state once marked.
  const [verifying, setVerifying] = useState<string | null>(null);
  const verifyMember = space.members.find((member) => member.deviceKey === verifying) ?? null;
  const warnings = (sync.state?.warnings ?? []).filter(
    (warning) => warning.docId === null || warning.docId === space.docId,
  );
  const me = space.members.find((member) => member.isMe);
  const admin = isActiveAdmin(space);
  return (
    <div className="space-view" data-testid="space-view" data-status={space.status}>
      <div className="space-header">
        <h2 className="space-name">{space.name}</h2>
        <SyncStatus state={sync.state} error={sync.error} onOpenSettings={onOpenSettings} />
      </div>
      <KeyChangedAlerts members={membersWithChangedKeys(space)} onVerify={setVerifying} />
      <SpaceStatusBanner space={space} onChanged={onChanged} />
      <SyncWarnings warnings={warnings} />
      <div className="space-body">
        {space.wiped ? (
          <p className="editor-empty" data-testid="space-wiped">
            {t('space.wipedEmpty')}
          </p>
        ) : (
          <SpacePlansArea space={space} planToOpen={planToOpen}>
            <SharedEditor
              docId={space.docId}
              docs={docs}
              readOnly={!canWrite(space)}
              // Removed, left and pending spaces say why in their banner; a viewer is told here.
              readOnlyHint={
                space.status === 'active' && space.role === 'viewer' ? t('space.readOnly') : null
              }
              label={t('space.document', { name: space.name })}
              myDeviceKey={me?.deviceKey ?? null}
            />
          </SpacePlansArea>
        )}
        <aside className="space-side" aria-label={t('space.sidePanel')}>
          <MembersPanel space={space} onChanged={onChanged} onVerify={setVerifying} />
          <ApprovalsPanel
            spaceId={space.id}
            approvals={space.approvals}
            members={space.members}
            onChanged={onChanged}
          />
          {admin && <InvitesPanel space={space} onChanged={onChanged} />}
          {admin && <PolicyPanel space={space} onChanged={onChanged} />}
        </aside>
      </div>
      {verifyMember && (
        <VerifyDialog
          member={verifyMember}
          onClose={() => setVerifying(null)}
          onChanged={onChanged}
        />
      )}
    </div>
  );
}
