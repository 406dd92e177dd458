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

// Groups and document sync (src-main/core/groups, src-main/core/sync). Everything a shared document
// needs to open offline and to resume where it stopped: the verified membership log, the epoch keys,
// the document's Yjs state and verifier state, and the outbox of local edits not yet acknowledged.
const v2: Migration = (db) => {
  db.exec(`
    CREATE TABLE sync_groups (
      group_id BLOB PRIMARY KEY CHECK (length(group_id) = 16),
      relay_url TEXT NOT NULL,
      name TEXT NOT NULL,
      doc_id BLOB NOT NULL CHECK (length(doc_id) = 16),
      added_at INTEGER NOT NULL
    ) STRICT;

    -- The membership log exactly as verified (replayLog), entry bytes as signed.
    CREATE TABLE sync_group_entries (
      group_id BLOB NOT NULL REFERENCES sync_groups (group_id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      entry BLOB NOT NULL,
      PRIMARY KEY (group_id, idx)
    ) STRICT, WITHOUT ROWID;

    -- Epoch keys, only after they matched the commitment in the verified log.
    CREATE TABLE sync_epoch_keys (
      group_id BLOB NOT NULL REFERENCES sync_groups (group_id) ON DELETE CASCADE,
      epoch INTEGER NOT NULL,
      key BLOB NOT NULL CHECK (length(key) = 32),
      PRIMARY KEY (group_id, epoch)
    ) STRICT, WITHOUT ROWID;

    -- A document's compacted Yjs V2 state and its verifier state (JSON), updated together.
    CREATE TABLE sync_docs (
      doc_id BLOB PRIMARY KEY CHECK (length(doc_id) = 16),
      group_id BLOB NOT NULL REFERENCES sync_groups (group_id) ON DELETE CASCADE,
      state BLOB NOT NULL,
      verifier TEXT NOT NULL
    ) STRICT;

    -- Yjs updates applied since the last compaction of sync_docs.state (local and verified remote).
    CREATE TABLE sync_doc_updates (
      id INTEGER PRIMARY KEY,
      doc_id BLOB NOT NULL REFERENCES sync_docs (doc_id) ON DELETE CASCADE,
      update_v2 BLOB NOT NULL
    ) STRICT;
    CREATE INDEX sync_doc_updates_by_doc ON sync_doc_updates (doc_id, id);

    -- Local edits, written before anything else and removed only when the relay acknowledged them.
    CREATE TABLE sync_outbox (
      id INTEGER PRIMARY KEY,
      doc_id BLOB NOT NULL REFERENCES sync_docs (doc_id) ON DELETE CASCADE,
      update_v2 BLOB NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sync_outbox_by_doc ON sync_outbox (doc_id, id);
  `);
};

// v3: groups have a life cycle on this device (pending approval, removed, left, wiped), and the
// device keeps what it learned about other devices: their announced names and which I verified.
const v3: Migration = (db) => {
  db.exec(`
    ALTER TABLE sync_groups ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
      CHECK (status IN ('active', 'pending', 'removed', 'left'));
    ALTER TABLE sync_groups ADD COLUMN wiped INTEGER NOT NULL DEFAULT 0 CHECK (wiped IN (0, 1));

    -- The name each device last announced in its signed, encrypted presence.
    CREATE TABLE device_names (
      device_key BLOB PRIMARY KEY CHECK (length(device_key) = 32),
      name TEXT NOT NULL,
      seen_at INTEGER NOT NULL
    ) STRICT;

    -- Safety numbers the user checked out of band; never leaves the vault.
    CREATE TABLE verified_devices (
      device_key BLOB PRIMARY KEY CHECK (length(device_key) = 32),
      fingerprint TEXT NOT NULL,
      name TEXT,
      verified_at INTEGER NOT NULL
    ) STRICT;
  `);
};

// v4 (sync protocol v3): an admin adding this device by its code is an invitation the person
// answers before anything syncs; and a new epoch's key is kept before the relay hears of the
// epoch, so a crash between the two cannot lose it (adopted only once the log commits to it).
const v4: Migration = (db) => {
  db.exec(`
    ALTER TABLE sync_groups ADD COLUMN invited INTEGER NOT NULL DEFAULT 0 CHECK (invited IN (0, 1));

    CREATE TABLE sync_pending_epoch_keys (
      group_id BLOB NOT NULL REFERENCES sync_groups (group_id) ON DELETE CASCADE,
      epoch INTEGER NOT NULL,
      key BLOB NOT NULL CHECK (length(key) = 32),
      PRIMARY KEY (group_id, epoch, key)
    ) STRICT, WITHOUT ROWID;
  `);
};

