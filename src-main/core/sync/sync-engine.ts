// The sync engine for ONE relay: spaces (groups with one shared document each), their documents, the
// connection, presence and the user-visible sync state. This file wires the units together:
// membership (space-membership), open documents, frame routing, presence, my tasks, the relay
// (engine-relay), and the engine's own methods (engine-*-actions).
import type { SpaceSummary } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { LIMITS } from '../../../src-shared/limits';
import { loadDeviceNames, loadVerifiedDevices } from '../groups/contacts-store';
import { markVerified } from '../groups/verification';
import { encodeDeviceCode } from '../groups/device-code';
import type { StoredGroup } from '../groups/group-store';
import { spaceSummary } from '../groups/space-summary';
import { createVerifyWorker } from '../crypto/verify-worker';
import { engineDevice } from './engine-device';
import { createDocAccess } from './engine-doc-access';
import { createMailListeners } from './engine-mail';
import { documentActions } from './engine-document-actions';
import { followGroupChange } from './engine-group-changes';
import { afterConnect, connectRelay, waitForConnection, type RelayProblem } from './engine-relay';
import { spaceActions } from './engine-space-actions';
import { loadStoredGroups, warnLoadProblems } from './engine-stored-groups';
import { createLogClaims } from './log-claims';
import { createProfileKeeper } from './profile-keeper';
import { createFrameRouter } from './frame-router';
import { createHeldFrames } from './held-frames';
import {
  documentKeys,
  keepActiveDocsOpen,
  openDoc,
  type OpenDocDeps,
  type OpenDocs,
} from './open-documents';
import { createPresenceSession } from './presence-session';
import type { ConnectionStatus, RelayConnection } from './relay-connection';
import { createSpaceMembership } from './space-membership';
import type { SyncEngine, SyncEngineOptions } from './sync-engine-contract';
import { proxyAgent, viaOf } from './relay-proxy';
import { watchNetwork } from './network-watch';
import { createSyncStatus } from './sync-status';
import { createSneakernet } from '../sneakernet/sneakernet';

