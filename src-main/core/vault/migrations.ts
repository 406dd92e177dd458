// The vault schema as numbered steps: MIGRATIONS[i] brings the DB from PRAGMA user_version i to i + 1.
// Append only; never edit a step that has shipped, since vaults in the field already ran it.
import type Database from 'better-sqlite3-multiple-ciphers';
import { SuviazError } from '../errors';

export type Db = Database.Database;
type Migration = (db: Db) => void;

const v1: Migration = (db) => {
  db.exec(`
    CREATE TABLE device_identity (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      signing_public_key BLOB NOT NULL,
      signing_secret_key BLOB NOT NULL,
      box_public_key BLOB NOT NULL,
      box_secret_key BLOB NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      name TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- seq is the rowid the FTS index refers to; an explicit INTEGER PRIMARY KEY so VACUUM keeps it.
    CREATE TABLE notes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      tags TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      trashed_at INTEGER
    ) STRICT;
    CREATE INDEX notes_by_updated ON notes (updated_at);

    -- One row per tag of a note, keyed by its case-folded form, so the tag list and tag filter need
    -- neither JSON parsing nor SQLite's ASCII-only lower().
    CREATE TABLE note_tags (
      note_seq INTEGER NOT NULL REFERENCES notes (seq) ON DELETE CASCADE,
      tag_key TEXT NOT NULL,
      tag TEXT NOT NULL,
      PRIMARY KEY (note_seq, tag_key)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX note_tags_by_key ON note_tags (tag_key);

    -- External content: the index holds search-normalised text (search-text.ts) that the notes store
    -- writes itself, while snippet() reads the original text from notes. Never run 'rebuild' on it:
    -- that would index the text without normalisation.
    CREATE VIRTUAL TABLE notes_fts USING fts5 (
      title, body, tags,
      content = 'notes', content_rowid = 'seq',
      tokenize = 'unicode61 remove_diacritics 2'
    );
  `);
};

export const MIGRATIONS: readonly Migration[] = [v1];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The DB's schema version; refuses a DB from a newer Suviaz before anything writes to it. */
export function checkSchemaVersion(db: Db): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SuviazError('database-corrupt', 'The vault database has no readable schema version.');
  }
  if (version > SCHEMA_VERSION) {
    throw new SuviazError(
      'database-corrupt',
      `This vault was written by a newer version of Suviaz (schema ${version}, this version ` +
        `knows up to ${SCHEMA_VERSION}). Update Suviaz to open it.`,
    );
  }
  return version;
}

export function runMigrations(db: Db): void {
  const current = checkSchemaVersion(db);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const migrate = MIGRATIONS[version - 1];
    if (!migrate) throw new Error(`missing migration ${version}`);
    // The version bump is inside the step's transaction: a crash leaves the DB at a whole version.
    db.transaction(() => {
      migrate(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
