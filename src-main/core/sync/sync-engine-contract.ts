// What the sync engine offers the session and the API handlers, in the contract's types
// (src-shared/api.ts): the engine's public face, kept apart from how it is wired.
import type {
  CreatedInvite,
  MyTask,
  ProxySetting,
  SpacePolicy,
  SpaceSummary,
  SyncState,
} from '../../../src-shared/api';
import type WebSocket from 'ws';
import type { Db } from '../vault/migrations';
import type { DocAccess } from './engine-doc-access';
import type { OrganisationActions } from './membership-organisations';
import type { PresencePeer } from './presence';
import type { ExportedBundle } from '../sneakernet/bundle-export';
import type { ImportedBundle } from '../sneakernet/bundle-import';

export interface SyncEngineOptions {
  db: Db;
  relayUrl: string;
  on: SyncEngineEvents;
  webSocket?: typeof WebSocket;
  /** How to reach the relay: directly (default), through Tor or a SOCKS5 proxy. */
  proxy?: ProxySetting;
  /** This device's display name (settings), shown to me in the members list. */
  myName?: () => string;
  /** Tests only: another snapshot interval, batch window, request timeout or idle ping. */
  tuning?: {
    snapshotEvery?: number;
    batchMs?: number;
    requestTimeoutMs?: number;
    idlePingMs?: number;
  };
}

export interface SyncEngineEvents {
  remoteUpdate(docId: string, update: Uint8Array): void;
  presence(docId: string, peers: PresencePeer[]): void;
  state(state: SyncState): void;
  spacesChanged(): void;
}
export interface SyncEngine {
  myDeviceCode(): string;
  state(): SyncState;
  listSpaces(): SpaceSummary[];
  createSpace(name: string, policy?: SpacePolicy): Promise<SpaceSummary>;
  addMember(spaceId: string, deviceCode: string, role: 'editor' | 'viewer'): Promise<void>;
  createInvite(spaceId: string, role: 'editor' | 'viewer', days: number): Promise<CreatedInvite>;
  revokeInvite(spaceId: string, inviteId: string): Promise<void>;
  /** Joins with an invite link; waits briefly for the connection (a relay just set). */
  join(link: string): Promise<SpaceSummary>;
  setRole(spaceId: string, deviceKey: string, role: SpaceSummary['role']): Promise<void>;
  removeMember(spaceId: string, deviceKey: string): Promise<void>;
  leave(spaceId: string): Promise<void>;
  acceptInvitation(spaceId: string): Promise<SpaceSummary>;
  declineInvitation(spaceId: string): Promise<void>;
  approve(spaceId: string, index: number): Promise<void>;
  decline(spaceId: string, index: number): Promise<void>;
  setPolicy(spaceId: string, policy: SpacePolicy): Promise<void>;
  forget(spaceId: string): void;
  setVerified(deviceKey: string, verified: boolean): void;
  /** Tasks assigned to this device in every plan of every space it is a member of. */
  myTasks(): MyTask[];
  /** The document's state as updates to apply in order (the vault's rows, or one update). */
  openDocument(docId: string): Uint8Array[];
  closeDocument(docId: string): void;
  applyLocalUpdate(docId: string, update: Uint8Array): Promise<void>;
  setPresence(
    docId: string,
    displayName: string,
    cursor: { anchor: string; head: string } | null,
  ): void;
  /** The open documents, for the calendar and the organisations (src-main/core/calendar). */
  docAccess(): DocAccess;
  /**
   * Briefings' hook: called with a group's hex when the relay says it holds new items for this
   * device there, and with null after every (re)connect. Returns the function that stops it.
   */
  onMail(listener: (groupHex: string | null) => void): () => void;
  /**
   * Organisations of a coalition on the membership side: groups of their own; refreshGroup
   * fetches and judges one group's log now (true if it was taken and changed).
   */
  organisations: OrganisationActions & {
    refreshGroup(groupId: Uint8Array): Promise<boolean>;
    leave(groupId: string): Promise<void>;
  };
  /**
   * Not connected: try to reach the relay now instead of waiting out the backoff. Connected: check
   * that the relay still answers (the network changed), and connect again if it does not.
   */
  retryNow(): void;
  /** Sync by file: a bundle of the space for its other members to carry (docs/network.md). */
  exportBundle(spaceId: string): ExportedBundle;
  /** Checks a carried bundle whole, then applies it and passes it on to the relay. */
  importBundle(file: Uint8Array): Promise<ImportedBundle>;
  /** My display name changed in the settings: my signed profile in every space follows. */
  nameChanged(): void;
  stop(): Promise<void>;
}
