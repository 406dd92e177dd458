// What sync by file needs of the sync engine: its groups, its open documents and its connection,
// handed in by createSyncEngine so that this module reaches no further into the engine.
import type { StoredGroup } from '../groups/group-store';
import type { DocumentSync } from '../sync/document-sync';
import type { RelayConnection } from '../sync/relay-connection';
import type { Db } from '../vault/migrations';

export interface SneakernetDeps {
  db: Db;
  me: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
  /** Opens a sealed box with this device's box key (throws when it is not for this device). */
  openSealed(sealed: Uint8Array): Uint8Array;
  groups: ReadonlyMap<string, StoredGroup>;
  /** The open document of a space (opened now if it was not). */
  document(docHex: string): DocumentSync;
  /** Stores a group with its longer log, as a refresh from the relay would. */
  adopt(next: StoredGroup, previous: StoredGroup): StoredGroup;
  toRenderer(docHex: string, update: Uint8Array): void;
  nameOf(deviceHex: string): string | null;
  connection(): RelayConnection | null;
  warn(reason: string): void;
}
