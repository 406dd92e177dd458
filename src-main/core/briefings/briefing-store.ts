// Briefings as this device holds them, in the vault: the verified payload, read and acknowledged
// marks, receipts (the author's), the relay position per space, refusals, recalls, and the search
// index. A wipe deletes with secure_delete and truncates the WAL, so no page of any vault file keeps it.
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import { plainTextOf } from '../notes/note-text';
import { unmarkDoc, unmarkText } from './leak-trace';
import { normalizeForSearch } from '../notes/search-text';
import type { Db } from '../vault/migrations';
import { claimBlobs, forgetBlobOwners } from './blob-owners';
import type { z } from 'zod';
import type { BriefingRefusal } from '../../../src-shared/api/briefings-schemas';

// Re-exported for the modules that use this one whole, as their `store` namespace.
export { getBriefing, type StoredBriefing } from './briefing-reads';

const EXCERPT_CHARS = 160;

/** Stores a briefing once (a copy fetched again is the same briefing); false if it was there. */
export function keepBriefing(
  db: Db,
  payload: CopyPayload,
  mine: boolean,
  canaryMap: string | null,
): boolean {
  return db.transaction(() => {
    const title = unmarkText(payload.title);
    const text = plainTextOf(unmarkDoc(payload.body));
    const info = db
      .prepare(
        `INSERT INTO briefings (id, space_id, author, mine, created_at, expires_at, title, excerpt,
           attachment_count, payload, canary_map, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        payload.id,
        payload.space,
        payload.from,
        mine ? 1 : 0,
        payload.createdAt,
        payload.expiresAt,
        // The copy's own title: a marked copy shows its marks; only the index is unmarked.
        payload.title,
        text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS),
        payload.attachments.length,
        JSON.stringify(payload),
        canaryMap,
        mine ? payload.createdAt : null,
      );
    if (info.changes === 0) return false;
    claimBlobs(
      db,
      payload.id,
      payload.from,
      payload.attachments.map((a) => a.blobId),
    );
    db.prepare('INSERT INTO briefings_fts (rowid, title, body) VALUES (?, ?, ?)').run(
      info.lastInsertRowid,
      // A leak-traced copy is indexed as its plain text: a look-alike letter must not hide a word.
      normalizeForSearch(title),
      normalizeForSearch(text),
    );
    return true;
  })();
}

export function markRead(db: Db, id: string, at: number): void {
  db.prepare('UPDATE briefings SET read_at = coalesce(read_at, ?) WHERE id = ?').run(at, id);
}

export function markAcked(db: Db, id: string, at: number): void {
  db.prepare(
    'UPDATE briefings SET read_at = coalesce(read_at, ?), acked_at = coalesce(acked_at, ?) WHERE id = ?',
  ).run(at, at, id);
}

export interface ReceiptRow {
  device: string;
  readAt: number | null;
  ackedAt: number | null;
}

export function keepReceipt(db: Db, id: string, receipt: ReceiptRow): void {
  db.prepare(
    `INSERT INTO briefing_receipts (briefing_id, device, read_at, acked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (briefing_id, device) DO UPDATE SET
       read_at = coalesce(briefing_receipts.read_at, excluded.read_at),
       acked_at = coalesce(briefing_receipts.acked_at, excluded.acked_at)`,
  ).run(id, receipt.device, receipt.readAt, receipt.ackedAt);
}

export function receiptsOf(db: Db, id: string): ReceiptRow[] {
  return db
    .prepare<[string], { device: string; read_at: number | null; acked_at: number | null }>(
      'SELECT device, read_at, acked_at FROM briefing_receipts WHERE briefing_id = ?',
    )
    .all(id)
    .map((r) => ({ device: r.device, readAt: r.read_at, ackedAt: r.acked_at }));
}

/**
 * Deletes the briefing, its receipts and its index entry, remembering the id as recalled (until
 * `until`) so that a copy from `author` fetched later is not kept again. The WAL is truncated
 * afterwards: its frames would otherwise hold the deleted pages as they were.
 */
export function wipeBriefing(db: Db, id: string, until: number | null, author: string): void {
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    const row = db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM briefings WHERE id = ?')
      .get(id);
    if (row) db.prepare('DELETE FROM briefings_fts WHERE rowid = ?').run(row.rowid);
    db.prepare('DELETE FROM briefings WHERE id = ?').run(id);
    db.prepare('DELETE FROM briefing_receipts WHERE briefing_id = ?').run(id);
    forgetBlobOwners(db, id);
    db.prepare(
      'INSERT INTO briefing_recalls (id, until, author) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    ).run(id, until, author);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Whether `author`'s briefing `id` was recalled (or wiped) here. */
/** My briefing that reached nobody (its send failed before the first copy): as if never kept. */
export function dropUnsent(db: Db, id: string): void {
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    const row = db
      .prepare<[string], { rowid: number }>('SELECT rowid FROM briefings WHERE id = ? AND mine = 1')
      .get(id);
    // Its files' claim goes too, also when the send stopped before the briefing was kept.
    forgetBlobOwners(db, id);
    if (!row) return;
    db.prepare('DELETE FROM briefings_fts WHERE rowid = ?').run(row.rowid);
    db.prepare('DELETE FROM briefings WHERE rowid = ?').run(row.rowid);
  })();
}

/** Whether this briefing's receipt still has to go out (it failed before). */
export function setReceiptPending(db: Db, id: string, pending: boolean): void {
  db.prepare('UPDATE briefings SET receipt_pending = ? WHERE id = ?').run(pending ? 1 : 0, id);
}

export function pendingReceipts(db: Db): string[] {
  return db
    .prepare<[], { id: string }>('SELECT id FROM briefings WHERE receipt_pending = 1')
    .all()
    .map((r) => r.id);
}

export function wasRecalled(db: Db, id: string, author: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM briefing_recalls WHERE id = ? AND (author IS NULL OR author = ?)')
      .get(id, author) !== undefined
  );
}

/** Ids of briefings whose expiry has passed, and recall marks no longer needed. */
export function expiredBriefings(
  db: Db,
  now: number,
): { id: string; expiresAt: number; author: string }[] {
  db.prepare('DELETE FROM briefing_recalls WHERE until IS NOT NULL AND until <= ?').run(
    now - 24 * 3_600_000,
  );
  return db
    .prepare<[number], { id: string; expires_at: number; author: string }>(
      'SELECT id, expires_at, author FROM briefings WHERE expires_at IS NOT NULL AND expires_at <= ?',
    )
    .all(now)
    .map((r) => ({ id: r.id, expiresAt: r.expires_at, author: r.author }));
}

export function nextExpiry(db: Db): number | null {
  const row = db
    .prepare<[], { at: number | null }>(
      'SELECT min(expires_at) AS at FROM briefings WHERE expires_at IS NOT NULL',
    )
    .get();
  return row?.at ?? null;
}

export function cursorOf(db: Db, spaceId: string): number {
  const row = db
    .prepare<[string], { after_seq: number }>(
      'SELECT after_seq FROM briefing_cursors WHERE space_id = ?',
    )
    .get(spaceId);
  return row?.after_seq ?? 0;
}

export function setCursor(db: Db, spaceId: string, afterSeq: number): void {
  db.prepare(
    `INSERT INTO briefing_cursors (space_id, after_seq) VALUES (?, ?)
     ON CONFLICT (space_id) DO UPDATE SET after_seq = max(after_seq, excluded.after_seq)`,
  ).run(spaceId, afterSeq);
}

export type Refusal = z.infer<typeof BriefingRefusal>;

export function keepRefusal(db: Db, refusal: Refusal): void {
  db.prepare(
    `INSERT INTO briefing_refusals (space_id, briefing_id, reason, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (space_id, briefing_id) DO NOTHING`,
  ).run(refusal.spaceId, refusal.briefingId, refusal.reason, refusal.at);
}

export function refusals(db: Db, spaceId?: string): Refusal[] {
  const rows = db
    .prepare<[], { space_id: string; briefing_id: string; reason: Refusal['reason']; at: number }>(
      'SELECT space_id, briefing_id, reason, at FROM briefing_refusals ORDER BY at DESC LIMIT 100',
    )
    .all();
  return rows
    .filter((r) => !spaceId || r.space_id === spaceId)
    .map((r) => ({ spaceId: r.space_id, briefingId: r.briefing_id, reason: r.reason, at: r.at }));
}
