// Briefings as this device holds them, in the vault: the verified payload, read and acknowledged
// marks, receipts (the author's), the relay position per space, refusals, recalls, and the search
// index. A wipe deletes with secure_delete and truncates the WAL, so no page of any vault file keeps it.
import type { CopyPayload } from '../../../src-shared/briefings/briefing-model';
import { CopyPayload as CopySchema } from '../../../src-shared/briefings/briefing-model';
import { plainTextOf } from '../notes/note-text';
import { unmarkDoc, unmarkText } from './leak-trace';
import { buildFtsQuery, normalizeForSearch } from '../notes/search-text';
import type { Db } from '../vault/migrations';
import { claimBlobs, forgetBlobOwners } from './blob-owners';
import type { z } from 'zod';
import type { BriefingRefusal } from '../../../src-shared/api/briefings-schemas';

/** What the list shows of a briefing, read without its payload. */
export interface BriefingListing {
  id: string;
  spaceId: string;
  author: string;
  mine: boolean;
  createdAt: number;
  expiresAt: number | null;
  title: string;
  /** The first words of the (unmarked) body, or a search snippet. */
  excerpt: string;
  attachments: number;
  readAt: number | null;
  ackedAt: number | null;
}

const EXCERPT_CHARS = 160;

export interface StoredBriefing {
  rowid: number;
  id: string;
  spaceId: string;
  author: string;
  mine: boolean;
  createdAt: number;
  expiresAt: number | null;
  payload: CopyPayload;
  canaryMap: string | null;
  readAt: number | null;
  ackedAt: number | null;
}

interface Row {
  rowid: number;
  id: string;
  space_id: string;
  author: string;
  mine: number;
  created_at: number;
  expires_at: number | null;
  payload: string;
  canary_map: string | null;
  read_at: number | null;
  acked_at: number | null;
}

const COLUMNS =
  'b.rowid AS rowid, b.id, b.space_id, b.author, b.mine, b.created_at, b.expires_at, b.payload, ' +
  'b.canary_map, b.read_at, b.acked_at';

function fromRow(row: Row): StoredBriefing | null {
  const parsed = CopySchema.safeParse(JSON.parse(row.payload));
  if (!parsed.success) return null;
  return {
    rowid: row.rowid,
    id: row.id,
    spaceId: row.space_id,
    author: row.author,
    mine: row.mine === 1,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    payload: parsed.data,
    canaryMap: row.canary_map,
    readAt: row.read_at,
    ackedAt: row.acked_at,
  };
}

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

export function getBriefing(db: Db, id: string): StoredBriefing | null {
  const row = db
    .prepare<[string], Row>(`SELECT ${COLUMNS} FROM briefings b WHERE b.id = ?`)
    .get(id);
  return row ? fromRow(row) : null;
}

/** Unread first, then newest; by space and by words when asked. */
interface ListingRow {
  id: string;
  space_id: string;
  author: string;
  mine: number;
  created_at: number;
  expires_at: number | null;
  title: string;
  excerpt: string;
  attachment_count: number;
  read_at: number | null;
  acked_at: number | null;
  snippet?: string;
}

const LISTING_COLUMNS =
  'b.id, b.space_id, b.author, b.mine, b.created_at, b.expires_at, b.title, b.excerpt, ' +
  'b.attachment_count, b.read_at, b.acked_at';

export function listBriefings(
  db: Db,
  options: { spaceId?: string; query?: string },
): BriefingListing[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  let from = 'briefings b';
  let snippet = '';
  const fts = options.query ? buildFtsQuery(options.query) : null;
  if (options.query && !fts) return [];
  if (fts) {
    from = 'briefings_fts f JOIN briefings b ON b.rowid = f.rowid';
    snippet = ", snippet(briefings_fts, 1, '', '', '…', 12) AS snippet";
    where.push('briefings_fts MATCH ?');
    params.push(fts);
  }
  if (options.spaceId) {
    where.push('b.space_id = ?');
    params.push(options.spaceId);
  }
  const sql =
    `SELECT ${LISTING_COLUMNS}${snippet} FROM ${from}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ' ORDER BY (b.read_at IS NULL) DESC, b.created_at DESC LIMIT 10000';
  return db
    .prepare<(string | number)[], ListingRow>(sql)
    .all(...params)
    .map((row) => ({
      id: row.id,
      spaceId: row.space_id,
      author: row.author,
      mine: row.mine === 1,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      title: row.title,
      excerpt: row.snippet ?? row.excerpt,
      attachments: row.attachment_count,
      readAt: row.read_at,
      ackedAt: row.acked_at,
    }));
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
