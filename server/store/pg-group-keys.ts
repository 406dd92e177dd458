// The lockboxes and invite material of the PostgreSQL store: written once each (a second put
// conflicts, whichever relay process made the first), invite material counted in its group's bytes.
import type pg from 'pg';
import { addToGroup } from './pg-groups';
import { b, inTransaction, u8 } from './pg-pool';
import { StoreConflictError, type RelayStore } from './relay-store';

type GroupKeyMethods = Pick<
  RelayStore,
  'getLockbox' | 'putLockbox' | 'lockboxesFor' | 'putInviteMaterial' | 'getInviteMaterial'
>;

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
      // One statement is one transaction: committed when it returns.
      const result = await pool.query(
        'INSERT INTO lockboxes (group_id, recipient, epoch, author, lockbox) ' +
          'VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [b(put.groupId), b(put.recipient), put.epoch, b(put.author), b(put.lockbox)],
      );
      if (result.rowCount !== 1) throw new StoreConflictError('lockbox exists');
    },
    async lockboxesFor(groupId, recipient) {
      const result = await pool.query<{ lockbox: Buffer }>(
        'SELECT lockbox FROM lockboxes WHERE group_id = $1 AND recipient = $2 ORDER BY epoch, author',
        [b(groupId), b(recipient)],
      );
      return result.rows.map((row) => u8(row.lockbox));
    },
    async putInviteMaterial(put) {
      await inTransaction(pool, async (client) => {
        await addToGroup(
          client,
          put.groupId,
          { documents: 0, bytes: put.material.length },
          put.guard,
        );
        const result = await client.query(
          'INSERT INTO invites (group_id, invite_key, material) VALUES ($1, $2, $3) ' +
            'ON CONFLICT DO NOTHING',
          [b(put.groupId), b(put.inviteKey), b(put.material)],
        );
        if (result.rowCount !== 1) throw new StoreConflictError('invite material exists');
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
