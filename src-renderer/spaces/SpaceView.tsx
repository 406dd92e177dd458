// One shared space in the main pane: its name, the relay connection and any warning about it, the
// shared document with who else is in it, and the members.
import { useTranslation } from 'react-i18next';
import type { SpaceSummary } from '../../src-shared/api';
import { useSyncState } from '../hooks/use-sync-state';
import { SharedEditor } from '../shared-doc/SharedEditor';
import type { SharedDocs } from '../shared-doc/shared-docs';
import { MembersPanel } from './MembersPanel';
import { SyncStatus, SyncWarnings } from './SyncStatus';

interface SpaceViewProps {
  space: SpaceSummary;
  docs: SharedDocs;
  onChanged: () => void;
  onOpenSettings: () => void;
}

export function SpaceView({ space, docs, onChanged, onOpenSettings }: SpaceViewProps) {
  const { t } = useTranslation();
  const sync = useSyncState();
  const warnings = (sync.state?.warnings ?? []).filter(
    (warning) => warning.docId === null || warning.docId === space.docId,
  );
  const me = space.members.find((member) => member.isMe);
  return (
    <div className="space-view" data-testid="space-view">
      <div className="space-header">
        <h2 className="space-name">{space.name}</h2>
        <SyncStatus state={sync.state} error={sync.error} onOpenSettings={onOpenSettings} />
      </div>
      <SyncWarnings warnings={warnings} />
      <div className="space-body">
        <SharedEditor
          docId={space.docId}
          docs={docs}
          readOnly={space.role === 'viewer'}
          label={t('space.document', { name: space.name })}
          myDeviceKey={me?.deviceKey ?? null}
        />
        <MembersPanel space={space} onChanged={onChanged} />
      </div>
    </div>
  );
}
