// A shared document's local persistence in the vault: its Yjs state (a compacted state plus the
// updates applied since), its verifier state, and the outbox of local edits the relay has not yet
// acknowledged. Every change that must survive together is one transaction. None of these commits
// waits for its fsync (vault-durability.ts): local edits are made durable by the caller before they
// are acknowledged; the rest the relay holds and sends again if a power cut takes them.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../vault/migrations';
import { commitWithoutFsync } from '../vault/vault-durability';
import type { VerifierState } from './document-verifier';

export interface StoredDoc {
  groupId: Uint8Array;
  /** Compacted Yjs V2 state followed by the V2 updates applied since, oldest first. */
  updates: Uint8Array[];
  verifier: VerifierState;
}

export interface OutboxRow {
  id: number;
  update: Uint8Array;
}

const u8 = (b: Uint8Array): Uint8Array => new Uint8Array(b);

/**
 * Each statement is prepared once per open database: these run on every local edit, remote update
 * and acknowledgement, and preparing one costs more than running it (8 % of a fast replay's time
 * in a profile, docs/performance.md).
 */
const prepared = new WeakMap<Db, Map<string, Database.Statement>>();

function statement<P extends unknown[] = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  let cached = statements.get(sql);
  if (!cached) {
    cached = db.prepare(sql);
    statements.set(sql, cached);
  }
  // Typed by the caller as db.prepare<P, R> would be; the cache holds the untyped statement.
  return cached as unknown as Database.Statement<P, R>;
}

export function loadDoc(db: Db, docId: Uint8Array): StoredDoc | null {
  const row = statement<
    [Uint8Array],
    { group_id: Uint8Array; state: Uint8Array; verifier: string }
  >(db, 'SELECT group_id, state, verifier FROM sync_docs WHERE doc_id = ?').get(docId);
  if (!row) return null;
  const later = statement<[Uint8Array], { update_v2: Uint8Array }>(
    db,
    'SELECT update_v2 FROM sync_doc_updates WHERE doc_id = ? ORDER BY id',
  )
    .all(docId)
    .map((r) => u8(r.update_v2));
  return {
    groupId: u8(row.group_id),
    updates: [u8(row.state), ...later],
    verifier: JSON.parse(row.verifier) as VerifierState,
  };
}

/** Whether the vault holds the document (without reading it). */
export function hasDoc(db: Db, docId: Uint8Array): boolean {
  return (
    statement<[Uint8Array], { one: number }>(
      db,
      'SELECT 1 AS one FROM sync_docs WHERE doc_id = ?',
    ).get(docId) !== undefined
  );
}

export function createDoc(
  db: Db,
  groupId: Uint8Array,
  docId: Uint8Array,
  emptyState: Uint8Array,
  verifier: VerifierState,
): void {
  statement(
    db,
    'INSERT OR IGNORE INTO sync_docs (doc_id, group_id, state, verifier) VALUES (?, ?, ?, ?)',
  ).run(docId, groupId, emptyState, JSON.stringify(verifier));
}

/**
 * The local edits are in the outbox and in the document's state, or none of them is. Written, not
 * yet on disk: await `durable(db)` before telling anyone they are stored.
 */
export function appendLocalUpdates(
  db: Db,
  docId: Uint8Array,
  updates: readonly Uint8Array[],
  now: number,
): void {
  const toOutbox = statement(
    db,
    'INSERT INTO sync_outbox (doc_id, update_v2, created_at) VALUES (?, ?, ?)',
  );
  const toState = statement(db, 'INSERT INTO sync_doc_updates (doc_id, update_v2) VALUES (?, ?)');
  commitWithoutFsync(db, () => {
    for (const update of updates) {
      toOutbox.run(docId, update, now);
      toState.run(docId, update);
    }
  });
}

/**
 * Verified remote updates and the verifier state that accepted the last of them, in one
 * transaction: the stored state never claims a seq whose update is not stored with it.
 */
