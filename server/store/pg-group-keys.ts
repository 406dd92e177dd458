// The lockboxes and invite material of the PostgreSQL store: written once each (a second put
// conflicts, whichever relay process made the first), each counted in its group's bytes.
import type pg from 'pg';
import { addToGroup } from './pg-groups';
import { b, inTransaction, u8 } from './pg-pool';
import { StoreConflictError, type GroupGuard, type RelayStore } from './relay-store';

type GroupKeyMethods = Pick<
  RelayStore,
  'getLockbox' | 'putLockbox' | 'lockboxesFor' | 'putInviteMaterial' | 'getInviteMaterial'
>;

/**
 * Inserts a row written once (`insert` does nothing on a conflict) and counts its bytes in the
 * group's, in one transaction: a conflict or a quota past the guard rolls both back.
 */
async function insertCounted(
  pool: pg.Pool,
  groupId: Uint8Array,
  bytes: number,
  guard: GroupGuard | undefined,
  what: string,
  insert: { text: string; values: unknown[] },
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await addToGroup(client, groupId, { documents: 0, bytes }, guard);
    const result = await client.query(insert);
    if (result.rowCount !== 1) throw new StoreConflictError(`${what} exists`);
  });
}

export function pgGroupKeys(pool: pg.Pool): GroupKeyMethods {
  return {
    async getLockbox(groupId, epoch, recipient, author) {
      const result = await pool.query<{ lockbox: Buffer }>(
        'SELECT lockbox FROM lockboxes ' +
          'WHERE group_id = $1 AND recipient = $2 AND epoch = $3 AND author = $4',
        [b(groupId), b(recipient), epoch, b(author)],
      );
      const row = result.rows[0];
      return row ? u8(row.lockbox) : null;
    },
    async putLockbox(put) {
      await insertCounted(pool, put.groupId, put.lockbox.length, put.guard, 'lockbox', {
        text:
          'INSERT INTO lockboxes (group_id, recipient, epoch, author, lockbox) ' +
          'VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        values: [b(put.groupId), b(put.recipient), put.epoch, b(put.author), b(put.lockbox)],
      });
    },
    async lockboxesFor(groupId, recipient) {
      const result = await pool.query<{ lockbox: Buffer }>(
        'SELECT lockbox FROM lockboxes WHERE group_id = $1 AND recipient = $2 ORDER BY epoch, author',
        [b(groupId), b(recipient)],
      );
      return result.rows.map((row) => u8(row.lockbox));
    },
    async putInviteMaterial(put) {
      await insertCounted(pool, put.groupId, put.material.length, put.guard, 'invite material', {
        text:
          'INSERT INTO invites (group_id, invite_key, material) VALUES ($1, $2, $3) ' +
          'ON CONFLICT DO NOTHING',
        values: [b(put.groupId), b(put.inviteKey), b(put.material)],
      });
    },
    async getInviteMaterial(groupId, inviteKey) {
      const result = await pool.query<{ material: Buffer }>(
        'SELECT material FROM invites WHERE group_id = $1 AND invite_key = $2',
        [b(groupId), b(inviteKey)],
      );
      const row = result.rows[0];
      return row ? u8(row.material) : null;
    },
  };
}
