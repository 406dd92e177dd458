// The shares of the SQLite store (protocol v4 SHARE_PUT, SHARE_FETCH, SHARE_DELETE): rows of the
// shares table, each counted in its group's bytes by the same transaction that adds or removes it.
import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreConflictError, type RelayStore, type StoredShare } from './relay-store';
import { b, u8 } from './sqlite-bytes';

type ShareMethods = Pick<
  RelayStore,
  'putShare' | 'getShare' | 'deleteShare' | 'deleteExpiredShares' | 'countShares'
>;

interface ShareRow {
  share_id: Buffer;
  group_id: Buffer;
  author: Buffer;
  expires_at: number;
  ciphertext: Buffer;
}

/** What a delete took out: whose bytes to uncount. */
interface Removed {
  group_id: Buffer;
  size: number;
}

/**
 * The share methods over `db`. `usageChanged` is told of every group whose bytes moved, so the
 * store's usage cache reads them afresh.
 */
export function sqliteShares(
  db: Database.Database,
  usageChanged: (groupId: Uint8Array) => void,
): ShareMethods {
  const q = {
    get: db.prepare(
      'SELECT share_id, group_id, author, expires_at, ciphertext FROM shares WHERE share_id = ?',
    ),
    insert: db.prepare(
      'INSERT INTO shares (share_id, group_id, author, expires_at, ciphertext) ' +
        'VALUES (?, ?, ?, ?, ?)',
    ),
    // RETURNING: the delete itself says what it removed, so the bytes uncounted are the bytes gone.
    delete: db.prepare(
      'DELETE FROM shares WHERE share_id = ? AND author = ? ' +
        'RETURNING group_id, length(ciphertext) AS size',
    ),
    deleteExpired: db.prepare(
      'DELETE FROM shares WHERE expires_at <= ? RETURNING group_id, length(ciphertext) AS size',
    ),
    addGroupBytes: db.prepare('UPDATE groups SET bytes = bytes + ? WHERE group_id = ?'),
    count: db.prepare('SELECT count(*) AS n FROM shares WHERE group_id = ?'),
  };

  const uncount = (removed: readonly Removed[]): void => {
    for (const row of removed) q.addGroupBytes.run(-row.size, row.group_id);
  };

  const putTx = db.transaction((share: StoredShare) => {
    if (q.get.get(b(share.shareId))) throw new StoreConflictError('share exists');
    q.insert.run(
      b(share.shareId),
      b(share.groupId),
      b(share.author),
      share.expiresAt,
      b(share.ciphertext),
    );
    q.addGroupBytes.run(share.ciphertext.length, b(share.groupId));
  });

  const deleteTx = db.transaction((shareId: Uint8Array, author: Uint8Array): Removed[] => {
    const removed = q.delete.all(b(shareId), b(author)) as Removed[];
    uncount(removed);
    return removed;
  });

  const deleteExpiredTx = db.transaction((now: number): Removed[] => {
    const removed = q.deleteExpired.all(now) as Removed[];
    uncount(removed);
    return removed;
  });

  const tellUsage = (removed: readonly Removed[]): void => {
    const seen = new Set<string>();
    for (const row of removed) {
      const hex = row.group_id.toString('hex');
      if (seen.has(hex)) continue;
      seen.add(hex);
      usageChanged(u8(row.group_id));
    }
  };

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  return {
    async putShare(share) {
      try {
        putTx.immediate(share);
      } finally {
        usageChanged(share.groupId);
      }
    },
    async getShare(shareId) {
      const row = q.get.get(b(shareId)) as ShareRow | undefined;
      if (!row) return null;
      return {
        shareId: u8(row.share_id),
        groupId: u8(row.group_id),
        author: u8(row.author),
        expiresAt: row.expires_at,
        ciphertext: u8(row.ciphertext),
      };
    },
    async deleteShare(shareId, author) {
      const removed = deleteTx.immediate(shareId, author);
      tellUsage(removed);
      return removed.length > 0;
    },
    async deleteExpiredShares(now) {
      const removed = deleteExpiredTx.immediate(now);
      tellUsage(removed);
      return removed.length;
    },
    async countShares(groupId) {
      return (q.count.get(b(groupId)) as { n: number }).n;
    },
  };
}
