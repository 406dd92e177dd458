// One shared space in the main pane: its name and relay connection, anything that must not go
// unseen (a changed safety number, this device's status, relay warnings), its campaign plans and
// shared notes (or one open plan) or its calendar, and beside them the members, organisations,
// invites, approvals and rules. An invitation shows only itself: nothing of the space opens before
// it is accepted.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { BriefingsScreen } from '../briefings/BriefingsScreen';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { useSyncState } from '../hooks/use-sync-state';
import { SpacePlansArea, type PlanToOpen } from '../plans/SpacePlansArea';
import { SharedEditor } from '../shared-doc/SharedEditor';
import type { SharedDocs } from '../shared-doc/shared-docs';
import { ApprovalsPanel } from './ApprovalsPanel';
import { InvitationActions } from './InvitationActions';
import { InvitesPanel } from './InvitesPanel';
import { KeyChangedAlerts } from './KeyChangedAlerts';
import { MembersPanel } from './MembersPanel';
import { OfflineBanner } from './OfflineBanner';
import { OrganisationsPanel } from './OrganisationsPanel';
import { PolicyPanel } from './PolicyPanel';
import { canWrite, isActiveAdmin, membersWithChangedKeys } from './space-access';
import { spaceContent } from './space-list';
import { spaceName } from './space-name';
import { SpaceSectionSwitch, type SpaceSection } from './SpaceSectionSwitch';
import { SpaceStatusBanner } from './SpaceStatusBanner';
import { READ_ONLY_TEXT, readOnlyReason } from './sync-status-text';
import { SyncStatus, SyncWarnings } from './SyncStatus';
import { VerifyDialog } from './VerifyDialog';
import { BundlePanel } from './BundlePanel';

interface SpaceViewProps {
  space: SpaceSummary;
  docs: SharedDocs;
  onChanged: () => void;
  onOpenSettings: () => void;
  /** A plan to open (from "My tasks"); a new nonce opens it again. */
  planToOpen: PlanToOpen | null;
  /** Every space (the calendar shares an event with members of my other spaces). */
  allSpaces: SpaceSummary[];
  /** A due task chosen in the calendar: its plan opens. */
  onOpenTask: (task: { spaceId: string; planId: string }) => void;
  /** An invitation was accepted (main returns the space) or declined. */
  onAccepted: (space: SpaceSummary) => void;
  onDeclined: (spaceId: string) => void;
  /** Move focus to the space's name when it opens (after accepting, the button that had it is gone). */
  focusName?: boolean;
}

export function SpaceView(props: SpaceViewProps) {
  return props.space.status === 'invited' ? (
    <InvitationView {...props} />
  ) : (
    <MemberSpaceView {...props} />
  );
}

function SpaceName({ name, focus }: { name: string; focus: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2
      ref={ref}
      tabIndex={-1}
      className={name.trim() === '' ? 'space-name unnamed' : 'space-name'}
      data-testid="space-name"
    >
      {spaceName(t, name)}
    </h2>
  );
}

function InvitationView({ space, onAccepted, onDeclined, focusName }: SpaceViewProps) {
  const { t } = useTranslation();
  return (
    <div className="space-view" data-testid="space-view" data-status={space.status}>
      <div className="space-header">
        <SpaceName name={space.name} focus={focusName ?? false} />
      </div>
      <div className="notice status-banner" data-testid="space-invitation">
        <p className="status-banner-title">{t('spaces.invitation.title')}</p>
        <p>{t('spaces.invitation.text')}</p>
        <InvitationActions
          space={space}
          onAccepted={onAccepted}
          onDeclined={() => onDeclined(space.id)}
        />
      </div>
    </div>
  );
}

function MemberSpaceView(props: SpaceViewProps) {
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
  const content = spaceContent(space);
  const readOnly = readOnlyReason(space);
  const [section, setSection] = useState<SpaceSection>('plans');
  const [seenPlanNonce, setSeenPlanNonce] = useState(planToOpen?.nonce ?? null);
  // A plan asked for from elsewhere shows the plans, as React advises for a prop change.
  if (planToOpen && planToOpen.nonce !== seenPlanNonce) {
    setSeenPlanNonce(planToOpen.nonce);
    setSection('plans');
  }
  return (
    <div className="space-view" data-testid="space-view" data-status={space.status}>
      <div className="space-header">
        <SpaceName name={space.name} focus={props.focusName ?? false} />
        <SyncStatus
          state={sync.state}
          error={sync.error}
          membership={space.status}
          onOpenSettings={onOpenSettings}
        />
      </div>
      <KeyChangedAlerts members={membersWithChangedKeys(space)} onVerify={setVerifying} />
      <SpaceStatusBanner space={space} onChanged={onChanged} />
      <SyncWarnings warnings={warnings} />
      <div className="space-body">
        {content === 'wiped' ? (
          <p className="editor-empty" data-testid="space-wiped">
            {t('space.wipedEmpty')}
          </p>
        ) : content === 'waiting-for-keys' ? (
          <div className="space-waiting">
            <p className="notice" role="status" data-testid="space-waiting-for-keys">
              {t('space.waitingForKeys')}
            </p>
          </div>
        ) : (
          <div className="space-main-column">
            <SpaceSectionSwitch section={section} onSection={setSection} />
            {section === 'calendar' ? (
              <CalendarScreen
                spaces={props.allSpaces}
                spaceId={space.id}
                onOpenTask={props.onOpenTask}
              />
            ) : section === 'briefings' ? (
              <BriefingsScreen spaces={props.allSpaces} spaceId={space.id} />
            ) : (
              <SpacePlansArea space={space} planToOpen={planToOpen}>
                <SharedEditor
                  docId={space.docId}
                  docs={docs}
                  readOnly={!canWrite(space)}
                  // Said in words next to the text, not only by a field that ignores typing.
                  readOnlyHint={readOnly ? t(READ_ONLY_TEXT[readOnly]) : null}
                  label={t('space.sharedNotes')}
                  help={t('space.sharedNotesHelp')}
                  myDeviceKey={me?.deviceKey ?? null}
                />
              </SpacePlansArea>
            )}
          </div>
        )}
        <aside className="space-side" aria-label={t('space.sidePanel')}>
          <MembersPanel space={space} onChanged={onChanged} onVerify={setVerifying} />
          {space.status === 'active' && content === 'content' && (
            <OrganisationsPanel space={space} />
          )}
          {space.status === 'active' && content === 'content' && <BundlePanel space={space} />}
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
      {/* Nothing syncs for a space this device is no longer in: no banner there. */}
      {space.status === 'active' && <OfflineBanner connection={sync.state?.connection ?? null} />}
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