export type { PresencePeer } from './presence';
export type { SyncEngine, SyncEngineEvents } from './sync-engine-contract';

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, relayUrl, on } = options;
  const proxy = options.proxy ?? { kind: 'none' };
  const agent = proxyAgent(proxy);
  let lastProblem: RelayProblem | null = null;
  const { me, myBoxKey, meHex, sign, openSealed } = engineDevice(db);

  const names = loadDeviceNames(db);
  const stored = loadStoredGroups(db, relayUrl);
  const groups = stored.groups;
  const docs: OpenDocs = new Map();
  let connection: RelayConnection | null = null;
  let stopped = false;
  const { state, emitState, warn } = createSyncStatus({
    db,
    relayUrl,
    docs,
    connection: () => connection,
    emit: (next) => on.state(next),
    isStopped: () => stopped,
    nameOf: (deviceKey) => names.get(deviceKey) ?? null,
    via: viaOf(proxy),
    problem: () => lastProblem,
  });
  // Said once the engine exists (a warning emits the state, which its owner may not hold yet).
  queueMicrotask(() => warnLoadProblems(stored, warn));

  const keyFor = documentKeys();
  let verified = loadVerifiedDevices(db);
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
        docs.get(toHex(group.docId)) ?? (group.wiped ? null : openDoc(docDeps, toHex(group.docId)));
      doc?.sync.ensureEpochSnapshot();
    },
    warn: (reason, deviceKey) => warn(null, reason, deviceKey ?? null),
    isStopped: () => stopped,
  });
  const refreshQuietly = (groupId: Uint8Array): Promise<boolean> =>
    membership.refreshGroup(groupId).catch(() => false);

  const held = createHeldFrames({
    docs,
    refreshQuietly,
    onFrameError: (error) => frameFailed(error),
  });
  const profiles = createProfileKeeper({
    db,
    me,
    sign,
    names,
    myName: () => options.myName?.() ?? '',
    toRenderer: (docHex, update) => on.remoteUpdate(docHex, update),
    onNamesChanged: () => on.spacesChanged(),
  });
  const claims = createLogClaims({ groups, refresh: refreshQuietly, warn });
  const docDeps: OpenDocDeps = {
    db,
    me,
    sign,
    groups,
    docs,
    keyFor,
    connection: () => connection,
    onRemoteUpdate: (docHex, update) => on.remoteUpdate(docHex, update),
    warn,
    onPendingChanged: emitState,
    dropHeld: held.drop,
    refreshQuietly,
    noteLogAhead: (group, length, author, docHex) => claims.note(group, length, author, docHex),
    writesHeld: claims.writesHeld,
    onProfilesChanged: (doc) =>
      profiles.changed(doc, () => docs.get(toHex(doc.group.docId)) === doc),
    snapshotEvery: options.tuning?.snapshotEvery ?? LIMITS.sync.snapshotEvery,
    batchMs: options.tuning?.batchMs ?? LIMITS.sync.batchMs,
  };
  const presence = createPresenceSession({
    db,
    me,
    sign,
    docs,
    names,
    keyFor,
    connection: () => connection,
    onPresence: (docHex, peers) => on.presence(docHex, peers),
    onNamesChanged: () => on.spacesChanged(),
    warn,
    noteLogAhead: (doc, length, author) =>
      claims.note(doc.group, length, author, toHex(doc.group.docId)),
    myProfile: (doc) => profiles.myProfile(doc),
    profileOffered: (doc, author, profile) => profiles.adopt(doc, author, profile),
  });

  function groupUpdated(next: StoredGroup, previous: StoredGroup | null): void {
    followGroupChange({ docs, groups, held, claims, keyFor, docDeps, on }, next, previous);
  }

  /** Briefings listen here: a group's new items (its hex), or null after every connect. */
  const mail = createMailListeners();

  const frameFailed = (error: unknown): void => {
    console.error('sync: a frame from the relay could not be handled', error);
    warn(null, 'frame-failed');
  };
  // A catch-up's signatures are checked on a second core (started on the first burst only).
  const verifyWorker = createVerifyWorker();
  const onFrame = createFrameRouter({
    docs,
    held,
    verifyWorker,
    onFrameError: frameFailed,
    isStopped: () => stopped,
    warn,
    refreshQuietly,
    onEphemeral: presence.receive,
    onCaughtUpArrived: (doc, seq) => doc.sync.onCaughtUpArrived(seq),
    onCaughtUp(doc) {
      doc.sync.onCaughtUp();
      profiles.ensureMine(doc, profiles.read(doc));
      // Presence sent before the subscription was in place went nowhere: announce again.
      presence.send(doc);
    },
    onMailChanged: (groupId) => mail.tell(toHex(groupId)),
  });

  function onStatus(status: ConnectionStatus): void {
    if (status !== 'connected') for (const doc of docs.values()) doc.sync.onDisconnected();
    emitState();
  }

  function onConnected(): void {
    void afterConnect({
      forwardPending: () => sneakernet.forwardPending(),
      refreshAllGroups: () => membership.refreshAllGroups(),
      docs,
      tellMail: mail.tell,
    });
  }

  connection = connectRelay({
    db,
    relayUrl,
    proxy,
    agent,
    options,
    device: me,
    sign,
    onStatus,
    onConnected,
    onFrame,
    onFrameError: frameFailed,
    warn,
    setProblem: (problem) => (lastProblem = problem),
    emitState,
  });

  const docAccess = createDocAccess({
    docDeps,
    groups,
    meHex,
    names,
    myName: () => options.myName?.() ?? '',
    toRenderer: (docHex, update) => on.remoteUpdate(docHex, update),
    relayUrl,
    connection: () => connection,
    sign,
    openSealed,
  });

  const sneakernet = createSneakernet({
    db,
    me,
    sign,
    openSealed,
    groups,
    document: (docHex) => (docs.get(docHex) ?? openDoc(docDeps, docHex)).sync,
    adopt: (next, previous) => membership.adopt(next, previous),
    toRenderer: (docHex, update) => on.remoteUpdate(docHex, update),
    nameOf: (deviceHex) => names.get(deviceHex) ?? null,
    connection: () => connection,
    warn: (reason) => warn(null, reason),
  });

  // A network that changes (a new Wi-Fi, a VPN up) is worth an attempt at once.
  const stopWatching = watchNetwork(() => connection?.retryNow());
  keepActiveDocsOpen(docDeps);

  return {
    myDeviceCode: () => encodeDeviceCode({ signingKey: me, boxKey: myBoxKey }),
    state,
    // Organisations are groups of their own, shown inside their coalition, not as spaces.
    listSpaces: () => [...groups.values()].filter((g) => !g.parentId).map(summary),
    ...spaceActions({
      membership,
      groups,
      summary,
      waitForConnection: (ms) =>
        waitForConnection({ relayUrl, connection: () => connection, isStopped: () => stopped }, ms),
      afterDemotion(spaceId) {
        const group = groups.get(spaceId);
        if (group) docs.get(toHex(group.docId))?.sync.snapshotNow();
      },
    }),
    docAccess: () => docAccess,
    onMail: mail.listen,
    organisations: membership,

    setVerified(deviceKey, isVerified) {
      verified = markVerified(db, groups.values(), names, deviceKey, isVerified);
      on.spacesChanged();
    },

    ...documentActions({ docs, docDeps, held, groups, me, meHex, on }),

    setPresence: (docId, displayName, cursor) => presence.set(docId, displayName, cursor),

    retryNow: () => connection?.retryNow(),
    exportBundle: (spaceId) => sneakernet.exportBundle(spaceId),
    importBundle: (file) => sneakernet.importBundle(file),

    nameChanged() {
      for (const doc of docs.values()) profiles.ensureMine(doc);
    },

    async stop() {
      stopped = true;
      presence.stop();
      stopWatching();
      for (const [docId, doc] of docs) {
        docs.delete(docId);
        held.drop(docId);
        doc.sync.unsubscribe();
      }
      await connection?.close();
      verifyWorker.stop();
      // Locked: no epoch or document key stays readable in this process's memory.
      keyFor.wipe();
      for (const group of groups.values()) for (const key of group.epochKeys.values()) key.fill(0);
      groups.clear();
    },
  };
}
