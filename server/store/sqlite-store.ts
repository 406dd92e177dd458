// The embedded default store: one SQLite file (better-sqlite3-multiple-ciphers, no cipher: the relay
// only ever holds ciphertext) in WAL mode. Commits write the WAL (synchronous=NORMAL) and are made
// durable by an fsync off the event loop (sqlite-wal-sync.ts); checkpoints run on a worker thread.
// This file opens it and puts the store together from its parts, one per family of tables.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { toHex } from '../../src-shared/protocol/bytes';
import type { GroupUsage, RelayStore } from './relay-store';
import { startCheckpointer } from './sqlite-checkpointer';
import { withDurableMethods } from './sqlite-durable-methods';
import { runMigrations, StoreProtocolError } from './sqlite-migrations';
import { BoundedCache, CACHED_GROUPS } from './bounded-cache';
import { sqliteDocuments } from './sqlite-documents';
import { sqliteGroupKeys } from './sqlite-group-keys';
import { sqliteGroups } from './sqlite-groups';
import { sqliteMail } from './sqlite-mail';
import { sqliteShares } from './sqlite-shares';
import { openWalSync, type Fsync } from './sqlite-wal-sync';

export const RELAY_DB_FILE = 'relay.db';

export interface SqliteStoreOptions {
  /** Told of a failed background checkpoint. */
  log?: (line: string) => void;
  /** Replaces node's fsync of the WAL (tests hold one back). */
  fsync?: Fsync;
  /** WAL pages at which commits pause for the WAL to restart (tests use a small one). */
  walRestartPages?: number;
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): RelayStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, RELAY_DB_FILE);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // The migrations commit with their own fsync; from then on, sqlite-wal-sync.ts does it.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Shares and briefings are the only rows the relay deletes (once expired, withdrawn or recalled):
  // zero their pages rather than leave the ciphertext in free space. Copies in the WAL last until its frames are reused.
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
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  // A WAL that grew under a burst is cut back to this when SQLite next starts it again.
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  const walSync = openWalSync(`${file}-wal`, options.fsync);
  const log = options.log ?? ((line: string) => process.stderr.write(`relay store: ${line}\n`));
  const checkpointer = startCheckpointer(
    file,
    {
      checkpoint() {
        log('the WAL grew past its limit: checkpointing on the relay connection');
        db.pragma('wal_checkpoint(RESTART)');
      },
      checkpointAutomatically: () => db.pragma('wal_autocheckpoint = 1000'),
    },
    log,
    options.walRestartPages,
  );
  const afterWrite = (): Promise<void> => {
    checkpointer.wrote();
    return walSync.afterWrite();
  };

  /**
   * Each group's usage (documents, bytes) as last committed, read by every PUBLISH: shared by the
   * parts below, the documents' commits keep it current and every other write that moves a group's
   * bytes drops that group's entry, so the next read goes to SQLite again. Bounded: group ids are
   * any client's to make up.
   */
  const usageCache = new BoundedCache<GroupUsage>(CACHED_GROUPS);
  const usageChanged = (groupId: Uint8Array): void => {
    usageCache.delete(toHex(groupId));
  };
  const documents = sqliteDocuments(db, usageCache, afterWrite, checkpointer);

  let closing: Promise<void> | null = null;
  const store: RelayStore = {
    ...sqliteGroups(db, usageCache),
    ...sqliteGroupKeys(db, usageChanged),
    ...sqliteShares(db, usageChanged),
    ...sqliteMail(db, usageChanged),
    ...documents.methods,
    async ping() {
      if (walSync.failure) throw walSync.failure;
    },
    close() {
      closing ??= (async () => {
        // Envelopes waiting for this turn's commit are stored (they were checked), not dropped.
        documents.flushQueued();
        await walSync.settled().catch(() => undefined);
        await checkpointer.close();
        db.close();
        await walSync.close();
      })();
      return closing;
    },
  };
  return withDurableMethods(store, afterWrite, walSync.settled);
}
