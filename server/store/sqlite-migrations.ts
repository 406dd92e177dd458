// The relay database schema as numbered steps: MIGRATIONS[i] brings PRAGMA user_version from i to
// i + 1. Append only; never edit a step that has shipped, since relays in the field already ran it.
//
// Beside the schema, the store records the protocol version of the data it holds (relay_meta,
// from schema 3 on): envelopes and entries carry their version byte and do not decode under another
// one, so a store of another protocol's data is refused at startup rather than served. Protocol v4
// kept v3's envelopes and entries and v5 only added tables, so v3 and v4 stores are taken and
// re-marked (steps 4 and 5).
import type Database from 'better-sqlite3-multiple-ciphers';
import { PROTOCOL_VERSION } from '../../src-shared/protocol/wire-constants';

type Db = Database.Database;
type Migration = (db: Db) => void;

const v1: Migration = (db) => {
  db.exec(`
    -- One row per group; length, documents and bytes are kept up to date by the same transactions
    -- that append entries and envelopes, so quotas never need a scan.
    CREATE TABLE groups (
      group_id BLOB PRIMARY KEY,
      length INTEGER NOT NULL,
      documents INTEGER NOT NULL DEFAULT 0,
      bytes INTEGER NOT NULL DEFAULT 0
    ) STRICT, WITHOUT ROWID;

    -- Membership log entries exactly as received.
    CREATE TABLE group_entries (
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      idx INTEGER NOT NULL,
      entry BLOB NOT NULL,
      PRIMARY KEY (group_id, idx)
    ) STRICT, WITHOUT ROWID;

    -- Derived from the log, for LIST_GROUPS without replaying every log.
    CREATE TABLE group_members (
      device BLOB NOT NULL,
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      PRIMARY KEY (device, group_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE lockboxes (
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      recipient BLOB NOT NULL,
      epoch INTEGER NOT NULL,
      lockbox BLOB NOT NULL,
      PRIMARY KEY (group_id, recipient, epoch)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE documents (
      doc_id BLOB PRIMARY KEY,
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      last_seq INTEGER NOT NULL,
      active_snapshot_id BLOB NOT NULL,
      active_proof BLOB NOT NULL,
      active_generation INTEGER NOT NULL,
      active_seq INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Every stored envelope (updates and snapshots) exactly as received, by per-document seq.
    -- Old snapshots and their updates stay: every version remains restorable.
    CREATE TABLE messages (
      doc_id BLOB NOT NULL REFERENCES documents (doc_id),
      seq INTEGER NOT NULL,
      kind INTEGER NOT NULL,
      snapshot_id BLOB NOT NULL,
      author BLOB NOT NULL,
      clock INTEGER NOT NULL,
      envelope BLOB NOT NULL,
      PRIMARY KEY (doc_id, seq)
    ) STRICT, WITHOUT ROWID;
    -- One update per (snapshot, author, clock); the snapshot itself is clock 0.
    CREATE UNIQUE INDEX messages_by_origin ON messages (doc_id, snapshot_id, author, clock);

    CREATE TABLE snapshots (
      doc_id BLOB NOT NULL REFERENCES documents (doc_id),
      snapshot_id BLOB NOT NULL,
      seq INTEGER NOT NULL,
      link BLOB NOT NULL,
      PRIMARY KEY (doc_id, snapshot_id)
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX snapshots_by_seq ON snapshots (doc_id, seq);

    -- Per snapshot and author, the last update clock: what the next update and snapshot must match.
    CREATE TABLE author_clocks (
      doc_id BLOB NOT NULL,
      snapshot_id BLOB NOT NULL,
      author BLOB NOT NULL,
      clock INTEGER NOT NULL,
      PRIMARY KEY (doc_id, snapshot_id, author)
    ) STRICT, WITHOUT ROWID;
  `);
};

const v2: Migration = (db) => {
  db.exec(`
    -- Protocol v2 invites: the material an invite link's seed decrypts, one per invite key. The
    -- invite key itself is in the group's log, signed by the admin who made the invite.
    CREATE TABLE invites (
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      invite_key BLOB NOT NULL,
      material BLOB NOT NULL,
      PRIMARY KEY (group_id, invite_key)
    ) STRICT, WITHOUT ROWID;
  `);
};

const v3: Migration = (db) => {
  db.exec(`
    -- What this store is: 'protocol' is the protocol version of every envelope, entry and lockbox
    -- in it (schema 2 and earlier held protocol v2 data and had no such row).
    CREATE TABLE relay_meta (
      key TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- Protocol v3: a lockbox per (group, epoch, recipient, author), so that a bogus lockbox from one
    -- admin cannot keep another admin's good one out. Only empty stores come here from schema 2
    -- (refuseOtherProtocolData), so there are no rows to carry over.
    DROP TABLE lockboxes;
    CREATE TABLE lockboxes (
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      recipient BLOB NOT NULL,
      epoch INTEGER NOT NULL,
      author BLOB NOT NULL,
      lockbox BLOB NOT NULL,
      PRIMARY KEY (group_id, recipient, epoch, author)
    ) STRICT, WITHOUT ROWID;
  `);
  // Shipped writing PROTOCOL_VERSION, then 3; step 4 re-marks, so this step stays what it was.
  db.prepare("INSERT INTO relay_meta (key, value) VALUES ('protocol', 3)").run();
};

