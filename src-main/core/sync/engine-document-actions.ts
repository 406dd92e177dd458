// The engine's document methods: open, close and write a space's document as the renderer asks,
// and my tasks read from the open ones. Kept apart from the wiring in sync-engine.ts.
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { LIMITS } from '../../../src-shared/limits';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import { myTasks } from './engine-my-tasks';
import type { HeldFrames } from './held-frames';
import { openDoc, type OpenDocDeps, type OpenDocs } from './open-documents';
import type { SyncEngine, SyncEngineEvents } from './sync-engine-contract';

type DocumentActions = Pick<
  SyncEngine,
  'myTasks' | 'openDocument' | 'closeDocument' | 'applyLocalUpdate'
>;

export function documentActions(deps: {
  docs: OpenDocs;
  docDeps: OpenDocDeps;
  held: HeldFrames;
  groups: ReadonlyMap<string, StoredGroup>;
  me: Uint8Array;
  meHex: string;
  on: Pick<SyncEngineEvents, 'presence'>;
}): DocumentActions {
  const { docs, docDeps, held, on } = deps;
  return {
    myTasks: () =>
      myTasks(
        deps.groups.values(),
        // One document main cannot read leaves the others' tasks listed.
        (docHex) => {
          const doc = docs.get(docHex);
          return doc?.sync.readable() ? doc.sync.ydoc : undefined;
        },
        deps.meHex,
      ),

    openDocument(docId) {
      const doc = openDoc(docDeps, docId);
      // Presence events go out on change only; a view opened now needs who is already there.
      setImmediate(() => {
        if (docs.get(docId) === doc) on.presence(docId, doc.presence.list());
      });
      return doc.sync.openingState(LIMITS.sync.openRowsMax);
    },

    closeDocument(docId) {
      const doc = docs.get(docId);
      // Members keep syncing in the background; only a removed or left space's copy is let go.
      if (!doc || doc.group.status === 'active') return;
      docs.delete(docId);
      held.drop(docId);
      doc.sync.unsubscribe();
    },

    applyLocalUpdate(docId, update) {
      const doc = docs.get(docId) ?? openDoc(docDeps, docId);
      if (doc.group.status !== 'active' || !canWrite(doc.group.state, deps.me)) {
        return Promise.reject(
          new SuviazError('not-member', 'This device cannot write in this space any more.'),
        );
      }
      return doc.sync.applyLocalUpdate(update);
    },
  };
}
