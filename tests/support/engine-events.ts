// A sync engine's events, every one ignored: for engines whose callers look at the vault or the
// engine's answers instead (spread it and override the events a caller does watch).
import type { SyncEngineEvents } from '../../src-main/core/sync/sync-engine-contract';

export const IGNORED_ENGINE_EVENTS: SyncEngineEvents = {
  remoteUpdate: () => undefined,
  presence: () => undefined,
  state: () => undefined,
  spacesChanged: () => undefined,
};
