// The registry of open shared documents: which group each belongs to, its DocumentSync and presence,
// and the document keys derived from the group's epoch keys (once each, not per message).
import { toHex } from '../../../src-shared/protocol/bytes';
import { canWrite } from '../../../src-shared/protocol/membership-state';
import { PROFILES_MAP } from '../../../src-shared/protocol/member-profile';
import { documentKey } from '../groups/group-crypto';
import { logIndexOf, myLogHead } from '../groups/log-positions';
import type { Sign } from '../groups/group-ops';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import { initialVerifierState } from './document-verifier';
import { DocumentSync } from './document-sync';
import { createDoc, hasDoc } from './outbox';
import { PresenceTracker, type PresenceCursor } from './presence';
import type { RelayConnection } from './relay-connection';
import * as Y from 'yjs';

export interface OpenDoc {
  sync: DocumentSync;
  /** Swapped for the newer group whenever the log changes. */
  group: StoredGroup;
  presence: PresenceTracker;
  /** What I announce here; null until the renderer says who I am in this document. */
  mine: { name: string; cursor: PresenceCursor | null; sentAt: number } | null;
}

/** Open documents by hex document id. */
export type OpenDocs = Map<string, OpenDoc>;

export type KeyFor = ((group: StoredGroup, epoch: number) => Uint8Array | null) & {
  /** Zeroes and drops every derived key (the vault is locking). */
  wipe(): void;
  /** Zeroes and drops the group's derived keys (it was wiped, left or forgotten). */
  forget(groupId: Uint8Array): void;
};

/** Document keys by group and epoch, cached: derived once, not per message. */
export function documentKeys(): KeyFor {
  const cache = new Map<string, Uint8Array>();
  const keyFor = (group: StoredGroup, epoch: number): Uint8Array | null => {
    const epochKey = group.epochKeys.get(epoch);
    if (!epochKey) return null;
    const id = `${toHex(group.groupId)}:${epoch}`;
    let key = cache.get(id);
    if (!key) {
      key = documentKey(epochKey, group.groupId, group.docId, epoch);
      cache.set(id, key);
    }
    return key;
  };
  const wipe = (): void => {
    for (const key of cache.values()) key.fill(0);
    cache.clear();
  };
  const forget = (groupId: Uint8Array): void => {
    const prefix = `${toHex(groupId)}:`;
    for (const [id, key] of cache) {
      if (!id.startsWith(prefix)) continue;
      key.fill(0);
      cache.delete(id);
    }
  };
  return Object.assign(keyFor, { wipe, forget });
}

export interface OpenDocDeps {
  db: Db;
  me: Uint8Array;
  sign: Sign;
  groups: ReadonlyMap<string, StoredGroup>;
  docs: OpenDocs;
  keyFor: KeyFor;
  connection(): RelayConnection | null;
  onRemoteUpdate(docHex: string, update: Uint8Array): void;
  warn(docHex: string, reason: string, deviceKey?: string | null): void;
  /** A member signed a longer membership log than mine: fetch it, and hold my writes meanwhile. */
  noteLogAhead(group: StoredGroup, length: number, author: string, docHex: string): void;
  writesHeld(group: StoredGroup): boolean;
  /** The document's profiles map changed (a remote update, or my own profile). */
  onProfilesChanged(doc: OpenDoc): void;
  onPendingChanged(): void;
  /** A new catch-up starts: what was held for this document comes again. */
  dropHeld(docHex: string): void;
  refreshQuietly(groupId: Uint8Array): Promise<boolean>;
  snapshotEvery: number;
  batchMs: number;
}

/** Opens (or returns) a document of a space I hold; only members subscribe. */
export function openDoc(deps: OpenDocDeps, docHex: string): OpenDoc {
  const existing = deps.docs.get(docHex);
  if (existing) return existing;
  const group = [...deps.groups.values()].find((g) => toHex(g.docId) === docHex);
  if (!group || group.wiped)
    throw new SuviazError('not-found', 'There is no such shared document.');
  const { db, me } = deps;
  const docId = group.docId;
  if (!hasDoc(db, docId)) {
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
    presence: new PresenceTracker(toHex(group.groupId), docHex, toHex(me)),
    mine: null,
    sync: new DocumentSync({
      db,
      me,
      groupId: group.groupId,
      docId,
      context: () => ({
        me,
        group: entry.group.state,
        log: logIndexOf(entry.group),
        myHead: myLogHead(entry.group.state),
        documentKey: (epoch) => deps.keyFor(entry.group, epoch),
        epoch: entry.group.state.epoch,
        // Not while someone who left (or was removed with approval) still holds the epoch key:
        // what is written then waits for an admin's app to start the next one.
        canWrite:
          entry.group.status === 'active' &&
          canWrite(entry.group.state, me) &&
          !entry.group.state.rotationNeeded &&
          !deps.writesHeld(entry.group),
      }),
      sign: deps.sign,
      connection: deps.connection,
      onRemoteUpdate: (update) => deps.onRemoteUpdate(docHex, update),
      onWarning: (reason, _detail, author, claimedLength) => {
        const authorHex = author ? toHex(author) : null;
        if (reason === 'log-ahead' && authorHex && claimedLength) {
          // The frames waited for a refresh already: the relay does not show what they name.
          deps.noteLogAhead(entry.group, claimedLength, authorHex, docHex);
          return;
        }
        deps.warn(docHex, reason, authorHex);
      },
      onPendingChanged: deps.onPendingChanged,
      onResubscribe: () => deps.dropHeld(docHex),
      // Closed as a document that failed to open was before main's replica was built lazily; in a
      // later turn, not inside whatever call found the failure.
      onUnreadable: () =>
        setImmediate(() => {
          if (deps.docs.get(docHex) !== entry) return;
          deps.docs.delete(docHex);
          entry.sync.unsubscribe();
        }),
      onStaleEpoch: () => {
        void deps.refreshQuietly(entry.group.groupId).then(() => entry.sync.flush());
      },
      batchMs: deps.batchMs,
      snapshotEvery: deps.snapshotEvery,
    }),
  };
  deps.docs.set(docHex, entry);
  entry.sync.whenBuilt((ydoc) =>
    ydoc.getMap(PROFILES_MAP).observe(() => deps.onProfilesChanged(entry)),
  );
  // Only members subscribe; a removed or pending device reads what it holds.
  if (group.status === 'active') void entry.sync.subscribe();
  return entry;
}

/**
 * Every document of every space I am a member of stays open and subscribed while unlocked, not
 * only the one on screen: "my tasks", mentions and the offline copy must be current everywhere.
 */
export function keepActiveDocsOpen(deps: OpenDocDeps): void {
  for (const group of deps.groups.values()) {
    if (group.status === 'active' && !group.wiped && !deps.docs.has(toHex(group.docId))) {
      try {
        openDoc(deps, toHex(group.docId));
      } catch {
        // A vault we cannot read this document from: it shows its own error when opened.
      }
    }
  }
}
