// The embedded default store: one SQLite file (better-sqlite3-multiple-ciphers, no cipher: the relay
// only ever holds ciphertext) in WAL mode with synchronous=FULL, so a commit survives power loss.
// This file opens it and puts the store together from its parts, one per family of tables.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { toHex } from '../../src-shared/protocol/bytes';
import type { GroupUsage, RelayStore } from './relay-store';
import { runMigrations, StoreProtocolError } from './sqlite-migrations';
import { sqliteDocuments } from './sqlite-documents';
import { sqliteGroupKeys } from './sqlite-group-keys';
import { sqliteGroups } from './sqlite-groups';
import { sqliteMail } from './sqlite-mail';
import { sqliteShares } from './sqlite-shares';

export const RELAY_DB_FILE = 'relay.db';

export function openSqliteStore(dataDir: string): RelayStore {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, RELAY_DB_FILE));
  db.pragma('journal_mode = WAL');
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

  /**
   * Each group's usage (documents, bytes) as last committed, read by every PUBLISH: shared by the
   * parts below, the documents' commits keep it current and every other write that moves a group's
   * bytes drops that group's entry, so the next read goes to SQLite again.
   */
  const usageCache = new Map<string, GroupUsage>();
  const usageChanged = (groupId: Uint8Array): void => {
    usageCache.delete(toHex(groupId));
  };
  const documents = sqliteDocuments(db, usageCache);

  return {
    ...sqliteGroups(db, usageCache),
    ...sqliteGroupKeys(db, usageChanged),
    ...sqliteShares(db, usageChanged),
    ...sqliteMail(db, usageChanged),
    ...documents.methods,
    async close() {
      // Envelopes waiting for this turn's commit are stored (they were checked), not dropped.
      if (db.open) documents.flushQueued();
      if (db.open) db.close();
    },
  };
}
