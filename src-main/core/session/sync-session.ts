// Runs the sync engine while the vault is unlocked, for the relay in the settings, and turns its
// callbacks into API events. Without a relay the engine still runs (spaces open offline) but never
// connects.
import type { EventName, EventPayload, SyncState } from '../../../src-shared/api';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine';
import { getSettings } from '../settings/settings';
import type { Db } from '../vault/migrations';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SyncSession {
  engine(): SyncEngine;
  /** Restarts the engine when the relay address changes. */
  setRelayUrl(relayUrl: string): Promise<void>;
  stop(): Promise<void>;
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export function startSyncSession(db: Db, relayUrl: string, emit: Emit): SyncSession {
  let currentUrl = relayUrl;
  const start = (url: string): SyncEngine =>
    createSyncEngine({
      db,
      relayUrl: url,
      myName: () => getSettings(db).displayName,
      on: {
        remoteUpdate: (docId, update) =>
          emit('docs.remoteUpdate', { docId, update: toBase64(update) }),
        presence: (docId, peers) => emit('docs.presence', { docId, peers }),
        state: (state: SyncState) => emit('sync.state', state),
        spacesChanged: () => emit('spaces.changed', {}),
      },
    });
  let engine = start(currentUrl);

  return {
    engine: () => engine,
    async setRelayUrl(next) {
      if (next === currentUrl) return;
      await engine.stop();
      currentUrl = next;
      engine = start(next);
      emit('spaces.changed', {});
    },
    stop: () => engine.stop(),
  };
}
