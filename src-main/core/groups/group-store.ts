// Groups in the vault: the membership log as verified, the epoch keys that matched their commitments
// and the decrypted metadata, so spaces list and documents open with no relay at all.
import { decodeEntry } from '../../../src-shared/protocol/membership-entry';
import {
  MembershipError,
  replayLog,
  type GroupState,
} from '../../../src-shared/protocol/membership-state';
import { ProtocolError } from '../../../src-shared/protocol/wire-reader';
import type { Db } from '../vault/migrations';
import { protocolCrypto } from './group-crypto';

/** 'invited': an admin added this device by its code; nothing syncs until the person accepts. */
export type GroupStatus = 'active' | 'pending' | 'removed' | 'left' | 'invited';

export interface StoredGroup {
  groupId: Uint8Array;
  relayUrl: string;
  name: string;
  docId: Uint8Array;
  entries: Uint8Array[];
  state: GroupState;
  epochKeys: Map<number, Uint8Array>;
  status: GroupStatus;
  /** Removed under the wipe policy: documents and keys are gone, the log and name remain. */
  wiped: boolean;
  /** An organisation: the coalition group it belongs to (from its encrypted metadata). */
  parentId: Uint8Array | null;
}

interface GroupRow {
  group_id: Uint8Array;
  relay_url: string;
  name: string;
  doc_id: Uint8Array;
  status: Exclude<GroupStatus, 'invited'>;
  wiped: number;
  invited: number;
  parent_id: Uint8Array | null;
}

const u8 = (b: Uint8Array): Uint8Array => new Uint8Array(b);

/** What loading found wrong with a stored group (the user is told; the vault still opens). */
export interface LoadProblems {
  /** An older protocol wrote its log (v2 entries): left out, not misread. */
  outdated(name: string, why: string): void;
  /** Its log stopped replaying at some entry (two forks stored): cut back to what replays. */
  forked(name: string): void;
}

/**
 * The longest start of a log that replays, and its state; null when not even the first entry does.
 * Each replay is linear and logs are a few hundred entries, so trying from the end is cheap enough.
 */
function longestValidPrefix(entries: Uint8Array[]): { length: number; state: GroupState } | null {
  for (let length = entries.length - 1; length > 0; length--) {
    try {
      return {
        length,
        state: replayLog(entries.slice(0, length).map(decodeEntry), protocolCrypto),
      };
    } catch {
      // Shorter still.
    }
  }
  return null;
}

/** Drops stored entries from `length` on and epoch keys above `epoch`: a fork cut back. */
function cutBack(db: Db, groupId: Uint8Array, length: number, epoch: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM sync_group_entries WHERE group_id = ? AND idx >= ?').run(
      groupId,
      length,
    );
    db.prepare('DELETE FROM sync_epoch_keys WHERE group_id = ? AND epoch > ?').run(groupId, epoch);
  })();
}

/**
 * The groups of this relay in the vault. A group whose log an older protocol wrote (v2 entries) is
 * not misread: it is left out and named, so the user is told why it is missing. A log that does not
 * replay to its end (a relay served two forks to two refreshes at once, before commits checked for
 * that) is cut back to the part that does, and named: the next refresh fetches the rest.
 */
export function loadGroups(
  db: Db,
  relayUrl: string,
  problems: LoadProblems = { outdated: () => undefined, forked: () => undefined },
): StoredGroup[] {
  const rows = db
    .prepare<[string], GroupRow>(
      `SELECT group_id, relay_url, name, doc_id, status, wiped, invited, parent_id FROM sync_groups
       WHERE relay_url = ? ORDER BY added_at`,
    )
    .all(relayUrl);
  const entriesOf = db.prepare<[Uint8Array], { entry: Uint8Array }>(
    'SELECT entry FROM sync_group_entries WHERE group_id = ? ORDER BY idx',
  );
  const keysOf = db.prepare<[Uint8Array], { epoch: number; key: Uint8Array }>(
    'SELECT epoch, key FROM sync_epoch_keys WHERE group_id = ?',
  );
  return rows.flatMap((row) => {
    let entries = entriesOf.all(row.group_id).map((r) => u8(r.entry));
    let state: GroupState;
    try {
      // Replayed again on load: cheap, and a vault edited behind our back still cannot add members.
      state = replayLog(entries.map(decodeEntry), protocolCrypto);
    } catch (error) {
      if (error instanceof ProtocolError) {
        problems.outdated(row.name, error.message);
        return [];
      }
      if (!(error instanceof MembershipError)) throw error;
      const valid = longestValidPrefix(entries);
      if (!valid) {
        problems.outdated(row.name, error.message);
        return [];
      }
      cutBack(db, row.group_id, valid.length, valid.state.epoch);
      problems.forked(row.name);
      entries = entries.slice(0, valid.length);
      state = valid.state;
    }
    const group: StoredGroup = {
      groupId: u8(row.group_id),
      relayUrl: row.relay_url,
      name: row.name,
      docId: u8(row.doc_id),
      entries,
      state,
      epochKeys: new Map(keysOf.all(row.group_id).map((k) => [k.epoch, u8(k.key)])),
      status: row.invited === 1 ? 'invited' : row.status,
      wiped: row.wiped === 1,
      parentId: row.parent_id ? u8(row.parent_id) : null,
    };
    return [group];
  });
}

