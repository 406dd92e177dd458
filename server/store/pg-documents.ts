// The documents of the PostgreSQL store: each document's position and active snapshot, its
// messages, snapshot links and author clocks. No cache: other relay processes commit to the same
// documents, so every read goes to the database, and every commit re-checks the position it was
// planned on (last_seq) under the document's row lock.
import type pg from 'pg';
import { toHex } from '../../src-shared/protocol/bytes';
import { EnvelopeKind } from '../../src-shared/protocol/wire-constants';
import { addToGroup } from './pg-groups';
import { b, inTransaction, isUniqueViolation, u8, type Queryable } from './pg-pool';
import {
  StoreConflictError,
  type CommitEnvelope,
  type RelayStore,
  type StoredDoc,
  type StoredLink,
  type StoredMessage,
} from './relay-store';

type DocumentMethods = Pick<
  RelayStore,
  | 'getDoc'
  | 'findUpdate'
  | 'findSnapshot'
  | 'commitEnvelope'
  | 'snapshotLinks'
  | 'getMessage'
  | 'updates'
  | 'countDocuments'
>;

interface DocRow {
  group_id: Buffer;
  last_seq: number;
  active_snapshot_id: Buffer;
  active_proof: Buffer;
  active_generation: number;
  active_seq: number;
  author: Buffer | null;
  clock: number | null;
}

const message = (row: { seq: number; envelope: Buffer } | undefined): StoredMessage | null =>
  row ? { seq: row.seq, envelope: u8(row.envelope) } : null;

/** Moves the document to `seq` (or creates it at 1); 0 rows means another writer was first. */
async function advance(client: Queryable, c: CommitEnvelope, seq: number): Promise<void> {
  if (c.expectedLastSeq === null) {
    if (!c.snapshot) throw new Error('a new document starts with a snapshot');
    const created = await client.query(
      'INSERT INTO documents (doc_id, group_id, last_seq, active_snapshot_id, active_proof, ' +
        'active_generation, active_seq) VALUES ($1, $2, 1, $3, $4, $5, 1) ON CONFLICT DO NOTHING',
      [b(c.docId), b(c.groupId), b(c.snapshotId), b(c.snapshot.proof), c.snapshot.generation],
    );
    if (created.rowCount !== 1) throw new StoreConflictError('document exists');
    return;
  }
  // Under READ COMMITTED the UPDATE waits for a concurrent commit's row lock, then re-checks
  // last_seq on the row that commit left: a document moved on by another process updates nothing.
  const moved = c.snapshot
    ? await client.query({
        name: 'doc-advance-snapshot',
        text:
          'UPDATE documents SET last_seq = $2, active_snapshot_id = $4, active_proof = $5, ' +
          'active_generation = $6, active_seq = $2 WHERE doc_id = $1 AND last_seq = $3',
        values: [
          b(c.docId),
          seq,
          c.expectedLastSeq,
          b(c.snapshotId),
          b(c.snapshot.proof),
          c.snapshot.generation,
        ],
      })
    : await client.query({
        name: 'doc-advance',
        text: 'UPDATE documents SET last_seq = $2 WHERE doc_id = $1 AND last_seq = $3',
        values: [b(c.docId), seq, c.expectedLastSeq],
      });
  if (moved.rowCount !== 1) throw new StoreConflictError('document moved on');
}

async function commitOne(client: Queryable, c: CommitEnvelope): Promise<number> {
  // The group first, as every write to a group does: one lock order, no deadlock between them.
  await addToGroup(
    client,
    c.groupId,
    { documents: c.expectedLastSeq === null ? 1 : 0, bytes: c.envelope.length },
    c.guard,
  );
  const seq = (c.expectedLastSeq ?? 0) + 1;
  await advance(client, c, seq);
  await client.query({
    name: 'message-insert',
    text:
      'INSERT INTO messages (doc_id, seq, kind, snapshot_id, author, clock, envelope) ' +
      'VALUES ($1, $2, $3, $4, $5, $6, $7)',
    values: [
      b(c.docId),
      seq,
      EnvelopeKind[c.kind],
      b(c.snapshotId),
      b(c.author),
      c.clock,
      b(c.envelope),
    ],
  });
  if (c.snapshot) {
    await client.query(
      'INSERT INTO snapshots (doc_id, snapshot_id, seq, link) VALUES ($1, $2, $3, $4)',
      [b(c.docId), b(c.snapshotId), seq, b(c.snapshot.link)],
    );
  } else {
    await client.query({
      name: 'clock-upsert',
      text:
        'INSERT INTO author_clocks (doc_id, snapshot_id, author, clock) VALUES ($1, $2, $3, $4) ' +
        'ON CONFLICT (doc_id, snapshot_id, author) DO UPDATE SET clock = excluded.clock',
      values: [b(c.docId), b(c.snapshotId), b(c.author), c.clock],
    });
  }
  return seq;
}

