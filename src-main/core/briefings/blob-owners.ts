// Which briefings hold each attachment blob here, and whose they are (vault table
// briefing_blob_owners, migration 13). Blob ids are chosen by senders and chunks are kept by blob id,
// so another author's claim on a blob is refused and a blob's chunks go with its last holder.
import type { Db } from '../vault/migrations';

/** Records the briefing's blobs as held by it, for its author. */
export function claimBlobs(
  db: Db,
  briefingId: string,
  author: string,
  blobIds: readonly string[],
): void {
  const own = db.prepare(
    'INSERT OR IGNORE INTO briefing_blob_owners (blob_id, briefing_id, author) VALUES (?, ?, ?)',
  );
  for (const blobId of blobIds) own.run(blobId, briefingId, author);
}

/**
 * Whether a copy from `author` names an attachment blob that another author's briefing here holds,
 * or one blob twice: its chunks would be mixed with, or deleted together with, someone else's file.
 */
export function blobTaken(db: Db, author: string, blobIds: readonly string[]): boolean {
  if (new Set(blobIds).size !== blobIds.length) return true;
  const other = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM briefing_blob_owners WHERE blob_id = ? AND author <> ?',
  );
  return blobIds.some((id) => (other.get(id, author)?.n ?? 0) > 0);
}

/** Of these blobs, those no briefing here holds any more: their chunks may go. */
export function unheldBlobs(db: Db, blobIds: readonly string[]): string[] {
  const held = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM briefing_blob_owners WHERE blob_id = ?',
  );
  return blobIds.filter((id) => (held.get(id)?.n ?? 0) === 0);
}

/** The briefing is gone: it holds no blob any more. */
export function forgetBlobOwners(db: Db, briefingId: string): void {
  db.prepare('DELETE FROM briefing_blob_owners WHERE briefing_id = ?').run(briefingId);
}
