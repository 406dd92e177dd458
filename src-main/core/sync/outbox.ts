// A shared document's local persistence in the vault: its Yjs state (a compacted state plus the
// updates applied since), its verifier state, and the outbox of local edits the relay has not yet
// acknowledged. Every change that must survive together is one transaction.
import type { Db } from '../vault/migrations';
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

export function loadDoc(db: Db, docId: Uint8Array): StoredDoc | null {
  const row = db
    .prepare<[Uint8Array], { group_id: Uint8Array; state: Uint8Array; verifier: string }>(
      'SELECT group_id, state, verifier FROM sync_docs WHERE doc_id = ?',
    )
    .get(docId);
  if (!row) return null;
  const later = db
    .prepare<[Uint8Array], { update_v2: Uint8Array }>(
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

export function createDoc(
  db: Db,
  groupId: Uint8Array,
  docId: Uint8Array,
  emptyState: Uint8Array,
  verifier: VerifierState,
): void {
  db.prepare(
    'INSERT OR IGNORE INTO sync_docs (doc_id, group_id, state, verifier) VALUES (?, ?, ?, ?)',
  ).run(docId, groupId, emptyState, JSON.stringify(verifier));
}

/** The local edits are in the outbox and in the document's state, or none of them is. */
export function appendLocalUpdates(
  db: Db,
  docId: Uint8Array,
  updates: readonly Uint8Array[],
  now: number,
): void {
  const toOutbox = db.prepare(
    'INSERT INTO sync_outbox (doc_id, update_v2, created_at) VALUES (?, ?, ?)',
  );
  const toState = db.prepare('INSERT INTO sync_doc_updates (doc_id, update_v2) VALUES (?, ?)');
  db.transaction(() => {
    for (const update of updates) {
      toOutbox.run(docId, update, now);
      toState.run(docId, update);
    }
  })();
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
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO sync_doc_updates (doc_id, update_v2) VALUES (?, ?)');
    for (const update of updates) insert.run(docId, update);
    saveVerifier(db, docId, verifier);
  })();
}

export function saveVerifier(db: Db, docId: Uint8Array, verifier: VerifierState): void {
  db.prepare('UPDATE sync_docs SET verifier = ? WHERE doc_id = ?').run(
    JSON.stringify(verifier),
    docId,
  );
}

/** The relay acknowledged the outbox rows up to `lastId`: drop them and record the new state. */
export function acknowledge(
  db: Db,
  docId: Uint8Array,
  lastId: number,
  verifier: VerifierState,
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM sync_outbox WHERE doc_id = ? AND id <= ?').run(docId, lastId);
    saveVerifier(db, docId, verifier);
  })();
}

export function outboxRows(db: Db, docId: Uint8Array, limit: number): OutboxRow[] {
  return db
    .prepare<[Uint8Array, number], { id: number; update_v2: Uint8Array }>(
      'SELECT id, update_v2 FROM sync_outbox WHERE doc_id = ? ORDER BY id LIMIT ?',
    )
    .all(docId, limit)
    .map((r) => ({ id: r.id, update: u8(r.update_v2) }));
}

export function outboxCount(db: Db, docId?: Uint8Array): number {
  const row = docId
    ? db
        .prepare<[Uint8Array], { n: number }>(
          'SELECT count(*) AS n FROM sync_outbox WHERE doc_id = ?',
        )
        .get(docId)
    : db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sync_outbox').get();
  return row?.n ?? 0;
}

export function updatesSinceCompaction(db: Db, docId: Uint8Array): number {
  return (
    db
      .prepare<[Uint8Array], { n: number }>(
        'SELECT count(*) AS n FROM sync_doc_updates WHERE doc_id = ?',
      )
      .get(docId)?.n ?? 0
  );
}

/** Replaces the stored state by one fresh encodeStateAsUpdateV2 and drops the updates it holds. */
export function compact(db: Db, docId: Uint8Array, state: Uint8Array): void {
  db.transaction(() => {
    db.prepare('UPDATE sync_docs SET state = ? WHERE doc_id = ?').run(state, docId);
    db.prepare('DELETE FROM sync_doc_updates WHERE doc_id = ?').run(docId);
  })();
}
