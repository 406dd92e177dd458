// The shares of the PostgreSQL store (protocol v4 SHARE_PUT, SHARE_FETCH, SHARE_DELETE), each counted
// in its group's bytes by the same transaction that adds or removes it.
import type pg from 'pg';
import { addToGroup } from './pg-groups';
import { b, inTransaction, u8 } from './pg-pool';
import { StoreConflictError, StoreQuotaError, type RelayStore } from './relay-store';

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

/**
 * Deletes the shares `where` picks and uncounts their bytes, in one statement (so one transaction);
 * returns how many went. A share another process deletes meanwhile is simply no longer there.
 */
const deleteAndUncount = (where: string): string => `
  WITH removed AS (
    DELETE FROM shares WHERE ${where} RETURNING group_id, octet_length(ciphertext) AS size
  ), per_group AS (
    SELECT group_id, sum(size) AS size, count(*) AS n FROM removed GROUP BY group_id
  ), uncounted AS (
    UPDATE groups g SET bytes = g.bytes - p.size FROM per_group p WHERE g.group_id = p.group_id
  )
  SELECT coalesce(sum(n), 0) AS n FROM per_group`;

export function pgShares(pool: pg.Pool): ShareMethods {
  return {
    async putShare(share, guard) {
      await inTransaction(pool, async (client) => {
        // The group's row first: with it locked, the count below is not raced by another process.
        await addToGroup(
          client,
          share.groupId,
          { documents: 0, bytes: share.ciphertext.length },
          guard,
        );
        if (guard?.maxShares !== undefined) {
          const count = await client.query<{ n: number }>(
            'SELECT count(*) AS n FROM shares WHERE group_id = $1',
            [b(share.groupId)],
          );
          if ((count.rows[0]?.n ?? 0) >= guard.maxShares) throw new StoreQuotaError('shares');
        }
        const result = await client.query(
          'INSERT INTO shares (share_id, group_id, author, expires_at, ciphertext) ' +
            'VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
          [
            b(share.shareId),
            b(share.groupId),
            b(share.author),
            share.expiresAt,
            b(share.ciphertext),
          ],
        );
        if (result.rowCount !== 1) throw new StoreConflictError('share exists');
      });
    },
    async getShare(shareId) {
      const result = await pool.query<ShareRow>(
        'SELECT share_id, group_id, author, expires_at, ciphertext FROM shares WHERE share_id = $1',
        [b(shareId)],
      );
      const row = result.rows[0];
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
      // In a transaction of its own for the retry: it can deadlock with a put of the same id.
      const result = await inTransaction(pool, (client) =>
        client.query<{ n: number }>(deleteAndUncount('share_id = $1 AND author = $2'), [
          b(shareId),
          b(author),
        ]),
      );
      return (result.rows[0]?.n ?? 0) > 0;
    },
    async deleteExpiredShares(now) {
      const result = await inTransaction(pool, (client) =>
        client.query<{ n: number }>(deleteAndUncount('expires_at <= $1'), [now]),
      );
      return result.rows[0]?.n ?? 0;
    },
    async countShares(groupId) {
      const result = await pool.query<{ n: number }>(
        'SELECT count(*) AS n FROM shares WHERE group_id = $1',
        [b(groupId)],
      );
      return result.rows[0]?.n ?? 0;
    },
  };
}
