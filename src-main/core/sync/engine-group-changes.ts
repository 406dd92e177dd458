// What an open document does when its group changes: it stops syncing once removed or left, and
// subscribes or flushes again when let in, caught up or given a new epoch. A gone group's keys go.
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import type { HeldFrames } from './held-frames';
import type { LogClaims } from './log-claims';
import { keepActiveDocsOpen, type KeyFor, type OpenDocDeps, type OpenDocs } from './open-documents';
import type { SyncEngineEvents } from './sync-engine-contract';

export interface GroupChangeDeps {
  docs: OpenDocs;
  groups: ReadonlyMap<string, StoredGroup>;
  held: HeldFrames;
  claims: LogClaims;
  keyFor: KeyFor;
  docDeps: OpenDocDeps;
  on: Pick<SyncEngineEvents, 'presence' | 'spacesChanged'>;
}

export function followGroupChange(
  deps: GroupChangeDeps,
  next: StoredGroup,
  previous: StoredGroup | null,
): void {
  const { docs, held, claims, on } = deps;
  const docHex = toHex(next.docId);
  const doc = docs.get(docHex);
  const gone = !deps.groups.has(toHex(next.groupId));
  if (doc) {
    doc.group = next;
    if (gone || next.status !== 'active') {
      // Removed, left or forgotten: stop syncing; the renderer keeps showing what it had.
      docs.delete(docHex);
      doc.sync.unsubscribe();
      held.drop(docHex);
      // Nobody is "here now" for a device that no longer receives presence.
      on.presence(docHex, []);
    } else if (previous?.status === 'pending') {
      void doc.sync.subscribe();
    } else if (previous && claims.writesHeld(previous) && !claims.writesHeld(next)) {
      // The log caught up with what a member had seen: what was refused as "ahead" comes again
      // with a new catch-up, and the writes held meanwhile go out after it.
      void doc.sync.subscribe();
    } else if (
      previous &&
      (previous.state.rotationNeeded !== next.state.rotationNeeded ||
        next.epochKeys.size > previous.epochKeys.size)
    ) {
      // A new epoch, or its key, is here: edits held for it (someone left) go out under it.
      void doc.sync.flush();
    }
  }
  // Wiped, left or forgotten: its keys are of no use here any more, and must not stay readable.
  if (gone || next.wiped) {
    deps.keyFor.forget(next.groupId);
    for (const group of [previous, next]) {
      for (const key of group?.epochKeys.values() ?? []) key.fill(0);
    }
  }
  held.release(docHex);
  keepActiveDocsOpen(deps.docDeps);
  on.spacesChanged();
}
