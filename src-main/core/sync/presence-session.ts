// Presence for the open documents: my announcement (sent on change, then every few seconds), what
// others announce (verified by presence.ts), the names it teaches us, and expiry of the silent.
import { LIMITS } from '../../../src-shared/limits';
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEnvelope } from '../../../src-shared/protocol/envelope';
import { fromHex } from '../crypto/sodium';
import { rememberDeviceName } from '../groups/contacts-store';
import type { Sign } from '../groups/group-ops';
import { logIndexOf, myLogHead } from '../groups/log-positions';
import type { Db } from '../vault/migrations';
import type { KeyFor, OpenDoc, OpenDocs } from './open-documents';
import { sealPresence, type PresenceCursor, type PresencePeer } from './presence';
import type { RelayConnection } from './relay-connection';

export interface PresenceSessionDeps {
  db: Db;
  me: Uint8Array;
  sign: Sign;
  docs: OpenDocs;
  /** Device names as last announced; updated in place as announcements arrive. */
  names: Map<string, string>;
  keyFor: KeyFor;
  connection(): RelayConnection | null;
  onPresence(docHex: string, peers: PresencePeer[]): void;
  onNamesChanged(): void;
  warn(docHex: string, reason: string, deviceKey?: string | null): void;
  /** A peer's presence names a longer membership log than mine. */
  noteLogAhead(doc: OpenDoc, length: number, author: string): void;
  /** My signed profile for this document, carried in my presence (null: no name set). */
  myProfile(doc: OpenDoc): Uint8Array | null;
  /** A peer's presence carried its signed profile. */
  profileOffered(doc: OpenDoc, author: string, profile: Uint8Array): void;
}

export function createPresenceSession(deps: PresenceSessionDeps) {
  const { docs } = deps;

  function receive(bytes: Uint8Array): void {
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
      {
        group: doc.group.state,
        log: logIndexOf(doc.group),
        active: doc.sync.verifierState().active,
        documentKey: (epoch) => deps.keyFor(doc.group, epoch),
      },
      Date.now(),
    );
    if (verdict.kind === 'ahead') deps.noteLogAhead(doc, verdict.length, verdict.author);
    else if (verdict.kind === 'forked-log' || verdict.kind === 'forked-document') {
      deps.warn(docHex, verdict.kind, verdict.author);
    } else if (verdict.kind === 'changed') {
      if (verdict.peer.profile) {
        deps.profileOffered(doc, verdict.peer.deviceKey, verdict.peer.profile);
      }
      const peers = doc.presence.list();
      let named = false;
      for (const peer of peers) {
        if (deps.names.get(peer.deviceKey) !== peer.name.trim() && peer.name.trim()) named = true;
        rememberDeviceName(deps.db, deps.names, fromHex(peer.deviceKey), peer.name, Date.now());
      }
      deps.onPresence(docHex, peers);
      if (named) deps.onNamesChanged();
    } else if (verdict.kind === 'rejected') deps.warn(docHex, 'tampered-presence');
  }

  function send(doc: OpenDoc): void {
    const connection = deps.connection();
    if (!doc.mine || !connection || connection.status() !== 'connected') return;
    if (doc.group.status !== 'active') return;
    const epoch = doc.group.state.epoch;
    const key = deps.keyFor(doc.group, epoch);
    if (!key) return;
    const active = doc.sync.verifierState().active;
    connection.send({
      type: 'ephemeral',
      envelope: sealPresence({
        groupId: doc.group.groupId,
        docId: doc.group.docId,
        epoch,
        active,
        log: myLogHead(doc.group.state),
        me: deps.me,
        key,
        sign: deps.sign,
        name: doc.mine.name,
        cursor: doc.mine.cursor,
        profile: deps.myProfile(doc),
      }),
    });
    doc.mine.sentAt = Date.now();
  }

  function set(docHex: string, displayName: string, cursor: PresenceCursor | null): void {
    const doc = docs.get(docHex);
    if (!doc) return;
    doc.mine = { name: displayName.slice(0, 200), cursor, sentAt: 0 };
    send(doc);
  }

  const timer = setInterval(() => {
    const now = Date.now();
    for (const [docHex, doc] of docs) {
      if (doc.mine && now - doc.mine.sentAt >= LIMITS.sync.presenceIntervalMs) send(doc);
      if (doc.presence.expire(now, LIMITS.sync.presenceTimeoutMs)) {
        deps.onPresence(docHex, doc.presence.list());
      }
    }
  }, 1000);
  timer.unref();

  return { receive, send, set, stop: () => clearInterval(timer) };
}
