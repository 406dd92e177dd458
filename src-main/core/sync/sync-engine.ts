// The sync engine for ONE relay: spaces (groups with one text document each), their documents, the
// connection, presence and the user-visible sync state. The lead wires this interface to the API.
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEnvelope, decodeSnapshotLink } from '../../../src-shared/protocol/envelope';
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import { canWrite, type GroupState } from '../../../src-shared/protocol/membership-state';
import { LIMITS } from '../../../src-shared/limits';
import { fromHex, openSealedBox, sign as signWith } from '../crypto/sodium';
import { DeviceCodeError, encodeDeviceCode, parseDeviceCode } from '../groups/device-code';
import { documentKey } from '../groups/group-crypto';
import {
  buildAddMember,
  buildCreateGroup,
  extendLog,
  GroupVerificationError,
  openMyEpochKey,
  readMetadata,
} from '../groups/group-ops';
import { loadGroups, saveGroup, type StoredGroup } from '../groups/group-store';
import { getDeviceIdentity, safetyNumber, withDeviceSecretKeys } from '../identity/device-identity';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import { initialVerifierState } from './document-verifier';
import { DocumentSync } from './document-sync';
import { createDoc, loadDoc, outboxCount } from './outbox';
import { PresenceTracker, sealPresence, type PresenceCursor, type PresencePeer } from './presence';
import {
  createRelayConnection,
  RelayRequestError,
  type ConnectionStatus,
  type RelayConnection,
} from './relay-connection';
import * as Y from 'yjs';
import type WebSocket from 'ws';

export type { PresencePeer } from './presence';

export type Role = 'admin' | 'editor' | 'viewer';

export interface SyncState {
  /** 'disabled': no relay is set, so nothing connects. */
  connection: 'connected' | 'connecting' | 'offline' | 'disabled';
  pending: number;
  warnings: { docId: string | null; reason: string; at: number }[];
}
export interface SpaceSummary {
  id: string;
  name: string;
  docId: string;
  role: Role;
  members: { deviceKey: string; role: Role; fingerprint: string; isMe: boolean }[];
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
  createSpace(name: string): Promise<SpaceSummary>;
  addMember(spaceId: string, deviceCode: string, role: 'editor' | 'viewer'): Promise<void>;
  openDocument(docId: string): Uint8Array;
  closeDocument(docId: string): void;
  applyLocalUpdate(docId: string, update: Uint8Array): Promise<void>;
  setPresence(
    docId: string,
    displayName: string,
    cursor: { anchor: string; head: string } | null,
  ): void;
  stop(): Promise<void>;
}

const MAX_WARNINGS = 100;
const MAX_SPACE_NAME = 200;

interface OpenDoc {
  sync: DocumentSync;
  group: StoredGroup;
  presence: PresenceTracker;
  mine: { name: string; cursor: PresenceCursor | null; sentAt: number } | null;
}

