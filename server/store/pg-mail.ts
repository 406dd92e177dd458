// The briefings of the PostgreSQL store (protocol v5 MAIL_* and CHUNK_*): sealed items for one
// device each and the encrypted chunks of attachments, each counted in its group's bytes by the
// same transaction that adds or removes it. A mail item's seq is taken with its group's row locked
// (addToGroup), so within a group seqs become visible in order whichever process commits them:
// a device that fetched up to seq n never misses a smaller seq committed later.
import type pg from 'pg';
import { addToGroup } from './pg-groups';
import { b, inTransaction, u8, type Queryable } from './pg-pool';
import type { RelayStore } from './relay-store';

type MailMethods = Pick<
  RelayStore,
  | 'putMail'
  | 'mailFor'
  | 'briefingAuthor'
  | 'recallBriefing'
  | 'putChunk'
  | 'getChunk'
  | 'countChunks'
  | 'deleteExpiredMail'
>;

interface MailRow {
  seq: number;
  briefing_id: Buffer;
  kind: number;
  sender: Buffer;
  recipient: Buffer;
  expires_at: number;
  ciphertext: Buffer;
}

/** Kind of a briefing's copy (MailKind.copy): the item whose sender is the briefing's author. */
const COPY = 1;
/** Kind of a recall (MailKind.recall): kept after the recall, until the briefing would expire. */
const RECALL = 3;

/** Deletes the rows `where` picks from `table` and uncounts their bytes, in one statement. */
const deleteAndUncount = (table: 'mail' | 'chunks', where: string): string => `
  WITH removed AS (
    DELETE FROM ${table} WHERE ${where}
    RETURNING group_id, octet_length(${table === 'mail' ? 'ciphertext' : 'bytes'}) AS size
  ), per_group AS (
    SELECT group_id, sum(size) AS size, count(*) AS n FROM removed GROUP BY group_id
  ), uncounted AS (
    UPDATE groups g SET bytes = g.bytes - p.size FROM per_group p WHERE g.group_id = p.group_id
  )
  SELECT coalesce(sum(n), 0) AS n FROM per_group`;

const removed = async (client: Queryable, text: string, values: unknown[]): Promise<number> =>
  (await client.query<{ n: number }>(text, values)).rows[0]?.n ?? 0;

export function pgMail(pool: pg.Pool): MailMethods {
  return {
    async putMail(m, guard) {
      return inTransaction(pool, async (client) => {
        await addToGroup(client, m.groupId, { documents: 0, bytes: m.ciphertext.length }, guard);
        await removed(
          client,
          deleteAndUncount(
            'mail',
            'briefing_id = $1 AND kind = $2 AND sender = $3 AND recipient = $4',
          ),
          [b(m.briefingId), m.kind, b(m.sender), b(m.recipient)],
        );
        const row = await client.query<{ seq: number }>(
          'INSERT INTO mail (group_id, briefing_id, kind, sender, recipient, expires_at, ciphertext) ' +
            'VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq',
          [
            b(m.groupId),
            b(m.briefingId),
            m.kind,
            b(m.sender),
            b(m.recipient),
            m.expiresAt,
            b(m.ciphertext),
          ],
        );
        const seq = row.rows[0]?.seq;
        if (seq === undefined) throw new Error('the mail insert returned no seq');
        return seq;
      });
    },
    async mailFor(groupId, recipient, afterSeq, limit) {
      const result = await pool.query<MailRow>(
        'SELECT seq, briefing_id, kind, sender, recipient, expires_at, ciphertext FROM mail ' +
          'WHERE group_id = $1 AND recipient = $2 AND seq > $3 AND (expires_at = 0 OR expires_at > $4) ' +
          'ORDER BY seq LIMIT $5',
        [b(groupId), b(recipient), afterSeq, Date.now(), limit],
      );
      return result.rows.map((row) => ({
        seq: row.seq,
        groupId,
        briefingId: u8(row.briefing_id),
        kind: row.kind,
        sender: u8(row.sender),
        recipient: u8(row.recipient),
        expiresAt: row.expires_at,
        ciphertext: u8(row.ciphertext),
      }));
    },
    async briefingAuthor(groupId, briefingId) {
      const result = await pool.query<{ sender: Buffer }>(
        'SELECT sender FROM mail WHERE group_id = $1 AND briefing_id = $2 AND kind = $3 LIMIT 1',
        [b(groupId), b(briefingId), COPY],
      );
      const row = result.rows[0];
      return row ? u8(row.sender) : null;
    },
    async recallBriefing(groupId, briefingId) {
      await inTransaction(pool, async (client) => {
        await removed(
          client,
          deleteAndUncount('mail', 'group_id = $1 AND briefing_id = $2 AND kind != $3'),
          [b(groupId), b(briefingId), RECALL],
        );
        await removed(client, deleteAndUncount('chunks', 'group_id = $1 AND briefing_id = $2'), [
          b(groupId),
          b(briefingId),
        ]);
      });
    },
    async putChunk(c, guard) {
      await inTransaction(pool, async (client) => {
        await addToGroup(client, c.groupId, { documents: 0, bytes: c.bytes.length }, guard);
        await removed(client, deleteAndUncount('chunks', 'blob_id = $1 AND idx = $2'), [
          b(c.blobId),
          c.index,
        ]);
        await client.query(
          'INSERT INTO chunks (blob_id, idx, group_id, briefing_id, owner, expires_at, bytes) ' +
            'VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            b(c.blobId),
            c.index,
            b(c.groupId),
            b(c.briefingId),
            b(c.owner),
            c.expiresAt,
            b(c.bytes),
          ],
        );
      });
    },
    async getChunk(blobId, index) {
      const result = await pool.query<{
        group_id: Buffer;
        briefing_id: Buffer;
        owner: Buffer;
        expires_at: number;
        bytes: Buffer;
      }>(
        'SELECT group_id, briefing_id, owner, expires_at, bytes FROM chunks WHERE blob_id = $1 AND idx = $2',
        [b(blobId), index],
      );
      const row = result.rows[0];
      if (!row) return null;
      return {
        blobId,
        index,
        groupId: u8(row.group_id),
        briefingId: u8(row.briefing_id),
        owner: u8(row.owner),
        expiresAt: row.expires_at,
        bytes: u8(row.bytes),
      };
    },
    async countChunks(blobId) {
      // The first missing index, as in sqlite-mail.ts: a gap is not stepped over.
      const result = await pool.query<{ n: string | number }>(
        'SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM chunks WHERE blob_id = $1 AND idx = 0) THEN 0 ' +
          'ELSE (SELECT min(c.idx) + 1 FROM chunks c WHERE c.blob_id = $1 AND NOT EXISTS ' +
          '(SELECT 1 FROM chunks d WHERE d.blob_id = $1 AND d.idx = c.idx + 1)) END AS n',
        [b(blobId)],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
    async deleteExpiredMail(now) {
      return inTransaction(pool, async (client) => {
        const where = 'expires_at > 0 AND expires_at <= $1';
        return (
          (await removed(client, deleteAndUncount('mail', where), [now])) +
          (await removed(client, deleteAndUncount('chunks', where), [now]))
        );
      });
    },
  };
}
