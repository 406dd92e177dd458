// The briefings of the SQLite store (protocol v5 MAIL_* and CHUNK_*): sealed items for one device
// each and the encrypted chunks of attachments, each counted in its group's bytes by the same
// transaction that adds or removes it.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { RelayStore, StoredChunk, StoredMail } from './relay-store';
import { b, u8 } from './sqlite-bytes';

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

interface ChunkRow {
  group_id: Buffer;
  briefing_id: Buffer;
  owner: Buffer;
  expires_at: number;
  bytes: Buffer;
}

/** What a delete took out: whose bytes to uncount. */
interface Removed {
  group_id: Buffer;
  size: number;
}

/** Kind of a briefing's copy (MailKind.copy): the item whose sender is the briefing's author. */
const COPY = 1;
/** Kind of a recall (MailKind.recall): kept after the recall, until the briefing would expire. */
const RECALL = 3;

export function sqliteMail(
  db: Database.Database,
  usageChanged: (groupId: Uint8Array) => void,
): MailMethods {
  const q = {
    previous: db.prepare(
      'DELETE FROM mail WHERE briefing_id = ? AND kind = ? AND sender = ? AND recipient = ? ' +
        'RETURNING group_id, length(ciphertext) AS size',
    ),
    insert: db.prepare(
      'INSERT INTO mail (group_id, briefing_id, kind, sender, recipient, expires_at, ciphertext) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq',
    ),
    forRecipient: db.prepare(
      'SELECT seq, briefing_id, kind, sender, recipient, expires_at, ciphertext FROM mail ' +
        'WHERE group_id = ? AND recipient = ? AND seq > ? AND (expires_at = 0 OR expires_at > ?) ' +
        'ORDER BY seq LIMIT ?',
    ),
    author: db.prepare(
      'SELECT sender FROM mail WHERE group_id = ? AND briefing_id = ? AND kind = ? LIMIT 1',
    ),
    recallMail: db.prepare(
      'DELETE FROM mail WHERE group_id = ? AND briefing_id = ? AND kind != ? ' +
        'RETURNING group_id, length(ciphertext) AS size',
    ),
    recallChunks: db.prepare(
      'DELETE FROM chunks WHERE group_id = ? AND briefing_id = ? ' +
        'RETURNING group_id, length(bytes) AS size',
    ),
    previousChunk: db.prepare(
      'DELETE FROM chunks WHERE blob_id = ? AND idx = ? RETURNING group_id, length(bytes) AS size',
    ),
    insertChunk: db.prepare(
      'INSERT INTO chunks (blob_id, idx, group_id, briefing_id, owner, expires_at, bytes) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    getChunk: db.prepare(
      'SELECT group_id, briefing_id, owner, expires_at, bytes FROM chunks ' +
        'WHERE blob_id = ? AND idx = ?',
    ),
    // Chunks 0 … n-1 all there: the first missing index (uploads go several at a time, so a
    // dropped connection can leave a gap that a plain count would step over).
    countChunks: db.prepare(
      'SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM chunks WHERE blob_id = @blob AND idx = 0) THEN 0 ' +
        'ELSE (SELECT min(c.idx) + 1 FROM chunks c WHERE c.blob_id = @blob AND NOT EXISTS ' +
        '(SELECT 1 FROM chunks d WHERE d.blob_id = @blob AND d.idx = c.idx + 1)) END AS n',
    ),
    expiredMail: db.prepare(
      'DELETE FROM mail WHERE expires_at > 0 AND expires_at <= ? ' +
        'RETURNING group_id, length(ciphertext) AS size',
    ),
    expiredChunks: db.prepare(
      'DELETE FROM chunks WHERE expires_at > 0 AND expires_at <= ? ' +
        'RETURNING group_id, length(bytes) AS size',
    ),
    addGroupBytes: db.prepare('UPDATE groups SET bytes = bytes + ? WHERE group_id = ?'),
  };

  const uncount = (removed: readonly Removed[]): void => {
    for (const row of removed) q.addGroupBytes.run(-row.size, row.group_id);
  };
  const tellUsage = (removed: readonly Removed[]): void => {
    const seen = new Set<string>();
    for (const row of removed) {
      const hex = row.group_id.toString('hex');
      if (seen.has(hex)) continue;
      seen.add(hex);
      usageChanged(u8(row.group_id));
    }
  };

  const putTx = db.transaction((m: StoredMail): number => {
    uncount(q.previous.all(b(m.briefingId), m.kind, b(m.sender), b(m.recipient)) as Removed[]);
    const row = q.insert.get(
      b(m.groupId),
      b(m.briefingId),
      m.kind,
      b(m.sender),
      b(m.recipient),
      m.expiresAt,
      b(m.ciphertext),
    ) as { seq: number };
    q.addGroupBytes.run(m.ciphertext.length, b(m.groupId));
    return row.seq;
  });

  const recallTx = db.transaction((groupId: Uint8Array, briefingId: Uint8Array): Removed[] => {
    const removed = [
      ...(q.recallMail.all(b(groupId), b(briefingId), RECALL) as Removed[]),
      ...(q.recallChunks.all(b(groupId), b(briefingId)) as Removed[]),
    ];
    uncount(removed);
    return removed;
  });

  const putChunkTx = db.transaction((c: StoredChunk) => {
    uncount(q.previousChunk.all(b(c.blobId), c.index) as Removed[]);
    q.insertChunk.run(
      b(c.blobId),
      c.index,
      b(c.groupId),
      b(c.briefingId),
      b(c.owner),
      c.expiresAt,
      b(c.bytes),
    );
    q.addGroupBytes.run(c.bytes.length, b(c.groupId));
  });

  const expireTx = db.transaction((now: number): Removed[] => {
    const removed = [
      ...(q.expiredMail.all(now) as Removed[]),
      ...(q.expiredChunks.all(now) as Removed[]),
    ];
    uncount(removed);
    return removed;
  });

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  return {
    async putMail(mail) {
      try {
        return putTx.immediate(mail);
      } finally {
        usageChanged(mail.groupId);
      }
    },
    async mailFor(groupId, recipient, afterSeq, limit) {
      const rows = q.forRecipient.all(
        b(groupId),
        b(recipient),
        afterSeq,
        Date.now(),
        limit,
      ) as MailRow[];
      return rows.map((row) => ({
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
      const row = q.author.get(b(groupId), b(briefingId), COPY) as { sender: Buffer } | undefined;
      return row ? u8(row.sender) : null;
    },
    async recallBriefing(groupId, briefingId) {
      tellUsage(recallTx.immediate(groupId, briefingId));
    },
    async putChunk(chunk) {
      try {
        putChunkTx.immediate(chunk);
      } finally {
        usageChanged(chunk.groupId);
      }
    },
    async getChunk(blobId, index) {
      const row = q.getChunk.get(b(blobId), index) as ChunkRow | undefined;
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
      return (q.countChunks.get({ blob: b(blobId) }) as { n: number }).n;
    },
    async deleteExpiredMail(now) {
      const removed = expireTx.immediate(now);
      tellUsage(removed);
      // Expired briefings must leave the relay's files, not only its tables: secure_delete zeroed
      // the pages, and truncating the WAL drops the copies its frames still hold.
      if (removed.length > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return removed.length;
    },
  };
}
