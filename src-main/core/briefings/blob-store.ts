// Attachments' sealed chunks in the vault (table briefing_blobs): chunk i of a blob is a row, so a
// download resumes at the count it holds, an upload reads any chunk, and a wipe deletes the rows
// with secure_delete. The chunks are secretstream ciphertext inside an encrypted database.
import type { Db } from '../vault/migrations';
import { mapStorageError } from '../vault/vault';

export function blobStore(db: Db) {
  const q = {
    put: db.prepare('INSERT OR REPLACE INTO briefing_blobs (blob_id, idx, bytes) VALUES (?, ?, ?)'),
    get: db.prepare<[string, number], { bytes: Buffer }>(
      'SELECT bytes FROM briefing_blobs WHERE blob_id = ? AND idx = ?',
    ),
    count: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM briefing_blobs WHERE blob_id = ?',
    ),
    drop: db.prepare('DELETE FROM briefing_blobs WHERE blob_id = ?'),
    stage: db.prepare('INSERT OR IGNORE INTO briefing_staging (blob_id) VALUES (?)'),
    unstage: db.prepare('DELETE FROM briefing_staging WHERE blob_id = ?'),
    staged: db.prepare<[], { blob_id: string }>('SELECT blob_id FROM briefing_staging'),
  };

  function forget(blobId: string): void {
    db.pragma('secure_delete = ON');
    db.transaction(() => {
      q.drop.run(blobId);
      q.unstage.run(blobId);
    })();
  }

  return {
    /** Stores chunk `index`; a full disk (SQLITE_FULL) is the API's disk-full. */
    put(blobId: string, index: number, bytes: Uint8Array): void {
      try {
        q.put.run(blobId, index, bytes);
      } catch (error) {
        throw mapStorageError(error);
      }
    },
    /** Several chunks in one transaction: one commit (and one flush) instead of one each. */
    putAll(blobId: string, chunks: readonly { index: number; bytes: Uint8Array }[]): void {
      try {
        db.transaction(() => {
          for (const { index, bytes } of chunks) q.put.run(blobId, index, bytes);
        })();
      } catch (error) {
        throw mapStorageError(error);
      }
    },
    get(blobId: string, index: number): Uint8Array | null {
      const row = q.get.get(blobId, index);
      return row ? new Uint8Array(row.bytes) : null;
    },
    /** Chunks held; a download appends in order, so they are 0 … count - 1. */
    count: (blobId: string): number => q.count.get(blobId)?.n ?? 0,
    /** Marks a blob as being composed: removed at the next start unless it was sent. */
    staging: (blobId: string): void => void q.stage.run(blobId),
    sent: (blobId: string): void => void q.unstage.run(blobId),
    forget,
    /** Blobs composed but never sent (the app stopped mid-compose): deleted. */
    dropUnsent(): void {
      for (const { blob_id } of q.staged.all()) forget(blob_id);
    },
  };
}

export type BlobStore = ReturnType<typeof blobStore>;
