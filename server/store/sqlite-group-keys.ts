// The lockboxes and invite material of the SQLite store: written once each (a second put conflicts),
// each counted in its group's bytes by the same transaction that adds it.
import type Database from 'better-sqlite3-multiple-ciphers';
import { b, u8 } from './sqlite-bytes';
import {
  StoreConflictError,
  type PutInviteMaterial,
  type PutLockbox,
  type RelayStore,
} from './relay-store';

type GroupKeyMethods = Pick<
  RelayStore,
  'getLockbox' | 'putLockbox' | 'lockboxesFor' | 'putInviteMaterial' | 'getInviteMaterial'
>;

/**
 * The lockbox and invite methods over `db`. `usageChanged` is told of every group whose bytes
 * moved, so the store's usage cache reads them afresh.
 */
export function sqliteGroupKeys(
  db: Database.Database,
  usageChanged: (groupId: Uint8Array) => void,
): GroupKeyMethods {
  const q = {
    lockbox: db.prepare(
      'SELECT lockbox FROM lockboxes ' +
        'WHERE group_id = ? AND recipient = ? AND epoch = ? AND author = ?',
    ),
    insertLockbox: db.prepare(
      'INSERT INTO lockboxes (group_id, recipient, epoch, author, lockbox) VALUES (?, ?, ?, ?, ?)',
    ),
    lockboxesFor: db.prepare(
      'SELECT lockbox FROM lockboxes WHERE group_id = ? AND recipient = ? ORDER BY epoch, author',
    ),
    inviteMaterial: db.prepare(
      'SELECT material FROM invites WHERE group_id = ? AND invite_key = ?',
    ),
    insertInviteMaterial: db.prepare(
      'INSERT INTO invites (group_id, invite_key, material) VALUES (?, ?, ?)',
    ),
    addGroupBytes: db.prepare('UPDATE groups SET bytes = bytes + ? WHERE group_id = ?'),
  };

  const lockboxTx = db.transaction((put: PutLockbox) => {
    if (q.lockbox.get(b(put.groupId), b(put.recipient), put.epoch, b(put.author))) {
      throw new StoreConflictError('lockbox exists');
    }
    q.insertLockbox.run(b(put.groupId), b(put.recipient), put.epoch, b(put.author), b(put.lockbox));
    q.addGroupBytes.run(put.lockbox.length, b(put.groupId));
  });

  const inviteTx = db.transaction((put: PutInviteMaterial) => {
    if (q.inviteMaterial.get(b(put.groupId), b(put.inviteKey))) {
      throw new StoreConflictError('invite material exists');
    }
    q.insertInviteMaterial.run(b(put.groupId), b(put.inviteKey), b(put.material));
    q.addGroupBytes.run(put.material.length, b(put.groupId));
  });

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  return {
    async getLockbox(groupId, epoch, recipient, author) {
      const row = q.lockbox.get(b(groupId), b(recipient), epoch, b(author)) as
        { lockbox: Buffer } | undefined;
      return row ? u8(row.lockbox) : null;
    },
    async putLockbox(put) {
      usageChanged(put.groupId);
      lockboxTx.immediate(put);
    },
    async lockboxesFor(groupId, recipient) {
      const rows = q.lockboxesFor.all(b(groupId), b(recipient)) as { lockbox: Buffer }[];
      return rows.map((row) => u8(row.lockbox));
    },
    async putInviteMaterial(put) {
      // Invite material and lockboxes count towards the group's storage: read it afresh next time.
      usageChanged(put.groupId);
      inviteTx.immediate(put);
    },
    async getInviteMaterial(groupId, inviteKey) {
      const row = q.inviteMaterial.get(b(groupId), b(inviteKey)) as
        { material: Buffer } | undefined;
      return row ? u8(row.material) : null;
    },
  };
}
