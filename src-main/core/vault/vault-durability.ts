// Commits the sync engine makes many times a second, without an fsync on the event loop each. The
// vault runs synchronous=FULL (every commit fsyncs before it returns); these commits run with
// synchronous=NORMAL instead, which survives kill -9 but not a power cut, and are either re-derivable
// (what the relay holds and sends again) or made durable by an fsync of the WAL off the event loop
// before anyone is told they are stored. Why this is safe: docs/architecture.md ("Durable, without
// an fsync on the event loop"); what it bought: docs/performance.md.
import fs from 'node:fs';
import { createWalSync, type WalSync } from '../../../server/store/sqlite-wal-sync';
import type { Db } from './migrations';

const walSyncs = new WeakMap<Db, WalSync>();

/**
 * The WAL file is opened for each fsync: no descriptor outlives a lock, a wipe or a close (one kept
 * open would keep a wiped WAL's blocks on disk). The price: a write-back error that SQLite's own
 * fsync (a FULL commit elsewhere, a checkpoint) reported first is not reported again to a
 * descriptor opened after it; that commit failed loudly, this acknowledgement would not.
 */
function fsyncWal(db: Db, done: (error: Error | null) => void): void {
  fs.open(`${db.name}-wal`, 'r', (openError, fd) => {
    if (openError) {
      // No WAL while the database is open cannot happen in WAL mode; once it is closed, SQLite's
      // closing checkpoint synced everything into the database file.
      done(openError.code === 'ENOENT' && !db.open ? null : openError);
      return;
    }
    fs.fdatasync(fd, (syncError) => fs.close(fd, () => done(syncError)));
  });
}

/**
 * Runs `write` as one transaction and commits it without waiting for its fsync. For rows that may
 * be lost to a power cut without harm, since the relay sends them again (remote updates with the
 * verifier state that counts them, acknowledgements, compactions); or, followed by `durable`, for
 * rows that must be on disk before the user is told so.
 */
export function commitWithoutFsync<T>(db: Db, write: () => T): T {
  const transaction = db.transaction(write);
  // Inside someone else's transaction its commit decides (SQLite refuses a change of level there).
  if (db.inTransaction) return transaction();
  // Not a prepared statement kept for reuse: SQLite applies this pragma when it is prepared.
  db.pragma('synchronous = NORMAL');
  try {
    return transaction();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** Resolves once everything committed so far is on disk; rejects (for good) if an fsync failed. */
export function durable(db: Db): Promise<void> {
  let wal = walSyncs.get(db);
  if (!wal) {
    wal = createWalSync((done) => fsyncWal(db, done), 'the vault');
    walSyncs.set(db, wal);
  }
  return wal.afterWrite();
}
