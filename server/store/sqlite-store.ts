// The embedded default store: one SQLite file (better-sqlite3-multiple-ciphers, no cipher: the relay
// only ever holds ciphertext) in WAL mode with synchronous=FULL, so a commit survives power loss.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { toHex } from '../../src-shared/protocol/bytes';
import { EnvelopeKind } from '../../src-shared/protocol/wire-constants';
import { runMigrations, StoreProtocolError } from './sqlite-migrations';
import { sqliteShares } from './sqlite-shares';
import {
  StoreConflictError,
  type AppendEntry,
  type CommitEnvelope,
  type GroupUsage,
  type PutInviteMaterial,
  type PutLockbox,
  type RelayStore,
  type StoredDoc,
  type StoredLink,
  type StoredMessage,
} from './relay-store';

export const RELAY_DB_FILE = 'relay.db';

/** better-sqlite3 binds Buffers; a view over the same memory avoids a copy. */
const b = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
/** Rows come back as Buffers; callers get plain Uint8Arrays like everywhere else in the protocol. */
const u8 = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

interface DocRow {
  group_id: Buffer;
  last_seq: number;
  active_snapshot_id: Buffer;
  active_proof: Buffer;
  active_generation: number;
  active_seq: number;
}

interface GroupRow {
  length: number;
  documents: number;
  bytes: number;
}