// v5: rich private notes. notes.content holds the editor's ProseMirror JSON (docs/vault-format.md,
// "Notes"); notes.body stays the plain text, which is what notes_fts indexes and snippet() reads. Every
// existing note becomes one paragraph per line of its text. body is left exactly as it was, so the
// index (which can only be deleted from with the text it indexed) stays valid and search finds the
// same notes as before; and the plain text of the new content equals body line for line. The
// conversion is written out here rather than imported, so that this step never changes once shipped.
const v5: Migration = (db) => {
  db.exec('ALTER TABLE notes ADD COLUMN content TEXT');
  const next = db.prepare<[number], { seq: number; body: string }>(
    'SELECT seq, body FROM notes WHERE seq > ? ORDER BY seq LIMIT 200',
  );
  const setContent = db.prepare<[string, number]>('UPDATE notes SET content = ? WHERE seq = ?');
  let after = -1;
  for (;;) {
    const rows = next.all(after);
    if (rows.length === 0) break;
    for (const { seq, body } of rows) {
      const paragraphs = body
        .split(/\r\n|\r|\n/u)
        .map((line) =>
          line === ''
            ? { type: 'paragraph' }
            : { type: 'paragraph', content: [{ type: 'text', text: line }] },
        );
      setContent.run(JSON.stringify({ type: 'doc', content: paragraphs }), seq);
      after = seq;
    }
  }
};

// Organisations and the calendar: an organisation is a group with a parent (the coalition); a
// reminder is a choice of this device only, never in a shared document; an event someone shared
// with me by link or sealed to this device is kept here, read-only, until it expires.
const v6: Migration = (db) => {
  db.exec(`
    ALTER TABLE sync_groups ADD COLUMN parent_id BLOB;
    CREATE TABLE calendar_reminders (
      space_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      minutes INTEGER NOT NULL CHECK (minutes >= 0),
      PRIMARY KEY (space_id, event_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE calendar_shared (
      id TEXT PRIMARY KEY,
      received_at INTEGER NOT NULL,
      expires_at INTEGER,
      payload TEXT NOT NULL
    ) STRICT;
  `);
};

// The relay identity key this device pinned for each relay address (docs/network.md "Pinned relay
// identity"): first seen, brought by an invite link, or moved on by a rotation the old key signed.
const v7: Migration = (db) => {
  db.exec(`
    CREATE TABLE relay_pins (
      relay_url TEXT PRIMARY KEY,
      relay_key BLOB NOT NULL CHECK (length(relay_key) = 32),
      pinned_at INTEGER NOT NULL
    ) STRICT;
  `);
};

// Briefings (docs/briefings.md): each one as this device received or sent it, with its receipts and
// its attachments' sealed chunks; the relay position per space; refused items for the warning; and a
// search index whose deletes overwrite (secure-delete), so an expired briefing's words do not linger.
const v8: Migration = (db) => {
  db.exec(`
    CREATE TABLE briefings (
      id TEXT NOT NULL UNIQUE,
      space_id TEXT NOT NULL,
      author TEXT NOT NULL,
      mine INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      expires_at INTEGER,
      -- What the list shows, so that listing thousands parses no payload.
      title TEXT NOT NULL,
      excerpt TEXT NOT NULL,
      attachment_count INTEGER NOT NULL,
      payload TEXT NOT NULL,
      canary_map TEXT,
      read_at INTEGER,
      acked_at INTEGER
    ) STRICT;
    CREATE INDEX briefings_by_space ON briefings (space_id, created_at);
    CREATE INDEX briefings_by_expiry ON briefings (expires_at) WHERE expires_at IS NOT NULL;
    CREATE TABLE briefing_receipts (
      briefing_id TEXT NOT NULL,
      device TEXT NOT NULL,
      read_at INTEGER,
      acked_at INTEGER,
      PRIMARY KEY (briefing_id, device)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE briefing_cursors (
      space_id TEXT PRIMARY KEY,
      after_seq INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE briefing_refusals (
      space_id TEXT NOT NULL,
      briefing_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (space_id, briefing_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE briefing_recalls (
      id TEXT PRIMARY KEY,
      until INTEGER
    ) STRICT;
    -- Attachments' sealed chunks, inside the vault like everything else: a panic wipe, the duress
    -- passphrase and expiry need no other file. Staged blobs (composed, not sent) are listed so a
    -- crash does not leave them behind.
    CREATE TABLE briefing_blobs (
      blob_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      UNIQUE (blob_id, idx)
    ) STRICT;
    CREATE TABLE briefing_staging (
      blob_id TEXT PRIMARY KEY
    ) STRICT;
    CREATE VIRTUAL TABLE briefings_fts USING fts5 (
      title,
      body,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO briefings_fts (briefings_fts, rank) VALUES ('secure-delete', 1);
  `);
};

// Sync by file (docs/network.md "Sync by file"). Counters: for my own device, the last bundle I
// made for each space; for another device, the last of its bundles for a space imported here, so an
// older one is refused. Forward: membership entries a bundle brought that this device's relay may
// lack, sent at the next connection (the entries themselves are in sync_group_entries).
const v9: Migration = (db) => {
  db.exec(`
    CREATE TABLE sync_bundle_counters (
      device BLOB NOT NULL CHECK (length(device) = 32),
      group_id BLOB NOT NULL CHECK (length(group_id) = 16),
      counter INTEGER NOT NULL,
      PRIMARY KEY (device, group_id)
    ) STRICT;

    CREATE TABLE sync_bundle_forward (
      group_id BLOB NOT NULL CHECK (length(group_id) = 16),
      idx INTEGER NOT NULL,
      PRIMARY KEY (group_id, idx)
    ) STRICT;
  `);
};