const v4: Migration = (db) => {
  db.exec(`
    -- Protocol v4 shares: one encrypted item per share id, for whoever holds its link, until
    -- expires_at (ms since 1970, a whole hour). A rowid table, unlike the others: rows run up to
    -- 64 KiB, which belong in overflow pages, not in the leaves of a WITHOUT ROWID index b-tree.
    CREATE TABLE shares (
      share_id BLOB PRIMARY KEY,
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      author BLOB NOT NULL,
      expires_at INTEGER NOT NULL,
      ciphertext BLOB NOT NULL
    ) STRICT;
    -- The sweep of expired shares, and the per-group count of the share quota.
    CREATE INDEX shares_by_expiry ON shares (expires_at);
    CREATE INDEX shares_by_group ON shares (group_id);
  `);
  // Envelopes, entries, lockboxes and invite material of v3 are v4's unchanged: only the mark moves.
  db.prepare(
    "INSERT INTO relay_meta (key, value) VALUES ('protocol', 4) " +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run();
};

const v5: Migration = (db) => {
  db.exec(`
    -- Protocol v5 briefings: items sealed to one device each (a briefing's copy, a receipt, a
    -- recall), fetched by seq; expires_at is a whole hour, or 0 for until recalled.
    CREATE TABLE mail (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      briefing_id BLOB NOT NULL,
      kind INTEGER NOT NULL,
      sender BLOB NOT NULL,
      recipient BLOB NOT NULL,
      expires_at INTEGER NOT NULL,
      ciphertext BLOB NOT NULL,
      UNIQUE (briefing_id, kind, sender, recipient)
    ) STRICT;
    CREATE INDEX mail_by_recipient ON mail (group_id, recipient, seq);
    CREATE INDEX mail_by_briefing ON mail (group_id, briefing_id);
    CREATE INDEX mail_by_expiry ON mail (expires_at) WHERE expires_at > 0;

    -- The encrypted chunks of briefings' attachments, by a random blob id and index.
    CREATE TABLE chunks (
      blob_id BLOB NOT NULL,
      idx INTEGER NOT NULL,
      group_id BLOB NOT NULL REFERENCES groups (group_id),
      briefing_id BLOB NOT NULL,
      owner BLOB NOT NULL,
      expires_at INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (blob_id, idx)
    ) STRICT;
    CREATE INDEX chunks_by_briefing ON chunks (group_id, briefing_id);
    CREATE INDEX chunks_by_expiry ON chunks (expires_at) WHERE expires_at > 0;
  `);
  // v4's envelopes, entries, lockboxes, invites and shares are v5's unchanged.
  db.prepare("UPDATE relay_meta SET value = 5 WHERE key = 'protocol'").run();
};

const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5];
export const SCHEMA_VERSION = MIGRATIONS.length;
/** The first schema that records the protocol version of its data. */
const FIRST_MARKED_SCHEMA = 3;
/**
 * Older protocols whose stored data this relay reads as it is, each with the schema step that
 * re-marks it: v3 data is marked v4 by step 4, v4 data v5 by step 5.
 */
const READABLE_OLDER_DATA = new Map<number, number>([
  [3, 4],
  [4, 5],
]);

/** The store holds data of another protocol version than this relay's: it is not opened. */
export class StoreProtocolError extends Error {
  constructor(readonly dataProtocol: number) {
    super(
      `this data directory holds protocol v${dataProtocol} data; start with an empty --data-dir ` +
        `or run a relay of protocol v${dataProtocol} on it (this relay speaks v${PROTOCOL_VERSION}, ` +
        'and there is no migration between them)',
    );
    this.name = 'StoreProtocolError';
  }
}

function protocolOfData(db: Db, schema: number): number | null {
  if (schema === 0) return null;
  if (schema < FIRST_MARKED_SCHEMA) {
    // Written by a protocol v2 relay: refused if it holds anything at all.
    const row = db.prepare('SELECT EXISTS (SELECT 1 FROM groups) AS used').get() as {
      used: number;
    };
    return row.used ? 2 : null;
  }
  const row = db.prepare("SELECT value FROM relay_meta WHERE key = 'protocol'").get() as
    { value: number } | undefined;
  return row?.value ?? null;
}

/** Does this relay take a store of `schema` holding data of `dataProtocol`? */
function readable(dataProtocol: number, schema: number): boolean {
  if (dataProtocol === PROTOCOL_VERSION) return true;
  const remarkedBy = READABLE_OLDER_DATA.get(dataProtocol);
  // Only while the step that re-marks it is still to run: a store left marked old past that step
  // was not written by these migrations.
  return remarkedBy !== undefined && schema < remarkedBy;
}

export function runMigrations(db: Db): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 0) {
    throw new Error('the relay database has no readable schema version');
  }
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the relay database has schema ${current}, this relay knows up to ${SCHEMA_VERSION}: ` +
        'run a newer relay',
    );
  }
  const dataProtocol = protocolOfData(db, current);
  if (dataProtocol !== null && !readable(dataProtocol, current)) {
    throw new StoreProtocolError(dataProtocol);
  }
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
