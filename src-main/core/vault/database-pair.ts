// The vault's two database files (suviaz.db, suviaz-2.db): which one a key opens, building one in
// place (schema, device identity, random padding), and keeping the pair's times alike, so that the
// folder does not say which file is in use or whether a duress decoy exists (docs/vault-format.md).
import fs from 'node:fs';
import { randomInt } from 'node:crypto';
import { memzero, randomBytes } from '../crypto/sodium';
import { SuviazError, isSuviazError } from '../errors';
import { createDeviceIdentity } from '../identity/device-identity';
import { DB_KEY_BYTES } from './key-file';
import type { Db } from './migrations';
import {
  databaseFileSet,
  dbPaths,
  keyPath,
  openDatabase,
  openKeyed,
  shredInPlace,
} from './vault-disk';

/**
 * Free pages added to every database when it is built, a uniformly random number in this range, so
 * a fresh spare, a fresh vault and a decoy with a few notes (which reuse free pages) have sizes from
 * one range. A page is 4 KiB: 32 KiB to 480 KiB on top of the schema.
 */
export const PADDING_PAGES = { min: 8, max: 120 } as const;
const PAGE_PAYLOAD_BYTES = 4000;

export interface FoundDatabase {
  file: string;
  /** Which of the keys tried opened it. */
  keyIndex: number;
  /** Keyed, page 1 read; not yet checked or migrated (readyDatabase does that). */
  db: Db;
}

/**
 * Tries every key on both files, always all of them, so the work done does not depend on which
 * file (if any) the key opens. Null when none opens; nothing on disk changes either way.
 */
export function findDatabase(dir: string, keys: Uint8Array[]): FoundDatabase | null {
  let found: FoundDatabase | null = null;
  for (const file of dbPaths(dir)) {
    for (const [keyIndex, key] of keys.entries()) {
      let db: Db;
      try {
        db = openKeyed(file, key, false);
      } catch (error) {
        // Another file's key, or no such file: the next combination is the answer.
        if (isSuviazError(error) && ['database-corrupt', 'database-missing'].includes(error.code)) {
          continue;
        }
        found?.db.close();
        throw error;
      }
      if (found) db.close();
      else found = { file, keyIndex, db };
    }
  }
  return found;
}

/** Adds between PADDING_PAGES.min and .max free pages: a table filled, then dropped. */
function pad(db: Db): void {
  const pages = randomInt(PADDING_PAGES.min, PADDING_PAGES.max + 1);
  db.exec('CREATE TABLE padding (filler BLOB NOT NULL) STRICT');
  db.prepare('INSERT INTO padding (filler) VALUES (zeroblob(?))').run(pages * PAGE_PAYLOAD_BYTES);
  db.exec('DROP TABLE padding');
}

/** Removes the WAL, shared memory and journal of a database file (it must not be open). */
export function removeDatabaseSidecars(file: string): void {
  for (const sidecar of databaseFileSet(file).slice(1)) fs.rmSync(sidecar, { force: true });
}

/**
 * Builds a new vault database in `file` under dbKey, in place: an existing file is emptied rather
 * than replaced, so it keeps its creation time. Schema, a device identity and padding. Returns it open.
 *
 * What the file and its WAL held is overwritten with random bytes first: emptying or deleting them
 * only frees their blocks, which would keep the pages of what was there (the real vault, at a
 * destroying duress unlock or a duress passphrase set from the decoy) in free disk space, for anyone
 * who later learns its key (an older key file copy, or carved from free space, and the passphrase).
 * Only content that is to go anyway gets here (a spare, a decoy being replaced, a vault being
 * destroyed), so a crash half-way loses nothing the rebuild would not; a file it leaves
 * shorter than a page is refused at unlock (openKeyed) and replaced by a spare (vault.ts).
 */
export function buildDatabase(file: string, dbKey: Uint8Array): Db {
  for (const name of databaseFileSet(file)) shredInPlace(name);
  removeDatabaseSidecars(file);
  if (fs.existsSync(file)) fs.truncateSync(file, 0);
  else fs.closeSync(fs.openSync(file, 'wx', 0o600));
  const db = openDatabase(file, dbKey, true);
  try {
    createDeviceIdentity(db);
    pad(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A spare: a complete vault database under a random key that is wiped at once, so no passphrase
 * ever opens it. Indistinguishable from a vault or a decoy without a key that opens it.
 */
export function buildSpare(file: string): void {
  const key = randomBytes(DB_KEY_BYTES);
  try {
    buildDatabase(file, key).close();
  } finally {
    memzero(key);
  }
}

/**
 * Gives both database files and the key file the same access and modification time (now): at every
 * unlock and lock, so that which file was written last, and whether the second one is ever written,
 * does not show. The key file too: it is rewritten (a new file renamed over the old) when a duress
 * passphrase is set or a destroying duress unlock shreds the other slots, and its own times would
 * otherwise date that write apart from the databases'.
 */
export function touchDatabaseFiles(dir: string): void {
  const now = new Date();
  for (const file of [...dbPaths(dir), keyPath(dir)]) {
    try {
      fs.utimesSync(file, now, now);
    } catch {
      // A missing file is rebuilt at the next unlock; times are a nicety, never worth a failure.
    }
  }
}

/** The error for a key that opens a slot but neither database file. */
export function noDatabaseError(): SuviazError {
  return new SuviazError(
    'database-corrupt',
    'The vault database is damaged or does not belong to this key file.',
  );
}
