// SQLite persistence for the Hocuspocus peer: @hocuspocus/extension-sqlite's schema and queries (one
// row per document name holding its whole Yjs state, written on Hocuspocus's debounced
// onStoreDocument and read on onLoadDocument), on better-sqlite3 instead of the `sqlite3` package,
// whose install downloads prebuilt binaries. Same table, same statements, same default pragmas.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';

// As extension-sqlite's SQLITE_INMEMORY schema and its fetch/store statements.
const SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`;
const SELECT = 'SELECT data FROM "documents" WHERE name = $name ORDER BY rowid DESC';
const UPSERT = `INSERT INTO "documents" ("name", "data") VALUES ($name, $data)
  ON CONFLICT(name) DO UPDATE SET data = $data`;

export function sqlitePersistence(file: string): Extension & { close(): void } {
  const db = new Database(file);
  db.exec(SCHEMA);
  const select = db.prepare<{ name: string }, { data: Buffer }>(SELECT);
  const upsert = db.prepare<{ name: string; data: Buffer }>(UPSERT);
  return {
    // extension-database: apply the stored state, if any, into the document being loaded.
    onLoadDocument({ documentName, document }) {
      const row = select.get({ name: documentName });
      if (row) Y.applyUpdate(document, new Uint8Array(row.data));
      return Promise.resolve(document);
    },
    // extension-database: the whole state as one update, replacing the row.
    onStoreDocument({ documentName, document }) {
      upsert.run({ name: documentName, data: Buffer.from(Y.encodeStateAsUpdate(document)) });
      return Promise.resolve();
    },
    close: () => db.close(),
  };
}