/** Inserts or extends a group in one transaction (entries are append-only). */
export function saveGroup(db: Db, group: Omit<StoredGroup, 'state'>, now: number): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sync_groups
         (group_id, relay_url, name, doc_id, added_at, status, wiped, invited, parent_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET
         name = excluded.name, status = excluded.status, wiped = excluded.wiped,
         invited = excluded.invited`,
    ).run(
      group.groupId,
      group.relayUrl,
      group.name,
      group.docId,
      now,
      // An invitation is a membership the person has not accepted yet.
      group.status === 'invited' ? 'active' : group.status,
      group.wiped ? 1 : 0,
      group.status === 'invited' ? 1 : 0,
      group.parentId,
    );
    const insertEntry = db.prepare(
      'INSERT OR IGNORE INTO sync_group_entries (group_id, idx, entry) VALUES (?, ?, ?)',
    );
    group.entries.forEach((entry, idx) => insertEntry.run(group.groupId, idx, entry));
    const insertKey = db.prepare(
      'INSERT OR IGNORE INTO sync_epoch_keys (group_id, epoch, key) VALUES (?, ?, ?)',
    );
    for (const [epoch, key] of group.epochKeys) insertKey.run(group.groupId, epoch, key);
    // A pending key that became an epoch key of the group is no longer pending.
    db.prepare(
      'DELETE FROM sync_pending_epoch_keys WHERE group_id = ? AND epoch IN (SELECT epoch FROM sync_epoch_keys WHERE group_id = ?)',
    ).run(group.groupId, group.groupId);
  })();
}

/**
 * Keeps a new epoch's key before the relay is told of the epoch: if the app dies after the relay
 * accepted the entry and before the key was stored, the key is not lost (docs/design.md, "Keys and storage").
 */
export function rememberPendingEpochKey(
  db: Db,
  groupId: Uint8Array,
  epoch: number,
  key: Uint8Array,
): void {
  db.prepare(
    'INSERT OR IGNORE INTO sync_pending_epoch_keys (group_id, epoch, key) VALUES (?, ?, ?)',
  ).run(groupId, epoch, key);
}

/** Keys this device made for an epoch that it may or may not have started (checked by the caller). */
export function pendingEpochKeys(db: Db, groupId: Uint8Array, epoch: number): Uint8Array[] {
  return db
    .prepare<[Uint8Array, number], { key: Uint8Array }>(
      'SELECT key FROM sync_pending_epoch_keys WHERE group_id = ? AND epoch = ?',
    )
    .all(groupId, epoch)
    .map((row) => u8(row.key));
}

export function forgetPendingEpochKeys(db: Db, groupId: Uint8Array, epoch: number): void {
  db.prepare('DELETE FROM sync_pending_epoch_keys WHERE group_id = ? AND epoch = ?').run(
    groupId,
    epoch,
  );
}

/**
 * Deletes what this device holds of a group's content: documents, their pending edits and every epoch
 * key. secure_delete overwrites the freed pages, so the content is not left in the file's free list.
 */
export function wipeGroupContent(db: Db, groupId: Uint8Array): void {
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    const docs = db
      .prepare<[Uint8Array], { doc_id: Uint8Array }>(
        'SELECT doc_id FROM sync_docs WHERE group_id = ?',
      )
      .all(groupId);
    for (const { doc_id } of docs) {
      db.prepare('DELETE FROM sync_outbox WHERE doc_id = ?').run(doc_id);
      db.prepare('DELETE FROM sync_doc_updates WHERE doc_id = ?').run(doc_id);
    }
    db.prepare('DELETE FROM sync_docs WHERE group_id = ?').run(groupId);
    db.prepare('DELETE FROM sync_epoch_keys WHERE group_id = ?').run(groupId);
    db.prepare('DELETE FROM sync_pending_epoch_keys WHERE group_id = ?').run(groupId);
  })();
}

/** Forgets a group entirely (the user dismissed a space they were removed from or left). */
export function deleteGroup(db: Db, groupId: Uint8Array): void {
  wipeGroupContent(db, groupId);
  db.transaction(() => {
    db.prepare('DELETE FROM sync_group_entries WHERE group_id = ?').run(groupId);
    db.prepare('DELETE FROM sync_groups WHERE group_id = ?').run(groupId);
  })();
}