export function pgDocuments(pool: pg.Pool): DocumentMethods {
  return {
    async getDoc(docId): Promise<StoredDoc | null> {
      // The position and the clocks on its active snapshot in one statement: one snapshot of both.
      const result = await pool.query<DocRow>({
        name: 'doc-get',
        text:
          'SELECT d.group_id, d.last_seq, d.active_snapshot_id, d.active_proof, ' +
          'd.active_generation, d.active_seq, c.author, c.clock FROM documents d ' +
          'LEFT JOIN author_clocks c ON c.doc_id = d.doc_id AND c.snapshot_id = d.active_snapshot_id ' +
          'WHERE d.doc_id = $1',
        values: [b(docId)],
      });
      const first = result.rows[0];
      if (!first) return null;
      const clocks = new Map<string, number>();
      for (const row of result.rows) {
        if (row.author && row.clock !== null) clocks.set(toHex(row.author), row.clock);
      }
      return {
        docId,
        groupId: u8(first.group_id),
        lastSeq: first.last_seq,
        activeSnapshotId: u8(first.active_snapshot_id),
        activeProof: u8(first.active_proof),
        activeGeneration: first.active_generation,
        activeSeq: first.active_seq,
        clocks,
      };
    },
    async findUpdate(docId, snapshotId, author, clock) {
      const result = await pool.query<{ seq: number; envelope: Buffer }>(
        'SELECT seq, envelope FROM messages ' +
          'WHERE doc_id = $1 AND snapshot_id = $2 AND author = $3 AND clock = $4 AND kind = $5',
        [b(docId), b(snapshotId), b(author), clock, EnvelopeKind.update],
      );
      return message(result.rows[0]);
    },
    async findSnapshot(docId, snapshotId) {
      const result = await pool.query<{ seq: number; envelope: Buffer }>(
        'SELECT m.seq, m.envelope FROM snapshots s ' +
          'JOIN messages m ON m.doc_id = s.doc_id AND m.seq = s.seq ' +
          'WHERE s.doc_id = $1 AND s.snapshot_id = $2',
        [b(docId), b(snapshotId)],
      );
      return message(result.rows[0]);
    },
    async commitEnvelope(commit) {
      try {
        const seq = await inTransaction(pool, (client) => commitOne(client, commit));
        // PostgreSQL's COMMIT returned: durable already (synchronous_commit=on).
        return { seq, durable: Promise.resolve() };
      } catch (error) {
        // The same (snapshot, author, clock) or snapshot id stored by another process meanwhile.
        if (isUniqueViolation(error)) throw new StoreConflictError('stored meanwhile');
        throw error;
      }
    },
    async snapshotLinks(docId, afterSeq, maxSeq, limit): Promise<StoredLink[]> {
      const result = await pool.query<{ seq: number; snapshot_id: Buffer; link: Buffer }>(
        'SELECT seq, snapshot_id, link FROM snapshots ' +
          'WHERE doc_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4',
        [b(docId), afterSeq, maxSeq, limit],
      );
      return result.rows.map((r) => ({
        seq: r.seq,
        snapshotId: u8(r.snapshot_id),
        link: u8(r.link),
      }));
    },
    async getMessage(docId, seq) {
      const result = await pool.query<{ seq: number; envelope: Buffer }>({
        name: 'message-get',
        text: 'SELECT seq, envelope FROM messages WHERE doc_id = $1 AND seq = $2',
        values: [b(docId), seq],
      });
      return message(result.rows[0]);
    },
    async updates(docId, afterSeq, maxSeq, limit, maxBytes) {
      // The running total comes from the stored lengths (octet_length does not read a TOASTed
      // value), so the envelopes past the budget are never fetched.
      const result = await pool.query<{ seq: number; envelope: Buffer }>({
        name: 'message-updates',
        text:
          'SELECT seq, envelope FROM (' +
          'SELECT seq, envelope, ' +
          'sum(octet_length(envelope)) OVER (ORDER BY seq) - octet_length(envelope) AS before ' +
          'FROM messages WHERE doc_id = $1 AND seq > $2 AND seq <= $3 AND kind = $4 ' +
          'ORDER BY seq LIMIT $5) AS page WHERE before < $6 ORDER BY seq',
        values: [b(docId), afterSeq, maxSeq, EnvelopeKind.update, limit, maxBytes],
      });
      return result.rows.map((row) => ({ seq: row.seq, envelope: u8(row.envelope) }));
    },
    async countDocuments() {
      const result = await pool.query<{ n: number }>('SELECT count(*) AS n FROM documents');
      return result.rows[0]?.n ?? 0;
    },
  };
}