export function openSqliteStore(dataDir: string): RelayStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, RELAY_DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Shares are the only rows the relay deletes (once expired or withdrawn): zero their pages rather
  // than leave the ciphertext in free space. Copies in the WAL last until its frames are reused.
  db.pragma('secure_delete = ON');
  try {
    runMigrations(db);
  } catch (error) {
    db.close();
    if (error instanceof StoreProtocolError) {
      error.message = `${path.resolve(dataDir)}: ${error.message}`;
    }
    throw error;
  }

  const q = {
    group: db.prepare('SELECT length, documents, bytes FROM groups WHERE group_id = ?'),
    insertGroup: db.prepare('INSERT INTO groups (group_id, length) VALUES (?, 1)'),
    growGroup: db.prepare(
      'UPDATE groups SET length = length + 1 WHERE group_id = ? AND length = ?',
    ),
    insertEntry: db.prepare('INSERT INTO group_entries (group_id, idx, entry) VALUES (?, ?, ?)'),
    entries: db.prepare(
      'SELECT entry FROM group_entries WHERE group_id = ? AND idx >= ? ORDER BY idx LIMIT ?',
    ),
    insertMember: db.prepare(
      'INSERT OR IGNORE INTO group_members (device, group_id) VALUES (?, ?)',
    ),
    groupsOf: db.prepare('SELECT group_id FROM group_members WHERE device = ? LIMIT ?'),
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
        'WHERE doc_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
    ),
    message: db.prepare('SELECT seq, envelope FROM messages WHERE doc_id = ? AND seq = ?'),
    updates: db.prepare(
      'SELECT seq, envelope FROM messages ' +
        'WHERE doc_id = ? AND seq > ? AND seq <= ? AND kind = ? ORDER BY seq LIMIT ?',
    ),
    countDocs: db.prepare('SELECT count(*) AS n FROM documents'),
  };

  const appendTx = db.transaction((append: AppendEntry) => {
    if (append.index === 0) {
      if (q.group.get(b(append.groupId))) throw new StoreConflictError('group exists');
      q.insertGroup.run(b(append.groupId));
    } else if (q.growGroup.run(b(append.groupId), append.index).changes !== 1) {
      throw new StoreConflictError('log moved on');
    }
    q.insertEntry.run(b(append.groupId), append.index, b(append.entry));
    if (append.newMember) q.insertMember.run(b(append.newMember), b(append.groupId));
  });

  const lockboxTx = db.transaction((put: PutLockbox) => {
    if (q.lockbox.get(b(put.groupId), b(put.recipient), put.epoch, b(put.author))) {
      throw new StoreConflictError('lockbox exists');
    }
    q.insertLockbox.run(b(put.groupId), b(put.recipient), put.epoch, b(put.author), b(put.lockbox));
  });

  const inviteTx = db.transaction((put: PutInviteMaterial) => {
    if (q.inviteMaterial.get(b(put.groupId), b(put.inviteKey))) {
      throw new StoreConflictError('invite material exists');
    }
    q.insertInviteMaterial.run(b(put.groupId), b(put.inviteKey), b(put.material));
    q.addGroupBytes.run(put.material.length, b(put.groupId));
  });

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
   * Group commit: every envelope committed in one event-loop turn goes into one transaction, so one
   * fsync covers them all. Each is its own savepoint inside it (better-sqlite3 nests transactions
   * that way), so one that conflicts is rolled back alone and the rest still commit. Nothing is
   * acknowledged before the whole batch is durable.
   */
  /**
   * Each document's position and each group's usage, as last committed: a PUBLISH reads both, and
   * reading them from SQLite was most of its cost after the signature. This store is the only writer
   * of its file (the fan-out is in-process too), so what it committed is what the file holds; any
   * failed commit drops the entries it touched, and the next read goes to SQLite again.
   */
  const docCache = new Map<string, StoredDoc>();
  const usageCache = new Map<string, GroupUsage>();

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

  const batchTx = db.transaction((commits: CommitEnvelope[]) =>
    commits.map((commit): { seq: number } | { error: unknown } => {
      try {
        return { seq: commitTx(commit) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const queued: { commit: CommitEnvelope; resolve(seq: number): void; reject(e: unknown): void }[] =
    [];
  let flushScheduled = false;
  const flushCommits = (): void => {
    flushScheduled = false;
    const batch = queued.splice(0);
    let results: ({ seq: number } | { error: unknown })[];
    try {
      results = batchTx.immediate(batch.map((item) => item.commit));
    } catch (error) {
      for (const item of batch) {
        forget(item.commit);
        item.reject(error);
      }
      return;
    }
    results.forEach((result, i) => {
      const item = batch[i];
      if (!item) return;
      if ('seq' in result) {
        remember(item.commit, result.seq);
        item.resolve(result.seq);
      } else {
        forget(item.commit);
        item.reject(result.error);
      }
    });
  };

  const shares = sqliteShares(db, (groupId) => usageCache.delete(toHex(groupId)));

  const message = (row: unknown): StoredMessage | null => {
    const r = row as { seq: number; envelope: Buffer } | undefined;
    return r ? { seq: r.seq, envelope: u8(r.envelope) } : null;
  };

  // SQLite is synchronous; the async wrappers only give the interface its PostgreSQL-ready shape.
  return {
    async groupEntries(groupId, fromIndex, limit) {
      const rows = q.entries.all(b(groupId), fromIndex, limit) as { entry: Buffer }[];
      return rows.map((row) => u8(row.entry));
    },
    async groupExists(groupId) {
      return q.group.get(b(groupId)) !== undefined;
    },
    async appendGroupEntry(append) {
      appendTx.immediate(append);
    },
    async groupsOfDevice(device, limit) {
      const rows = q.groupsOf.all(b(device), limit) as { group_id: Buffer }[];
      return rows.map((row) => u8(row.group_id));
    },
    async groupUsage(groupId): Promise<GroupUsage> {
      const cached = usageCache.get(toHex(groupId));
      if (cached) return cached;
      const row = q.group.get(b(groupId)) as GroupRow | undefined;
      const usage = { documents: row?.documents ?? 0, bytes: row?.bytes ?? 0 };
      if (row) usageCache.set(toHex(groupId), usage);
      return usage;
    },
    async getLockbox(groupId, epoch, recipient, author) {
      const row = q.lockbox.get(b(groupId), b(recipient), epoch, b(author)) as
        { lockbox: Buffer } | undefined;
      return row ? u8(row.lockbox) : null;
    },
    async putLockbox(put) {
      lockboxTx.immediate(put);
    },
    async lockboxesFor(groupId, recipient) {
      const rows = q.lockboxesFor.all(b(groupId), b(recipient)) as { lockbox: Buffer }[];
      return rows.map((row) => u8(row.lockbox));
    },
    async putInviteMaterial(put) {
      // Invite material counts towards the group's storage: read the usage afresh next time.
      usageCache.delete(toHex(put.groupId));
      inviteTx.immediate(put);
    },
    async getInviteMaterial(groupId, inviteKey) {
      const row = q.inviteMaterial.get(b(groupId), b(inviteKey)) as
        { material: Buffer } | undefined;
      return row ? u8(row.material) : null;
    },
    ...shares,
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
      return new Promise<number>((resolve, reject) => {
        queued.push({ commit, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          // After the I/O callbacks of this turn: publishes that arrived together commit together.
          setImmediate(flushCommits);
        }
      });
    },
    async snapshotLinks(docId, afterSeq, maxSeq): Promise<StoredLink[]> {
      const rows = q.links.all(b(docId), afterSeq, maxSeq) as {
        seq: number;
        snapshot_id: Buffer;
        link: Buffer;
      }[];
      return rows.map((r) => ({ seq: r.seq, snapshotId: u8(r.snapshot_id), link: u8(r.link) }));
    },
    async getMessage(docId, seq) {
      return message(q.message.get(b(docId), seq));
    },
    async updates(docId, afterSeq, maxSeq, limit) {
      const rows = q.updates.all(b(docId), afterSeq, maxSeq, EnvelopeKind.update, limit);
      return rows.map((row) => message(row)).filter((m): m is StoredMessage => m !== null);
    },
    async countDocuments() {
      return (q.countDocs.get() as { n: number }).n;
    },
    async close() {
      // Envelopes waiting for this turn's commit are stored (they were checked), not dropped.
      if (queued.length > 0 && db.open) flushCommits();
      if (db.open) db.close();
    },
  };
}
