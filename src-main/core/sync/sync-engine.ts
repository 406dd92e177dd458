// The sync engine for ONE relay: spaces (groups with one shared document each), their documents, the
// connection, presence and the user-visible sync state. This file wires the units together:
// membership (space-membership), open documents, frame routing, presence, my tasks.
import type { SpaceSummary } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { LIMITS } from '../../../src-shared/limits';
import { fromHex, openSealedBox, sign as signWith } from '../crypto/sodium';
import { loadDeviceNames, loadVerifiedDevices } from '../groups/contacts-store';
import { markVerified } from '../groups/verification';
import { encodeDeviceCode } from '../groups/device-code';
import { loadGroups, type StoredGroup } from '../groups/group-store';
import { spaceSummary } from '../groups/space-summary';
import { getDeviceIdentity, withDeviceSecretKeys } from '../identity/device-identity';
import { createVerifyWorker } from '../crypto/verify-worker';
import { SuviazError } from '../errors';
import { createDocAccess } from './engine-doc-access';
import { myTasks } from './engine-my-tasks';
import { spaceActions } from './engine-space-actions';
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
import { isOnionAddress } from '../../../src-shared/protocol/relay-host';
import {
  createRelayConnection,
  type ConnectionStatus,
  type RelayConnection,
} from './relay-connection';
import { createSpaceMembership } from './space-membership';
import type { SyncEngine, SyncEngineOptions } from './sync-engine-contract';
import { proxyAgent, proxyProblem, viaOf, type ProxyProblem } from './relay-proxy';
import type { RelayIdentityProblem } from './relay-handshake';
import { vaultRelayPin } from './relay-pins';
import { watchNetwork } from './network-watch';
import { createSyncStatus } from './sync-status';
import { createSneakernet } from '../sneakernet/sneakernet';

export type { PresencePeer } from './presence';
export type { SyncEngine, SyncEngineEvents } from './sync-engine-contract';

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, relayUrl, on } = options;
  const proxy = options.proxy ?? { kind: 'none' };
  const agent = proxyAgent(proxy);
  let lastProblem: ProxyProblem | RelayIdentityProblem | 'onion-needs-tor' | null = null;
  const identity = getDeviceIdentity(db);
  const me = fromHex(identity.signingPublicKey);
  const myBoxKey = fromHex(identity.boxPublicKey);
  const meHex = identity.signingPublicKey;
  const sign = (message: Uint8Array): Uint8Array =>
    withDeviceSecretKeys(db, (keys) => signWith(keys.signingSecretKey, message));
  const openSealed = (sealed: Uint8Array): Uint8Array =>
    withDeviceSecretKeys(db, (keys) => openSealedBox(myBoxKey, keys.boxSecretKey, sealed));

  const names = loadDeviceNames(db);
  const groups = new Map<string, StoredGroup>();
  const outdated: string[] = [];
  const forked: string[] = [];
  const loadProblems = {
    outdated: (name: string) => outdated.push(name),
    forked: (name: string) => forked.push(name),
  };
  for (const group of loadGroups(db, relayUrl, loadProblems)) {
    groups.set(toHex(group.groupId), group);
  }
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
  queueMicrotask(() => {
    // Spaces an older protocol wrote are not misread: the user hears why they are missing.
    outdated.forEach(() => warn(null, 'outdated-space'));
    // A stored log cut back to where it replays: the relay showed this device two histories.
    forked.forEach(() => warn(null, 'group-forked-log'));
  });

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
    warn: (reason) => warn(null, reason),
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
    const docHex = toHex(next.docId);
    const doc = docs.get(docHex);
    const gone = !groups.has(toHex(next.groupId));
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
      keyFor.forget(next.groupId);
      for (const group of [previous, next]) {
        for (const key of group?.epochKeys.values() ?? []) key.fill(0);
      }
    }
    held.release(docHex);
    keepActiveDocsOpen(docDeps);
    on.spacesChanged();
  }

  /** Briefings listen here: a group's new items (its hex), or null after every connect. */
  const mailListeners = new Set<(groupHex: string | null) => void>();
  const tellMail = (groupHex: string | null): void => {
    for (const listener of mailListeners) listener(groupHex);
  };

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
    onCaughtUp(doc, seq) {
      doc.sync.onCaughtUp(seq);
      profiles.ensureMine(doc, profiles.read(doc));
      // Presence sent before the subscription was in place went nowhere: announce again.
      presence.send(doc);
    },
    onMailChanged: (groupId) => tellMail(toHex(groupId)),
  });

  function onStatus(status: ConnectionStatus): void {
    if (status !== 'connected') for (const doc of docs.values()) doc.sync.onDisconnected();
    emitState();
  }

  function onConnected(): void {
    void (async () => {
      try {
        // Entries a carried bundle brought go first, so the refresh finds them at the relay.
        await sneakernet.forwardPending();
        await membership.refreshAllGroups();
      } catch {
        // Offline again or refused: the next connect retries.
      }
      for (const doc of docs.values()) {
        if (doc.group.status === 'active') void doc.sync.subscribe();
      }
      tellMail(null);
    })();
  }

  if (relayUrl && isOnionAddress(relayUrl) && proxy.kind === 'none') {
    // Never dialed directly, whoever asked (Settings, an invite's relay): said instead.
    lastProblem = 'onion-needs-tor';
  } else if (relayUrl) {
    connection = createRelayConnection({
      url: relayUrl,
      device: me,
      sign,
      onStatus,
      onConnected,
      onFrame,
      onFrameError: frameFailed,
      ...(agent ? { agent } : {}),
      onConnectError: (error) => {
        lastProblem = proxyProblem(proxy, error);
        emitState();
      },
      // The relay's identity is checked against the key pinned for this address before AUTH.
      pin: vaultRelayPin(db, relayUrl, (how) => {
        if (how === 'rotated') warn(null, 'relay-key-rotated');
      }),
      onIdentityProblem: (problem) => {
        lastProblem = problem;
        emitState();
      },
      ...(options.webSocket ? { webSocket: options.webSocket } : {}),
      ...(options.tuning?.requestTimeoutMs
        ? { requestTimeoutMs: options.tuning.requestTimeoutMs }
        : {}),
      ...(options.tuning?.idlePingMs ? { idlePingMs: options.tuning.idlePingMs } : {}),
    });
  }

  async function waitForConnection(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (relayUrl && connection?.status() !== 'connected' && Date.now() < until && !stopped) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

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
      waitForConnection,
      afterDemotion(spaceId) {
        const group = groups.get(spaceId);
        if (group) docs.get(toHex(group.docId))?.sync.snapshotNow();
      },
    }),
    docAccess: () => docAccess,
    onMail(listener: (groupHex: string | null) => void) {
      mailListeners.add(listener);
      return () => mailListeners.delete(listener);
    },
    organisations: membership,

    setVerified(deviceKey, isVerified) {
      verified = markVerified(db, groups.values(), names, deviceKey, isVerified);
      on.spacesChanged();
    },

    myTasks: () =>
      myTasks(
        groups.values(),
        // One document main cannot read leaves the others' tasks listed.
        (docHex) => {
          const doc = docs.get(docHex);
          return doc?.sync.readable() ? doc.sync.ydoc : undefined;
        },
        meHex,
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
      if (doc.group.status !== 'active' || !canWrite(doc.group.state, me)) {
        return Promise.reject(
          new SuviazError('not-member', 'This device cannot write in this space any more.'),
        );
      }
      return doc.sync.applyLocalUpdate(update);
    },

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
