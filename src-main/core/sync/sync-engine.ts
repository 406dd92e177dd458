// The sync engine for ONE relay: spaces (groups with one text document each), their documents, the
// connection, presence and the user-visible sync state. Membership changes live in space-membership.
import type { MyTask, SpaceSummary } from '../../../src-shared/api';
import { getPlan, listTasks } from '../../../src-shared/plans/plan-model';
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEnvelope, decodeSnapshotLink } from '../../../src-shared/protocol/envelope';
import type { RelayFrame } from '../../../src-shared/protocol/frames';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import type { RoleName } from '../../../src-shared/protocol/wire-constants';
import { LIMITS } from '../../../src-shared/limits';
import { fromHex, openSealedBox, sign as signWith } from '../crypto/sodium';
import {
  loadDeviceNames,
  loadVerifiedDevices,
  rememberDeviceName,
  setDeviceVerified,
} from '../groups/contacts-store';
import { DeviceCodeError, encodeDeviceCode } from '../groups/device-code';
import { documentKey } from '../groups/group-crypto';
import { loadGroups, type StoredGroup } from '../groups/group-store';
import { spaceSummary } from '../groups/space-summary';
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
import { createSpaceMembership, type CreatedInvite, type SpacePolicy } from './space-membership';
import * as Y from 'yjs';
import type WebSocket from 'ws';

export type { PresencePeer } from './presence';

export type Role = RoleName;
export type { SpaceSummary } from '../../../src-shared/api';

export interface SyncState {
  /** 'disabled': no relay is set, so nothing connects. */
  connection: 'connected' | 'connecting' | 'offline' | 'disabled';
  pending: number;
  warnings: { docId: string | null; reason: string; at: number }[];
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
  setRole(spaceId: string, deviceKey: string, role: Role): Promise<void>;
  removeMember(spaceId: string, deviceKey: string): Promise<void>;
  leave(spaceId: string): Promise<void>;
  approve(spaceId: string, index: number): Promise<void>;
  decline(spaceId: string, index: number): Promise<void>;
  setPolicy(spaceId: string, policy: SpacePolicy): Promise<void>;
  forget(spaceId: string): void;
  setVerified(deviceKey: string, verified: boolean): void;
  /** Tasks assigned to this device in every plan of every space it is a member of. */
  myTasks(): MyTask[];
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
/** How long frames of a known epoch wait for its key before the verifier judges them anyway. */
const HOLD_FOR_KEY_MS = 60_000;
/** How long a join waits for the relay connection before saying it is unreachable. */
const JOIN_CONNECT_WAIT_MS = 10_000;

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
  /** This device's display name (settings), shown to me in the members list. */
  myName?: () => string;
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
  /** Document keys by group and epoch: derived once, not per message. */
  const docKeys = new Map<string, Uint8Array>();
  const keyFor = (group: StoredGroup, epoch: number): Uint8Array | null => {
    const epochKey = group.epochKeys.get(epoch);
    if (!epochKey) return null;
    const id = `${toHex(group.groupId)}:${epoch}`;
    let key = docKeys.get(id);
    if (!key) {
      key = documentKey(epochKey, group.groupId, group.docId, epoch);
      docKeys.set(id, key);
    }
    return key;
  };
  const currentEpoch = (group: StoredGroup): number => group.state.epoch;
  const names = loadDeviceNames(db);
  let verified = loadVerifiedDevices(db);
  /** Frames of an epoch whose key is not here yet (the lockbox is on its way), in arrival order. */
  const held = new Map<string, { seq: number; bytes: Uint8Array; isLink: boolean }[]>();

  const summary = (group: StoredGroup): SpaceSummary =>
    spaceSummary(group, { meHex, myName: options.myName?.() ?? '', names, verified });

  const membership = createSpaceMembership({
    db,
    relayUrl,
    me,
    myBoxKey,
    sign,
    openSealed,
    groups,
    connection: () => connection,
    groupUpdated,
    rotated(group) {
      // The document moves to the new key now, whether or not it is on screen.
      const doc =
        docs.get(toHex(group.docId)) ?? (group.wiped ? null : openDoc(toHex(group.docId)));
      doc?.sync.ensureEpochSnapshot();
    },
    warn: (reason) => warn(null, reason),
    isStopped: () => stopped,
  });