export function recordRemote(
  db: Db,
  docId: Uint8Array,
  updates: readonly Uint8Array[],
  verifier: VerifierState,
): void {
  commitWithoutFsync(db, () => {
    const insert = statement(db, 'INSERT INTO sync_doc_updates (doc_id, update_v2) VALUES (?, ?)');
    for (const update of updates) insert.run(docId, update);
    saveVerifier(db, docId, verifier);
  });
}

export function saveVerifier(db: Db, docId: Uint8Array, verifier: VerifierState): void {
  statement(db, 'UPDATE sync_docs SET verifier = ? WHERE doc_id = ?').run(
    JSON.stringify(verifier),
    docId,
  );
}

/**
 * The relay stored my rows up to `lastId`: they leave the outbox, with the verifier state that
 * counts them; `null` while remote updates it also counts are not stored (the state is saved with
 * them later, and until then a restart catches up from the older one and meets my update again).
 */
export function acknowledge(
  db: Db,
  docId: Uint8Array,
  lastId: number,
  verifier: VerifierState | null,
): void {
  commitWithoutFsync(db, () => {
    statement(db, 'DELETE FROM sync_outbox WHERE doc_id = ? AND id <= ?').run(docId, lastId);
    if (verifier) saveVerifier(db, docId, verifier);
  });
}

/**
 * Puts `pieces` in the place of outbox row `id`, in order, before the document's later rows (which
 * are written again after them: ids are the order edits go out in). One transaction: a crash leaves
 * the row whole, to be cut again.
 */
export function replaceOutboxRow(
  db: Db,
  docId: Uint8Array,
  id: number,
  pieces: readonly Uint8Array[],
): void {
  commitWithoutFsync(db, () => {
    const rows = statement<[Uint8Array, number], { update_v2: Uint8Array; created_at: number }>(
      db,
      'SELECT update_v2, created_at FROM sync_outbox WHERE doc_id = ? AND id >= ? ORDER BY id',
    ).all(docId, id);
    const first = rows.shift();
    if (!first) return;
    statement(db, 'DELETE FROM sync_outbox WHERE doc_id = ? AND id >= ?').run(docId, id);
    const insert = statement(
      db,
      'INSERT INTO sync_outbox (doc_id, update_v2, created_at) VALUES (?, ?, ?)',
    );
    for (const piece of pieces) insert.run(docId, piece, first.created_at);
    for (const row of rows) insert.run(docId, row.update_v2, row.created_at);
  });
}

export function outboxRows(db: Db, docId: Uint8Array, limit: number): OutboxRow[] {
  return statement<[Uint8Array, number], { id: number; update_v2: Uint8Array }>(
    db,
    'SELECT id, update_v2 FROM sync_outbox WHERE doc_id = ? ORDER BY id LIMIT ?',
  )
    .all(docId, limit)
    .map((r) => ({ id: r.id, update: u8(r.update_v2) }));
}

export function outboxCount(db: Db, docId?: Uint8Array): number {
  const row = docId
    ? statement<[Uint8Array], { n: number }>(
        db,
        'SELECT count(*) AS n FROM sync_outbox WHERE doc_id = ?',
      ).get(docId)
    : statement<[], { n: number }>(db, 'SELECT count(*) AS n FROM sync_outbox').get();
  return row?.n ?? 0;
}

/**
 * Replaces the stored state by one fresh encodeStateAsUpdateV2 and drops the updates it holds; with
 * the verifier state that counts what it holds, in the same transaction.
 */
export function compact(
  db: Db,
  docId: Uint8Array,
  state: Uint8Array,
  verifier?: VerifierState,
): void {
  commitWithoutFsync(db, () => {
    statement(db, 'UPDATE sync_docs SET state = ? WHERE doc_id = ?').run(state, docId);
    statement(db, 'DELETE FROM sync_doc_updates WHERE doc_id = ?').run(docId);
    if (verifier) saveVerifier(db, docId, verifier);
  });
}