export function createSyncEngine(options: {
  db: Db;
  relayUrl: string;
  on: SyncEngineEvents;
  webSocket?: typeof WebSocket;
  /** Tests only: a smaller snapshot interval than LIMITS.sync.snapshotEvery. */
  tuning?: { snapshotEvery?: number };
}): SyncEngine {
  const { db, relayUrl, on } = options;
  const identity = getDeviceIdentity(db);
  const me = fromHex(identity.signingPublicKey);
  const myBoxKey = fromHex(identity.boxPublicKey);
  const meHex = identity.signingPublicKey;
  const sign = (message: Uint8Array): Uint8Array =>
    withDeviceSecretKeys(db, (keys) => signWith(keys.signingSecretKey, message));
  const openSealed = (sealed: Uint8Array): Uint8Array =>
    withDeviceSecretKeys(db, (keys) => openSealedBox(myBoxKey, keys.boxSecretKey, sealed));

  const groups = new Map<string, StoredGroup>();
  for (const group of loadGroups(db, relayUrl)) groups.set(toHex(group.groupId), group);
  const docs = new Map<string, OpenDoc>();
  const warnings: SyncState['warnings'] = [];
  let connection: RelayConnection | null = null;
  let stopped = false;

  const state = (): SyncState => ({
    connection: relayUrl ? (connection?.status() ?? 'offline') : 'disabled',
    // Edits of this very turn count too: they are not committed yet, let alone acknowledged.
    pending:
      outboxCount(db) + [...docs.values()].reduce((n, d) => n + d.sync.uncommittedCount(), 0),
    warnings: [...warnings],
  });
  const emitState = (): void => {
    if (!stopped) on.state(state());
  };
  const warn = (docId: string | null, reason: string): void => {
    warnings.push({ docId, reason, at: Date.now() });
    if (warnings.length > MAX_WARNINGS) warnings.splice(0, warnings.length - MAX_WARNINGS);
    emitState();
  };

  const groupOfDoc = (docHex: string): StoredGroup | undefined =>
    [...groups.values()].find((g) => toHex(g.docId) === docHex);
  const keyFor = (group: StoredGroup, epoch: number): Uint8Array | null => {
    const epochKey = group.epochKeys.get(epoch);
    return epochKey ? documentKey(epochKey, group.groupId, group.docId, epoch) : null;
  };
  const currentEpoch = (group: StoredGroup): number => Math.max(...group.epochKeys.keys());

  function summary(group: StoredGroup): SpaceSummary {
    const state: GroupState = group.state;
    const members = [...state.members.values()].map((m) => ({
      deviceKey: toHex(m.key),
      role: m.role,
      fingerprint: safetyNumber(m.key, m.boxKey),
      isMe: toHex(m.key) === meHex,
    }));
    return {
      id: toHex(group.groupId),
      name: group.name,
      docId: toHex(group.docId),
      role: state.members.get(meHex)?.role ?? 'viewer',
      members,
    };
  }

  function requireConnection(): RelayConnection {
    if (!connection || connection.status() !== 'connected') {
      throw new RelayRequestError('offline', 'Not connected to the relay. Try again when online.');
    }
    return connection;
  }

  /** Fetches a group's log from what we know, verifies it, and stores it; new groups need my key. */
  async function refreshGroup(groupId: Uint8Array): Promise<boolean> {
    const c = requireConnection();
    const hex = toHex(groupId);
    const known = groups.get(hex);
    const fromIndex = known ? known.entries.length : 0;
    const answer = await c.request({ type: 'groupFetch', groupId, fromIndex });
    if (answer.type !== 'groupEntries') throw new Error('unexpected answer to GROUP_FETCH');
    try {
      const log = extendLog(known ?? null, answer.entries, answer.fromIndex);
      if (known && log.entries.length === known.entries.length) return false;
      let next: StoredGroup;
      if (known) {
        next = { ...known, entries: log.entries, state: log.state };
      } else {
        const epochKey = openMyEpochKey({
          state: log.state,
          me,
          epoch: 0,
          lockboxes: answer.lockboxes,
          openSealed,
        });
        const metadata = readMetadata(log.state, epochKey);
        next = {
          groupId,
          relayUrl,
          name: metadata.name.slice(0, MAX_SPACE_NAME),
          docId: fromHex(metadata.docId),
          entries: log.entries,
          state: log.state,
          epochKeys: new Map([[0, epochKey]]),
        };
      }
      saveGroup(db, next, Date.now());
      groups.set(hex, next);
      for (const doc of docs.values()) if (toHex(doc.group.groupId) === hex) doc.group = next;
      return true;
    } catch (error) {
      if (error instanceof GroupVerificationError && error.reason === 'no-lockbox' && !known) {
        // The admin appends the entry before putting the lockbox: look again shortly.
        retryLater(groupId);
        return false;
      }
      if (error instanceof GroupVerificationError) {
        warn(null, `group-${error.reason}`);
        return false;
      }
      throw error;
    }
  }

  const retries = new Map<string, number>();
  function retryLater(groupId: Uint8Array): void {
    const hex = toHex(groupId);
    const count = retries.get(hex) ?? 0;
    if (count >= 10) return;
    retries.set(hex, count + 1);
    setTimeout(() => {
      if (stopped) return;
      void refreshGroup(groupId)
        .then((changed) => {
          if (changed) on.spacesChanged();
        })
        .catch(() => undefined);
    }, 300).unref();
  }

  async function refreshAllGroups(): Promise<void> {
    const c = requireConnection();
    const answer = await c.request({ type: 'listGroups' });
    if (answer.type !== 'groupList') return;
    let changed = false;
    for (const groupId of answer.groupIds) {
      if (await refreshGroup(groupId)) changed = true;
    }
    if (changed) on.spacesChanged();
  }

  function routeEnvelope(seq: number, bytes: Uint8Array, isLink: boolean): void {
    let docHex: string;
    try {
      const header = isLink ? decodeSnapshotLink(bytes).header : decodeEnvelope(bytes).header;
      docHex = toHex(header.docId);
    } catch {
      warn(null, 'tampered');
      return;
    }
    const doc = docs.get(docHex);
    if (!doc) {
      // Not a document I subscribed to: the relay spliced in another document's message.
      warn(null, 'spliced');
      return;
    }
    if (isLink) doc.sync.onLink(seq, bytes);
    else doc.sync.onDeliver(seq, bytes);
  }

  function onFrame(frame: RelayFrame): void {
    if (stopped) return;
    switch (frame.type) {
      case 'deliver':
        routeEnvelope(frame.seq, frame.envelope, false);
        break;
      case 'snapshotLink':
        routeEnvelope(frame.seq, frame.link, true);
        break;
      case 'caughtUp':
        docs.get(toHex(frame.docId))?.sync.onCaughtUp();
        break;
      case 'ephemeral':
        onEphemeral(frame.envelope);
        break;
      case 'groupChanged':
        void refreshGroup(frame.groupId)
          .then((changed) => {
            if (changed) on.spacesChanged();
          })
          .catch(() => undefined);
        break;
      default:
        break;
    }
  }

  function onEphemeral(bytes: Uint8Array): void {
    let docHex: string;
    try {
      docHex = toHex(decodeEnvelope(bytes).header.docId);
    } catch {
      return;
    }
    const doc = docs.get(docHex);
    if (!doc) return;
    const verdict = doc.presence.receive(
      bytes,
      doc.group.state,
      (epoch) => keyFor(doc.group, epoch),
      Date.now(),
    );
    if (verdict === 'changed') on.presence(docHex, doc.presence.list());
    else if (verdict === 'rejected') warn(docHex, 'tampered-presence');
  }

  function sendPresence(docHex: string, doc: OpenDoc): void {
    if (!doc.mine || !connection || connection.status() !== 'connected') return;
    const epoch = currentEpoch(doc.group);
    const key = keyFor(doc.group, epoch);
    if (!key) return;
    const active = doc.sync.verifierState().active;
    connection.send({
      type: 'ephemeral',
      envelope: sealPresence({
        groupId: doc.group.groupId,
        docId: doc.group.docId,
        epoch,
        snapshotId: active ? fromHex(active.id) : null,
        me,
        key,
        sign,
        name: doc.mine.name,
        cursor: doc.mine.cursor,
      }),
    });
    doc.mine.sentAt = Date.now();
    void docHex;
  }

  const presenceTimer = setInterval(() => {
    const now = Date.now();
    for (const [docHex, doc] of docs) {
      if (doc.mine && now - doc.mine.sentAt >= LIMITS.sync.presenceIntervalMs) {
        sendPresence(docHex, doc);
      }
      if (doc.presence.expire(now, LIMITS.sync.presenceTimeoutMs)) {
        on.presence(docHex, doc.presence.list());
      }
    }
  }, 1000);
  presenceTimer.unref();

  function onStatus(_status: ConnectionStatus): void {
    if (_status !== 'connected') for (const doc of docs.values()) doc.sync.onDisconnected();
    emitState();
  }

  function onConnected(): void {
    void (async () => {
      try {
        await refreshAllGroups();
      } catch {
        // Offline again or refused: the next connect retries.
      }
      for (const doc of docs.values()) void doc.sync.subscribe();
    })();
  }

  if (relayUrl) {
    connection = createRelayConnection({
      url: relayUrl,
      device: me,
      sign,
      onStatus,
      onConnected,
      onFrame,
      ...(options.webSocket ? { webSocket: options.webSocket } : {}),
    });
  }

  function openDoc(docHex: string): OpenDoc {
    const existing = docs.get(docHex);
    if (existing) return existing;
    const group = groupOfDoc(docHex);
    if (!group) throw new SuviazError('not-found', 'There is no such shared document.');
    const docId = group.docId;
    if (!loadDoc(db, docId)) {
      createDoc(
        db,
        group.groupId,
        docId,
        Y.encodeStateAsUpdateV2(new Y.Doc()),
        initialVerifierState(group.groupId, docId),
      );
    }
    const entry: OpenDoc = {
      group,
      presence: new PresenceTracker(toHex(group.groupId), docHex, meHex),
      mine: null,
      sync: new DocumentSync({
        db,
        me,
        groupId: group.groupId,
        docId,
        context: () => ({
          me,
          group: entry.group.state,
          documentKey: (epoch) => keyFor(entry.group, epoch),
          epoch: currentEpoch(entry.group),
          canWrite: canWrite(entry.group.state, me),
        }),
        sign,
        connection: () => connection,
        onRemoteUpdate: (update) => on.remoteUpdate(docHex, update),
        onWarning: (reason) => warn(docHex, reason),
        onPendingChanged: emitState,
        batchMs: LIMITS.sync.batchMs,
        snapshotEvery: options.tuning?.snapshotEvery ?? LIMITS.sync.snapshotEvery,
      }),
    };
    docs.set(docHex, entry);
    void entry.sync.subscribe();
    return entry;
  }

  async function createSpace(name: string): Promise<SpaceSummary> {
    const trimmed = name.trim().slice(0, MAX_SPACE_NAME);
    if (!trimmed) throw new SuviazError('invalid-args', 'A space needs a name.');
    const c = requireConnection();
    const created = buildCreateGroup({
      me: { signingKey: me, boxKey: myBoxKey },
      name: trimmed,
      sign,
      now: Date.now(),
    });
    await c.request({ type: 'groupAppend', entry: created.entry });
    await c.request({ type: 'lockboxPut', lockbox: created.lockbox });
    const log = extendLog(null, [created.entry], 0);
    const group: StoredGroup = {
      groupId: created.groupId,
      relayUrl,
      name: trimmed,
      docId: created.docId,
      entries: log.entries,
      state: log.state,
      epochKeys: new Map([[0, created.epochKey]]),
    };
    saveGroup(db, group, Date.now());
    groups.set(toHex(group.groupId), group);
    on.spacesChanged();
    return summary(group);
  }

  async function addMember(spaceId: string, deviceCode: string, role: 'editor' | 'viewer') {
    const member = parseDeviceCode(deviceCode);
    const c = requireConnection();
    await refreshGroup(fromHex(spaceId)).catch(() => false);
    const group = groups.get(spaceId);
    if (!group) throw new SuviazError('not-found', 'There is no such space.');
    if (group.state.members.get(meHex)?.role !== 'admin') {
      throw new SuviazError('not-admin', 'Only an admin of this space can add members.');
    }
    if (group.state.members.has(toHex(member.signingKey))) {
      throw new SuviazError('already-member', 'This device is already a member of the space.');
    }
    const built = buildAddMember({
      state: group.state,
      me,
      member,
      role,
      epochKeys: group.epochKeys,
      sign,
      now: Date.now(),
    });
    await c.request({ type: 'groupAppend', entry: built.entry });
    for (const lockbox of built.lockboxes) await c.request({ type: 'lockboxPut', lockbox });
    const log = extendLog(group, [built.entry], group.entries.length);
    const next = { ...group, entries: log.entries, state: log.state };
    saveGroup(db, next, Date.now());
    groups.set(spaceId, next);
    for (const doc of docs.values()) if (toHex(doc.group.groupId) === spaceId) doc.group = next;
    on.spacesChanged();
  }

  return {
    myDeviceCode: () => encodeDeviceCode({ signingKey: me, boxKey: myBoxKey }),
    state,
    listSpaces: () => [...groups.values()].map(summary),
    createSpace: (name) => asApiError(() => createSpace(name)),
    addMember: (spaceId, deviceCode, role) =>
      asApiError(() => addMember(spaceId, deviceCode, role)),

    openDocument(docId) {
      return openDoc(docId).sync.state();
    },

    closeDocument(docId) {
      const doc = docs.get(docId);
      if (!doc) return;
      docs.delete(docId);
      doc.sync.unsubscribe();
    },

    applyLocalUpdate(docId, update) {
      const doc = docs.get(docId) ?? openDoc(docId);
      return doc.sync.applyLocalUpdate(update);
    },

    setPresence(docId, displayName, cursor) {
      const doc = docs.get(docId);
      if (!doc) return;
      doc.mine = { name: displayName.slice(0, 200), cursor, sentAt: 0 };
      sendPresence(docId, doc);
    },

    async stop() {
      stopped = true;
      clearInterval(presenceTimer);
      for (const [docId, doc] of docs) {
        docs.delete(docId);
        doc.sync.unsubscribe();
      }
      await connection?.close();
    },
  };
}

/** Turns relay failures into the API's error codes: the renderer then says what to do. */
async function asApiError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DeviceCodeError)
      throw new SuviazError('invalid-device-code', error.message);
    if (!(error instanceof RelayRequestError)) throw error;
    if (error.code === 'offline' || error.code === 'timeout') {
      throw new SuviazError('relay-unreachable', error.message);
    }
    throw new SuviazError('relay-refused', `${error.code}: ${error.message}`);
  }
}