// Who recalled a briefing: a recall for one not held yet only stops a copy from the same author,
// so no other member can keep someone's briefing away from this device. Null: any author (a mark
// made before this column; a briefing wiped here, whose author was known and is filled in now).
const v10: Migration = (db) => {
  db.exec(`ALTER TABLE briefing_recalls ADD COLUMN author TEXT`);
};

// A read receipt that could not go out (offline) waits in the vault, not in memory: it goes out at
// the next connection even after a lock or a restart.
const v11: Migration = (db) => {
  db.exec(`ALTER TABLE briefings ADD COLUMN receipt_pending INTEGER NOT NULL DEFAULT 0`);
};

// Event links this device made, so that its user can stop one (the relay's SHARE_DELETE) and
// deleting the event stops them all. Only the share id, never the link's key: the vault does not
// hold what would open the event. `stop_wanted`: asked for while the relay was out of reach; it
// is sent to the relay the link is on (`relay_url`), whichever the app is set to meanwhile.
// `org_id`: the organisation whose document held the event's details when the link was made.
const v12: Migration = (db) => {
  db.exec(`
    CREATE TABLE calendar_links_made (
      share_id TEXT PRIMARY KEY,
      relay_url TEXT NOT NULL,
      space_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      org_id TEXT,
      occurrence TEXT,
      made_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      stop_wanted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX calendar_links_made_by_event ON calendar_links_made (space_id, event_id);
  `);
};

// Which briefings each attachment's chunks belong to, and whose they are. Blob ids are chosen by the
// sender, and the chunks are kept by blob id: a copy naming another author's blob would, once
// recalled or expired, delete that briefing's downloaded file, or mix its chunks in. So a copy naming
// a blob another author's briefing holds is refused (briefing-service.ts); one author may reuse its
// own (a send resumed after an edit), and a blob's chunks go only with the last briefing holding it.
// Filled in from the briefings held now.
const v13: Migration = (db) => {
  db.exec(`
    CREATE TABLE briefing_blob_owners (
      blob_id TEXT NOT NULL,
      briefing_id TEXT NOT NULL,
      author TEXT NOT NULL,
      PRIMARY KEY (blob_id, briefing_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX briefing_blob_owners_by_briefing ON briefing_blob_owners (briefing_id);
    INSERT OR IGNORE INTO briefing_blob_owners (blob_id, briefing_id, author)
      SELECT json_extract(a.value, '$.blobId'), b.id, b.author
      FROM briefings b, json_each(b.payload, '$.attachments') a
      WHERE json_type(a.value, '$.blobId') = 'text';
  `);
};

// Events this device shared with a member of another space (sealed to their device, in that space's
// document's eventShares map), so that its user can stop one and deleting the event stops them: the
// entry's id, the space it went through and the recipient device, never the sealed bytes or the
// event's text. `occurrence`: the original slot of the one occurrence shared (null: the whole event).
// `stop_wanted`: its deletion from that document could not be written yet (tried again each minute).
// calendar_shared.via_space: the space a copy sealed to this device came through (null: a link, or
// kept before this step), so that the copy is deleted once its sharer withdraws the entry.
const v14: Migration = (db) => {
  db.exec(`
    CREATE TABLE calendar_member_shares (
      entry_id TEXT PRIMARY KEY,
      through_space TEXT NOT NULL,
      to_device TEXT NOT NULL,
      space_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      org_id TEXT,
      occurrence TEXT,
      made_at INTEGER NOT NULL,
      stop_wanted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX calendar_member_shares_by_event ON calendar_member_shares (space_id, event_id);
    ALTER TABLE calendar_shared ADD COLUMN via_space TEXT;
  `);
};

// Member shares this device received and whose sharer withdrew them, by entry id only: without it a
// member of that space could write the withdrawn entry back under its id, and the copy would be kept
// again at the next unlock. Nothing of the event is kept here.
const v15: Migration = (db) => {
  db.exec(`CREATE TABLE calendar_shared_withdrawn (id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;`);
};

// The notes' search index overwrites what it deletes, as the briefings' has since v12: FTS5 otherwise
// keeps a purged or edited note's words in older index segments until a merge, out of secure_delete's
// reach, where whoever later obtains the key reads them. 'optimize' merges the segments written
// before this step, so the words of notes purged earlier go too.
const v16: Migration = (db) => {
  db.exec(`
    INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO notes_fts (notes_fts) VALUES ('optimize');
  `);
};

export const MIGRATIONS: readonly Migration[] = [
  v1,
  v2,
  v3,
  v4,
  v5,
  v6,
  v7,
  v8,
  v9,
  v10,
  v11,
  v12,
  v13,
  v14,
  v15,
  v16,
];
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
