// Groups in the vault: the membership log as verified, the epoch keys that matched their commitments
// and the decrypted metadata, so spaces list and documents open with no relay at all.
import { decodeEntry } from '../../../src-shared/protocol/membership-entry';
import { replayLog, type GroupState } from '../../../src-shared/protocol/membership-state';
import type { Db } from '../vault/migrations';
import { protocolCrypto } from './group-crypto';

export interface StoredGroup {
  groupId: Uint8Array;
  relayUrl: string;
  name: string;
  docId: Uint8Array;
  entries: Uint8Array[];
  state: GroupState;
  epochKeys: Map<number, Uint8Array>;
}

interface GroupRow {
  group_id: Uint8Array;
  relay_url: string;
  name: string;
  doc_id: Uint8Array;
}

const u8 = (b: Uint8Array): Uint8Array => new Uint8Array(b);

export function loadGroups(db: Db, relayUrl: string): StoredGroup[] {
  const rows = db
    .prepare<[string], GroupRow>(
      'SELECT group_id, relay_url, name, doc_id FROM sync_groups WHERE relay_url = ? ORDER BY added_at',
    )
    .all(relayUrl);
  const entriesOf = db.prepare<[Uint8Array], { entry: Uint8Array }>(
    'SELECT entry FROM sync_group_entries WHERE group_id = ? ORDER BY idx',
  );
  const keysOf = db.prepare<[Uint8Array], { epoch: number; key: Uint8Array }>(
    'SELECT epoch, key FROM sync_epoch_keys WHERE group_id = ?',
  );
  return rows.map((row) => {
    const entries = entriesOf.all(row.group_id).map((r) => u8(r.entry));
    // Replayed again on load: cheap, and a vault edited behind our back still cannot add members.
    const state = replayLog(entries.map(decodeEntry), protocolCrypto);
    return {
      groupId: u8(row.group_id),
      relayUrl: row.relay_url,
      name: row.name,
      docId: u8(row.doc_id),
      entries,
      state,
      epochKeys: new Map(keysOf.all(row.group_id).map((k) => [k.epoch, u8(k.key)])),
    };
  });
}

/** Inserts or extends a group in one transaction (entries are append-only). */
export function saveGroup(db: Db, group: Omit<StoredGroup, 'state'>, now: number): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sync_groups (group_id, relay_url, name, doc_id, added_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET name = excluded.name`,
    ).run(group.groupId, group.relayUrl, group.name, group.docId, now);
    const insertEntry = db.prepare(
      'INSERT OR IGNORE INTO sync_group_entries (group_id, idx, entry) VALUES (?, ?, ?)',
    );
    group.entries.forEach((entry, idx) => insertEntry.run(group.groupId, idx, entry));
    const insertKey = db.prepare(
      'INSERT OR IGNORE INTO sync_epoch_keys (group_id, epoch, key) VALUES (?, ?, ?)',
    );
    for (const [epoch, key] of group.epochKeys) insertKey.run(group.groupId, epoch, key);
  })();
}
