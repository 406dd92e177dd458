// The documents of the SQLite store: each document's position and active snapshot, its messages,
// snapshot links and author clocks, written through the group commit of sqlite-group-commit.ts.
import type Database from 'better-sqlite3-multiple-ciphers';
import { toHex } from '../../src-shared/protocol/bytes';
import { EnvelopeKind } from '../../src-shared/protocol/wire-constants';
import { BoundedCache, CACHED_DOCUMENTS } from './bounded-cache';
import { b, u8 } from './sqlite-bytes';
import { groupCommit, type CommitGate } from './sqlite-group-commit';
import {
  StoreConflictError,
  type CommitEnvelope,
  type GroupUsage,
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
}

/**
 * The document methods over `db`, and `flushQueued`, which commits the envelopes still waiting for
 * this turn's group commit (the store's close). `usageCache` is the store's cache of each group's
 * usage, keyed by hex group id: every commit moves its group's documents and bytes. `durable` gives,
 * after a write, the promise that it is on disk; `gate` may hold commits back for a moment.
 */
export function sqliteDocuments(
  db: Database.Database,
  usageCache: BoundedCache<GroupUsage>,
  durable: () => Promise<void>,
  gate: CommitGate,
): { methods: DocumentMethods; flushQueued(): void } {
  const q = {
    doc: db.prepare(
      'SELECT group_id, last_seq, active_snapshot_id, active_proof, active_generation, active_seq ' +
        'FROM documents WHERE doc_id = ?',
    ),
    clocks: db.prepare(
      'SELECT author, clock FROM author_clocks WHERE doc_id = ? AND snapshot_id = ?',
    ),
    insertDoc: db.prepare(
      'INSERT INTO documents (doc_id, group_id, last_seq, active_snapshot_id, active_proof, ' +
        'active_generation, active_seq) VALUES (?, ?, 0, ?, ?, 0, 0)',
    ),
    countGroupDoc: db.prepare('UPDATE groups SET documents = documents + 1 WHERE group_id = ?'),
    addGroupBytes: db.prepare('UPDATE groups SET bytes = bytes + ? WHERE group_id = ?'),
    advanceDoc: db.prepare('UPDATE documents SET last_seq = ? WHERE doc_id = ? AND last_seq = ?'),
    activateSnapshot: db.prepare(
      'UPDATE documents SET active_snapshot_id = ?, active_proof = ?, active_generation = ?, ' +
        'active_seq = ? WHERE doc_id = ?',
    ),
    insertMessage: db.prepare(
      'INSERT INTO messages (doc_id, seq, kind, snapshot_id, author, clock, envelope) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertSnapshot: db.prepare(
      'INSERT INTO snapshots (doc_id, snapshot_id, seq, link) VALUES (?, ?, ?, ?)',
    ),
    upsertClock: db.prepare(
      'INSERT INTO author_clocks (doc_id, snapshot_id, author, clock) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (doc_id, snapshot_id, author) DO UPDATE SET clock = excluded.clock',
    ),
    findByOrigin: db.prepare(
      'SELECT seq, envelope FROM messages ' +
        'WHERE doc_id = ? AND snapshot_id = ? AND author = ? AND clock = ? AND kind = ?',
    ),
    findSnapshot: db.prepare(
      'SELECT m.seq AS seq, m.envelope AS envelope FROM snapshots s ' +
        'JOIN messages m ON m.doc_id = s.doc_id AND m.seq = s.seq ' +
        'WHERE s.doc_id = ? AND s.snapshot_id = ?',
    ),
    links: db.prepare(
      'SELECT seq, snapshot_id, link FROM snapshots ' +
        'WHERE doc_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
    ),
    message: db.prepare('SELECT seq, envelope FROM messages WHERE doc_id = ? AND seq = ?'),
    updates: db.prepare(
      'SELECT seq, envelope FROM messages ' +
        'WHERE doc_id = ? AND seq > ? AND seq <= ? AND kind = ? ORDER BY seq LIMIT ?',
    ),
    countDocs: db.prepare('SELECT count(*) AS n FROM documents'),
  };

  const commitTx = db.transaction((c: CommitEnvelope): number => {
    let lastSeq: number;
    if (c.expectedLastSeq === null) {
      if (q.doc.get(b(c.docId))) throw new StoreConflictError('document exists');
      if (!c.snapshot) throw new Error('a new document starts with a snapshot');
      q.insertDoc.run(b(c.docId), b(c.groupId), b(c.snapshotId), b(c.snapshot.proof));
      q.countGroupDoc.run(b(c.groupId));
      lastSeq = 0;
    } else {
      lastSeq = c.expectedLastSeq;
    }
    const seq = lastSeq + 1;
    if (q.advanceDoc.run(seq, b(c.docId), lastSeq).changes !== 1) {
      throw new StoreConflictError('document moved on');
    }
    q.insertMessage.run(
      b(c.docId),
      seq,
      EnvelopeKind[c.kind],
      b(c.snapshotId),
      b(c.author),
      c.clock,
      b(c.envelope),
    );
    if (c.snapshot) {
      q.insertSnapshot.run(b(c.docId), b(c.snapshotId), seq, b(c.snapshot.link));
      q.activateSnapshot.run(
        b(c.snapshotId),
        b(c.snapshot.proof),
        c.snapshot.generation,
        seq,
        b(c.docId),
      );
    } else {
      q.upsertClock.run(b(c.docId), b(c.snapshotId), b(c.author), c.clock);
    }
    q.addGroupBytes.run(c.envelope.length, b(c.groupId));
    return seq;
  });

  /**
   * Each document's position and (in `usageCache`) each group's usage, as last committed: a PUBLISH
   * reads both, and reading them from SQLite was most of its cost after the signature. This store is
   * the only writer of its file (the fan-out is in-process too), so what it committed is what the
   * file holds; any failed commit drops the entries it touched, and the next read goes to SQLite again.
   */
  const docCache = new BoundedCache<StoredDoc>(CACHED_DOCUMENTS);

  function readDoc(docId: Uint8Array): StoredDoc | null {
    const row = q.doc.get(b(docId)) as DocRow | undefined;
    if (!row) return null;
    const clockRows = q.clocks.all(b(docId), row.active_snapshot_id) as {
      author: Buffer;
      clock: number;
    }[];
    return {
      docId,
      groupId: u8(row.group_id),
      lastSeq: row.last_seq,
      activeSnapshotId: u8(row.active_snapshot_id),
      activeProof: u8(row.active_proof),
      activeGeneration: row.active_generation,
      activeSeq: row.active_seq,
      clocks: new Map(clockRows.map((c) => [toHex(c.author), c.clock])),
    };
  }

  /** The document and group as they are once `c` committed at `seq`. */
  function remember(c: CommitEnvelope, seq: number): void {
    const docHex = toHex(c.docId);
    const before = docCache.get(docHex);
    if (c.snapshot) {
      docCache.set(docHex, {
        docId: c.docId,
        groupId: c.groupId,
        lastSeq: seq,
        activeSnapshotId: c.snapshotId,
        activeProof: c.snapshot.proof,
        activeGeneration: c.snapshot.generation,
        activeSeq: seq,
        clocks: new Map(),
      });
    } else if (before) {
      const clocks = new Map(before.clocks).set(toHex(c.author), c.clock);
      docCache.set(docHex, { ...before, lastSeq: seq, clocks });
    }
    const groupHex = toHex(c.groupId);
    const usage = usageCache.get(groupHex);
    if (usage) {
      usageCache.set(groupHex, {
        documents: usage.documents + (c.expectedLastSeq === null ? 1 : 0),
        bytes: usage.bytes + c.envelope.length,
      });
    }
  }

  function forget(c: CommitEnvelope): void {
    docCache.delete(toHex(c.docId));
    usageCache.delete(toHex(c.groupId));
  }

  const commits = groupCommit(db, commitTx, { committed: remember, failed: forget, durable, gate });

  const message = (row: unknown): StoredMessage | null => {
    const r = row as { seq: number; envelope: Buffer } | undefined;
    return r ? { seq: r.seq, envelope: u8(r.envelope) } : null;
  };

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  const methods: DocumentMethods = {
    async getDoc(docId): Promise<StoredDoc | null> {
      const cached = docCache.get(toHex(docId));
      if (cached) return cached;
      const doc = readDoc(docId);
      if (doc) docCache.set(toHex(docId), doc);
      return doc;
    },
    async findUpdate(docId, snapshotId, author, clock) {
      return message(
        q.findByOrigin.get(b(docId), b(snapshotId), b(author), clock, EnvelopeKind.update),
      );
    },
    async findSnapshot(docId, snapshotId) {
      return message(q.findSnapshot.get(b(docId), b(snapshotId)));
    },
    commitEnvelope(commit) {
      return commits.commit(commit);
    },
    async snapshotLinks(docId, afterSeq, maxSeq, limit): Promise<StoredLink[]> {
      const rows = q.links.all(b(docId), afterSeq, maxSeq, limit) as {
        seq: number;
        snapshot_id: Buffer;
        link: Buffer;
      }[];
      return rows.map((r) => ({ seq: r.seq, snapshotId: u8(r.snapshot_id), link: u8(r.link) }));
    },
    async getMessage(docId, seq) {
      return message(q.message.get(b(docId), seq));
    },
    async updates(docId, afterSeq, maxSeq, limit, maxBytes) {
      const page: StoredMessage[] = [];
      let bytes = 0;
      // Row by row: a page of large updates stops at the byte budget without reading the rest.
      for (const row of q.updates.iterate(b(docId), afterSeq, maxSeq, EnvelopeKind.update, limit)) {
        const update = message(row);
        if (!update) continue;
        page.push(update);
        bytes += update.envelope.length;
        if (bytes >= maxBytes) break;
      }
      return page;
    },
    async countDocuments() {
      return (q.countDocs.get() as { n: number }).n;
    },
  };
  return { methods, flushQueued: commits.flushQueued };
}
