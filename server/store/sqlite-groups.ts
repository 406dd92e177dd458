// The groups of the SQLite store: each group's row (log length, documents, bytes), its membership
// log entries and the devices it has ever added, which LIST_GROUPS reads.
import type Database from 'better-sqlite3-multiple-ciphers';
import { toHex } from '../../src-shared/protocol/bytes';
import type { BoundedCache } from './bounded-cache';
import { b, u8 } from './sqlite-bytes';
import {
  StoreConflictError,
  type AppendEntry,
  type GroupUsage,
  type RelayStore,
} from './relay-store';

type GroupMethods = Pick<
  RelayStore,
  'groupEntries' | 'groupExists' | 'appendGroupEntry' | 'groupsOfDevice' | 'groupUsage'
>;

interface GroupRow {
  length: number;
  documents: number;
  bytes: number;
}

/**
 * The group methods over `db`. `usageCache` is the store's cache of each group's usage, keyed by
 * hex group id: read here, kept current by the parts that add or remove bytes.
 */
export function sqliteGroups(
  db: Database.Database,
  usageCache: BoundedCache<GroupUsage>,
): GroupMethods {
  const q = {
    group: db.prepare('SELECT length, documents, bytes FROM groups WHERE group_id = ?'),
    insertGroup: db.prepare('INSERT INTO groups (group_id, length) VALUES (?, 1)'),
    growGroup: db.prepare(
      'UPDATE groups SET length = length + 1 WHERE group_id = ? AND length = ?',
    ),
    insertEntry: db.prepare('INSERT INTO group_entries (group_id, idx, entry) VALUES (?, ?, ?)'),
    entries: db.prepare(
      'SELECT entry FROM group_entries WHERE group_id = ? AND idx >= ? ORDER BY idx LIMIT ?',
    ),
    insertMember: db.prepare(
      'INSERT OR IGNORE INTO group_members (device, group_id) VALUES (?, ?)',
    ),
    groupsOf: db.prepare('SELECT group_id FROM group_members WHERE device = ? LIMIT ?'),
  };

  const appendTx = db.transaction((append: AppendEntry) => {
    if (append.index === 0) {
      if (q.group.get(b(append.groupId))) throw new StoreConflictError('group exists');
      q.insertGroup.run(b(append.groupId));
    } else if (q.growGroup.run(b(append.groupId), append.index).changes !== 1) {
      throw new StoreConflictError('log moved on');
    }
    q.insertEntry.run(b(append.groupId), append.index, b(append.entry));
    if (append.newMember) q.insertMember.run(b(append.newMember), b(append.groupId));
  });

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  return {
    async groupEntries(groupId, fromIndex, limit) {
      const rows = q.entries.all(b(groupId), fromIndex, limit) as { entry: Buffer }[];
      return rows.map((row) => u8(row.entry));
    },
    async groupExists(groupId) {
      return q.group.get(b(groupId)) !== undefined;
    },
    async appendGroupEntry(append) {
      appendTx.immediate(append);
    },
    async groupsOfDevice(device, limit) {
      const rows = q.groupsOf.all(b(device), limit) as { group_id: Buffer }[];
      return rows.map((row) => u8(row.group_id));
    },
    async groupUsage(groupId): Promise<GroupUsage> {
      const cached = usageCache.get(toHex(groupId));
      if (cached) return cached;
      const row = q.group.get(b(groupId)) as GroupRow | undefined;
      const usage = { documents: row?.documents ?? 0, bytes: row?.bytes ?? 0 };
      if (row) usageCache.set(toHex(groupId), usage);
      return usage;
    },
  };
}
