// The groups of the PostgreSQL store: each group's row (log length, documents, bytes), its log
// entries and members, and addToGroup, which every write that adds to a group's usage goes through.
import type pg from 'pg';
import { b, inTransaction, u8, type Queryable } from './pg-pool';
import {
  StoreConflictError,
  StoreQuotaError,
  type GroupGuard,
  type GroupUsage,
  type RelayStore,
} from './relay-store';

type GroupMethods = Pick<
  RelayStore,
  'groupEntries' | 'groupExists' | 'appendGroupEntry' | 'groupsOfDevice' | 'groupUsage'
>;

/**
 * Adds to the group's counters inside the caller's transaction, as its first write: the row lock it
 * takes orders this transaction after every other process's write to the group, and the counters it
 * returns are then the truth to check the guard against (the transaction rolls back if it fails).
 */
export async function addToGroup(
  client: Queryable,
  groupId: Uint8Array,
  add: { documents: number; bytes: number },
  guard: GroupGuard | undefined,
): Promise<void> {
  const result = await client.query<{ length: number; documents: number; bytes: number }>({
    name: 'group-add',
    text:
      'UPDATE groups SET documents = documents + $2, bytes = bytes + $3 WHERE group_id = $1 ' +
      'RETURNING length, documents, bytes',
    values: [b(groupId), add.documents, add.bytes],
  });
  const row = result.rows[0];
  if (!row) throw new StoreConflictError('no such group');
  if (!guard) return;
  if (guard.logLength !== undefined && row.length !== guard.logLength) {
    throw new StoreConflictError('log moved on');
  }
  if (guard.maxDocuments !== undefined && add.documents > 0 && row.documents > guard.maxDocuments) {
    throw new StoreQuotaError('documents');
  }
  if (add.bytes > 0 && row.bytes > guard.maxBytes) throw new StoreQuotaError('bytes');
}

export function pgGroups(pool: pg.Pool): GroupMethods {
  return {
    async groupEntries(groupId, fromIndex, limit) {
      const result = await pool.query<{ entry: Buffer }>({
        name: 'group-entries',
        text: 'SELECT entry FROM group_entries WHERE group_id = $1 AND idx >= $2 ORDER BY idx LIMIT $3',
        values: [b(groupId), fromIndex, limit],
      });
      return result.rows.map((row) => u8(row.entry));
    },
    async groupExists(groupId) {
      const result = await pool.query({
        name: 'group-exists',
        text: 'SELECT 1 FROM groups WHERE group_id = $1',
        values: [b(groupId)],
      });
      return result.rowCount === 1;
    },
    async appendGroupEntry(append) {
      await inTransaction(pool, async (client) => {
        const grown =
          append.index === 0
            ? await client.query(
                'INSERT INTO groups (group_id, length) VALUES ($1, 1) ON CONFLICT DO NOTHING',
                [b(append.groupId)],
              )
            : await client.query(
                'UPDATE groups SET length = length + 1 WHERE group_id = $1 AND length = $2',
                [b(append.groupId), append.index],
              );
        if (grown.rowCount !== 1) {
          throw new StoreConflictError(append.index === 0 ? 'group exists' : 'log moved on');
        }
        await client.query('INSERT INTO group_entries (group_id, idx, entry) VALUES ($1, $2, $3)', [
          b(append.groupId),
          append.index,
          b(append.entry),
        ]);
        if (append.newMember) {
          await client.query(
            'INSERT INTO group_members (device, group_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [b(append.newMember), b(append.groupId)],
          );
        }
      });
    },
    async groupsOfDevice(device, limit) {
      const result = await pool.query<{ group_id: Buffer }>(
        'SELECT group_id FROM group_members WHERE device = $1 LIMIT $2',
        [b(device), limit],
      );
      return result.rows.map((row) => u8(row.group_id));
    },
    async groupUsage(groupId): Promise<GroupUsage> {
      // Always read afresh: other relay processes move these counters too.
      const result = await pool.query<GroupUsage>({
        name: 'group-usage',
        text: 'SELECT documents, bytes FROM groups WHERE group_id = $1',
        values: [b(groupId)],
      });
      return result.rows[0] ?? { documents: 0, bytes: 0 };
    },
  };
}