  function groupUpdated(next: StoredGroup, previous: StoredGroup | null): void {
    const docHex = toHex(next.docId);
    const doc = docs.get(docHex);
    const gone = !groups.has(toHex(next.groupId));
    if (doc) {
      doc.group = next;
      if (gone || next.status !== 'active') {
        // Removed, left or forgotten: stop syncing; the renderer keeps showing what it had.
        docs.delete(docHex);
        doc.sync.unsubscribe();
        held.delete(docHex);
        // Nobody is "here now" for a device that no longer receives presence.
        on.presence(docHex, []);
      } else if (previous?.status === 'pending') {
        void doc.sync.subscribe();
      }
    }
    releaseHeld(docHex);
    keepActiveDocsOpen();
    on.spacesChanged();
  }

  /**
   * Every document of every space I am a member of stays open and subscribed while unlocked, not
   * only the one on screen: "my tasks", mentions and the offline copy must be current everywhere.
   */
  function keepActiveDocsOpen(): void {
    for (const group of groups.values()) {
      if (group.status === 'active' && !group.wiped && !docs.has(toHex(group.docId))) {
        try {
          openDoc(toHex(group.docId));
        } catch {
          // A vault we cannot read this document from: it shows its own error when opened.
        }
      }
    }
  }

  async function waitForConnection(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (relayUrl && connection?.status() !== 'connected' && Date.now() < until && !stopped) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const refreshQuietly = (groupId: Uint8Array): Promise<boolean> =>
    membership.refreshGroup(groupId).catch(() => false);

  /** An envelope of an epoch I have no key for yet: hold it until the group refresh brings one. */
  function holdIfEarly(
    docHex: string,
    doc: OpenDoc,
    frame: { seq: number; bytes: Uint8Array; isLink: boolean },
    epoch: number,
  ): boolean {
    const queue = held.get(docHex);
    if (!queue && doc.group.epochKeys.has(epoch)) return false;
    if (queue) {
      queue.push(frame);
      return true;
    }
    const started = [frame];
    held.set(docHex, started);
    // A key that never comes must not stall the document silently: after a while the verifier
    // judges what is held (and warns), and the user sees why nothing arrives.
    setTimeout(() => {
      if (held.get(docHex) === started && docs.has(docHex)) releaseHeld(docHex, true);
    }, HOLD_FOR_KEY_MS).unref();
    // An epoch the log has is sealed to every member: its frames wait (in order) until the refresh,
    // or the admin's lockbox the relay announces, brings my key. An epoch even the refreshed log
    // does not have is no waiting matter: the verifier judges (and refuses) those frames at once.
    void refreshQuietly(doc.group.groupId).then(() => {
      const current = docs.get(docHex);
      if (current && held.has(docHex) && epoch > currentEpoch(current.group)) {
        releaseHeld(docHex, true);
      }
    });
    return true;
  }

  function releaseHeld(docHex: string, force = false): void {
    const queue = held.get(docHex);
    const doc = docs.get(docHex);
    if (!queue || !doc) return;
    const first = queue[0];
    if (!force && first && !doc.group.epochKeys.has(epochOf(first.bytes, first.isLink))) return;
    held.delete(docHex);
    for (const frame of queue) deliver(doc, frame.seq, frame.bytes, frame.isLink);
  }

  function epochOf(bytes: Uint8Array, isLink: boolean): number {
    return isLink ? decodeSnapshotLink(bytes).header.epoch : decodeEnvelope(bytes).header.epoch;
  }

  function deliver(doc: OpenDoc, seq: number, bytes: Uint8Array, isLink: boolean): void {
    if (isLink) doc.sync.onLink(seq, bytes);
    else doc.sync.onDeliver(seq, bytes);
  }

  function routeEnvelope(seq: number, bytes: Uint8Array, isLink: boolean): void {
    let docHex: string;
    let epoch: number;
    try {
      const header = isLink ? decodeSnapshotLink(bytes).header : decodeEnvelope(bytes).header;
      docHex = toHex(header.docId);
      epoch = header.epoch;
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
    if (holdIfEarly(docHex, doc, { seq, bytes, isLink }, epoch)) return;
    deliver(doc, seq, bytes, isLink);
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
      case 'caughtUp': {
        const docHex = toHex(frame.docId);
        const doc = docs.get(docHex);
        // Caught up only once the held frames before it are through.
        if (!doc) break;
        const done = () => {
          if (held.has(docHex)) {
            setTimeout(done, 50).unref();
            return;
          }
          doc.sync.onCaughtUp();
          // Presence sent before the subscription was in place went nowhere: announce again.
          sendPresence(doc);
        };
        done();
        break;
      }
      case 'ephemeral':
        onEphemeral(frame.envelope);
        break;
      case 'groupChanged':
        void refreshQuietly(frame.groupId);
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
    if (verdict === 'changed') {
      const peers = doc.presence.list();
      let named = false;
      for (const peer of peers) {
        if (names.get(peer.deviceKey) !== peer.name.trim() && peer.name.trim()) named = true;
        rememberDeviceName(db, names, fromHex(peer.deviceKey), peer.name, Date.now());
      }
      on.presence(docHex, peers);
      if (named) on.spacesChanged();
    } else if (verdict === 'rejected') warn(docHex, 'tampered-presence');
  }

  function sendPresence(doc: OpenDoc): void {
    if (!doc.mine || !connection || connection.status() !== 'connected') return;
    if (doc.group.status !== 'active') return;
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
  }

  const presenceTimer = setInterval(() => {
    const now = Date.now();
    for (const [docHex, doc] of docs) {
      if (doc.mine && now - doc.mine.sentAt >= LIMITS.sync.presenceIntervalMs) {
        sendPresence(doc);
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
        await membership.refreshAllGroups();
      } catch {
        // Offline again or refused: the next connect retries.
      }
      for (const doc of docs.values()) {
        if (doc.group.status === 'active') void doc.sync.subscribe();
      }
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
    if (!group || group.wiped)
      throw new SuviazError('not-found', 'There is no such shared document.');
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
          canWrite: entry.group.status === 'active' && canWrite(entry.group.state, me),
        }),
        sign,
        connection: () => connection,
        onRemoteUpdate: (update) => on.remoteUpdate(docHex, update),
        onWarning: (reason) => warn(docHex, reason),
        onPendingChanged: emitState,
        onResubscribe: () => held.delete(docHex),
        onStaleEpoch: () => {
          void refreshQuietly(entry.group.groupId).then(() => entry.sync.flush());
        },
        batchMs: LIMITS.sync.batchMs,
        snapshotEvery: options.tuning?.snapshotEvery ?? LIMITS.sync.snapshotEvery,
      }),
    };
    docs.set(docHex, entry);
    // Only members subscribe; a removed or pending device reads what it holds.
    if (group.status === 'active') void entry.sync.subscribe();
    return entry;
  }

  keepActiveDocsOpen();

  const api = <T>(work: () => Promise<T>): Promise<T> => asApiError(work);
  const byId = (spaceId: string): StoredGroup => {
    const group = groups.get(spaceId);
    if (!group) throw new SuviazError('not-found', 'There is no such space.');
    return group;
  };

  return {
    myDeviceCode: () => encodeDeviceCode({ signingKey: me, boxKey: myBoxKey }),
    state,
    listSpaces: () => [...groups.values()].map(summary),
    createSpace: (name, policy) =>
      api(async () => summary(await membership.createSpace(name, policy))),
    addMember: (spaceId, deviceCode, role) =>
      api(() => membership.addMember(spaceId, deviceCode, role)),
    createInvite: (spaceId, role, days) => api(() => membership.createInvite(spaceId, role, days)),
    revokeInvite: (spaceId, inviteId) => api(() => membership.revokeInvite(spaceId, inviteId)),
    join: (link) =>
      api(async () => {
        await waitForConnection(JOIN_CONNECT_WAIT_MS);
        const group = await membership.join(link);
        return summary(group);
      }),
    setRole: (spaceId, deviceKey, role) => api(() => membership.setRole(spaceId, deviceKey, role)),
    removeMember: (spaceId, deviceKey) => api(() => membership.removeMember(spaceId, deviceKey)),
    leave: (spaceId) => api(() => membership.leave(spaceId)),
    approve: (spaceId, index) => api(() => membership.approve(spaceId, index)),
    decline: (spaceId, index) => api(() => membership.decline(spaceId, index)),
    setPolicy: (spaceId, policy) => api(() => membership.setPolicy(spaceId, policy)),
    forget: (spaceId) => {
      byId(spaceId);
      membership.forget(spaceId);
    },

    setVerified(deviceKey, isVerified) {
      const member = [...groups.values()]
        .map((g) => g.state.members.get(deviceKey))
        .find((m) => m !== undefined);
      if (!member) throw new SuviazError('not-found', 'No space of yours has this device.');
      const fingerprint = safetyNumber(member.key, member.boxKey);
      setDeviceVerified(
        db,
        member.key,
        isVerified ? { fingerprint, name: names.get(deviceKey) ?? null } : null,
        Date.now(),
      );
      verified = loadVerifiedDevices(db);
      on.spacesChanged();
    },

    myTasks() {
      const mine: MyTask[] = [];
      for (const group of groups.values()) {
        const doc = group.status === 'active' ? docs.get(toHex(group.docId)) : undefined;
        if (!doc) continue;
        for (const task of listTasks(doc.sync.ydoc)) {
          const plan = task.assignee === meHex ? getPlan(doc.sync.ydoc, task.planId) : null;
          if (!plan) continue;
          mine.push({
            spaceId: toHex(group.groupId),
            spaceName: group.name,
            docId: toHex(group.docId),
            planId: plan.id,
            planTitle: plan.title,
            taskId: task.id,
            title: task.title,
            due: task.due,
            status: task.status,
          });
        }
      }
      return mine;
    },

    openDocument(docId) {
      const doc = openDoc(docId);
      // Presence events go out on change only; a view opened now needs who is already there.
      setImmediate(() => {
        if (docs.get(docId) === doc) on.presence(docId, doc.presence.list());
      });
      return doc.sync.state();
    },

    closeDocument(docId) {
      const doc = docs.get(docId);
      // Members keep syncing in the background; only a removed or left space's copy is let go.
      if (!doc || doc.group.status === 'active') return;
      docs.delete(docId);
      held.delete(docId);
      doc.sync.unsubscribe();
    },

    applyLocalUpdate(docId, update) {
      const doc = docs.get(docId) ?? openDoc(docId);
      if (doc.group.status !== 'active' || !canWrite(doc.group.state, me)) {
        return Promise.reject(
          new SuviazError('not-member', 'This device cannot write in this space any more.'),
        );
      }
      return doc.sync.applyLocalUpdate(update);
    },

    setPresence(docId, displayName, cursor) {
      const doc = docs.get(docId);
      if (!doc) return;
      doc.mine = { name: displayName.slice(0, 200), cursor, sentAt: 0 };
      sendPresence(doc);
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

const INVITE_ERRORS: Partial<
  Record<string, 'invite-invalid' | 'invite-used' | 'invite-revoked' | 'invite-expired'>
> = {
  unknownInvite: 'invite-invalid',
  inviteUsed: 'invite-used',
  inviteRevoked: 'invite-revoked',
  inviteExpired: 'invite-expired',
};

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
    const inviteProblem = INVITE_ERRORS[error.code];
    if (inviteProblem) throw new SuviazError(inviteProblem, error.message);
    if (error.code === 'notMember') throw new SuviazError('not-member', error.message);
    throw new SuviazError('relay-refused', `${error.code}: ${error.message}`);
  }
}
