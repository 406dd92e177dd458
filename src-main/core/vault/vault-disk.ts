// The vault's files on disk: their names, the atomic key file write, reading the key file, and opening
// the encrypted DB. Shared by vault.ts (create, unlock), database-pair.ts and passphrase-change.ts.
import fs from 'node:fs';
import path from 'node:path';
import { randomFillSync } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { SuviazError } from '../errors';
import { DB_KEY_BYTES, decodeKeyFile, type KeyFile } from './key-file';
import { checkSchemaVersion, runMigrations, type Db } from './migrations';

export const KEY_FILE_NAME = 'suviaz.key';
export const DB_FILE_NAME = 'suviaz.db';
/**
 * Every vault has two database files: the vault in one of them, chosen at random at creation, and in
 * the other either a spare no key opens or the duress passphrase's decoy (docs/vault-format.md).
 */
export const SECOND_DB_FILE_NAME = 'suviaz-2.db';
export const DB_FILE_NAMES = [DB_FILE_NAME, SECOND_DB_FILE_NAME] as const;
/**
 * Where a new key file is written before it is renamed over the old one. A fixed name, so that a copy
 * left by a crash is overwritten next time and a panic wipe knows to shred it too.
 */
export const KEY_FILE_TEMP_NAME = 'suviaz.key.new';

/**
 * Present while a new vault is made, from before its database files are claimed until its key file
 * is in place: found at a start with no key file, what is there is a creation the app did not finish
 * (it stopped during it). That is cleared away and the app starts as if there were no vault, instead
 * of showing a vault whose key file is missing, which could never be opened or made again.
 */
export const CREATING_FILE_NAME = 'suviaz.creating';

/**
 * Present from before a panic wipe touches the key file until the wipe has deleted every file of the
 * vault. Found at a start, the wipe was cut short (the app killed, the power cut): the app finishes
 * it before anything else (vault.ts), so no interruption leaves a vault that opens, or a key file
 * of noise that every passphrase calls damaged.
 */
export const WIPING_FILE_NAME = 'suviaz.wiping';

export function keyPath(dir: string): string {
  return path.join(dir, KEY_FILE_NAME);
}

export function dbPath(dir: string): string {
  return path.join(dir, DB_FILE_NAME);
}

export function dbPaths(dir: string): string[] {
  return DB_FILE_NAMES.map((name) => path.join(dir, name));
}

/** The database file of the pair that is not `file`. */
export function otherDbPath(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, path.basename(file) === DB_FILE_NAME ? SECOND_DB_FILE_NAME : DB_FILE_NAME);
}

/** A database file with its WAL, shared memory and rollback journal, if any. */
export function databaseFileSet(file: string): string[] {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => file + suffix);
}

export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** Turns "no space left" from SQLite or the file system into the error the user can act on. */
export function mapStorageError(error: unknown): unknown {
  const code = errorCode(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new SuviazError('disk-full', 'The disk is full. Free some space and try again.');
  }
  return error;
}

export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Windows cannot open or fsync a directory; NTFS journals the rename itself.
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Noise is written in pieces of this size: a large database never needs its size in memory. */
const NOISE_CHUNK_BYTES = 1 << 20;

/**
 * Overwrites every byte of the open file `fd` in place with random bytes and flushes them. Deleting,
 * truncating or renaming over a file only frees its blocks, which keep their bytes (slots, pages)
 * until reused; on a file system that writes in place (ext4, NTFS) this is what actually removes
 * them. Copy-on-write file systems and SSDs may still keep older copies (docs/threat-model.md).
 */
export function overwriteWithNoise(fd: number): void {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return;
  const noise = Buffer.alloc(Math.min(size, NOISE_CHUNK_BYTES));
  for (let at = 0; at < size;) {
    const length = Math.min(noise.length, size - at);
    randomFillSync(noise, 0, length);
    let written = 0;
    while (written < length) {
      written += fs.writeSync(fd, noise, written, length - written, at + written);
    }
    at += length;
  }
  fs.fsyncSync(fd);
}

/** overwriteWithNoise on a file by name; a file that does not exist has nothing to overwrite. */
export function shredInPlace(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    overwriteWithNoise(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The key file about to be renamed over, held open so that its bytes can still be reached (and
 * overwritten) once no name points to them. Null if there is none, or it cannot be opened for
 * writing: the write itself must not depend on it. Never on Windows, where a file that is open
 * cannot be renamed over, and where no folder fsync makes the rename durable before the old bytes
 * would go (a power cut could bring back the old name on top of noise).
 */
function holdReplacedKeyFile(dir: string): number | null {
  if (process.platform === 'win32') return null;
  try {
    return fs.openSync(keyPath(dir), 'r+');
  } catch {
    return null;
  }
}

/**
 * Temp file, fsync, rename over the target, fsync the directory: old bytes or new, never half. Then
 * the replaced file's bytes, which still hold every slot it had (the real passphrase's, before a
 * destroying duress unlock; the previous DB key, after a passphrase change), are overwritten through
 * the handle held from before the rename. Only after the folder fsync: until the rename is on disk,
 * a power cut can bring the old file back as the key file, and it must then still open the vault.
 */
export function writeKeyFileAtomically(dir: string, bytes: Uint8Array, mustBeNew: boolean): void {
  const temp = path.join(dir, KEY_FILE_TEMP_NAME);
  let replaced: number | null = null;
  try {
    try {
      // A copy a crash left between its write and its rename holds slots too; it is never read.
      shredInPlace(temp);
    } catch {
      // Its blocks are freed below all the same; the write must not depend on this.
    }
    const fd = fs.openSync(temp, 'w', 0o600);
    try {
      let written = 0;
      while (written < bytes.length) {
        written += fs.writeSync(fd, bytes, written, bytes.length - written);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (mustBeNew && fs.existsSync(keyPath(dir))) {
      throw new SuviazError('vault-exists', 'A vault already exists here.');
    }
    replaced = holdReplacedKeyFile(dir);
    fs.renameSync(temp, keyPath(dir));
  } catch (error) {
    if (replaced !== null) fs.closeSync(replaced);
    try {
      shredInPlace(temp);
    } catch {
      // Removed below all the same.
    }
    fs.rmSync(temp, { force: true });
    throw error;
  }
  try {
    fsyncDirectory(dir);
    if (replaced !== null) {
      try {
        // Not if another name still points to it (a hard link someone made): that is their copy.
        if (fs.fstatSync(replaced).nlink === 0) overwriteWithNoise(replaced);
      } catch {
        // The new key file is in place: callers take an error to mean it is not (a passphrase
        // change would undo a step that happened). The old bytes stay in free space, as they
        // would without this.
      }
    }
  } finally {
    if (replaced !== null) fs.closeSync(replaced);
  }
}

export function readKeyFile(dir: string): KeyFile {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(keyPath(dir));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new SuviazError('keyfile-missing', 'The key file (suviaz.key) is missing.');
    }
    throw error;
  }
  return decodeKeyFile(bytes);
}

function isCorruptCode(code: unknown): boolean {
  // Extended codes too: SQLITE_CORRUPT_VTAB, SQLITE_CORRUPT_INDEX, ...
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_FORMAT')
  );
}

function databaseCorrupt(): SuviazError {
  return new SuviazError(
    'database-corrupt',
    'The vault database is damaged or does not belong to this key file.',
  );
}

function mapOpenError(error: unknown, file: string): unknown {
  const code = errorCode(error);
  if (isCorruptCode(code)) return databaseCorrupt();
  if (code === 'SQLITE_CANTOPEN' && !fs.existsSync(file)) {
    return new SuviazError('database-missing', 'The vault database (suviaz.db) is missing.');
  }
  return mapStorageError(error);
}

/**
 * No SQLite database file is shorter than its page size, 512 bytes at the least (this app's have
 * 4 KiB pages, and page 1 is written as soon as a database is made). A shorter file is one emptied
 * to be rebuilt (buildDatabase) by a process that died before writing it, or damaged.
 */
export const MIN_DATABASE_BYTES = 512;

/**
 * An existing database file too short to be one is refused as not this key's. SQLite takes a file
 * of 0 or 1 byte for a new, empty database that any key "opens": the passphrase whose vault is in
 * the other file would get an empty vault made in it, hiding its own (findDatabase tries suviaz.db
 * first and takes the first that opens). A missing file is left to SQLite's fileMustExist.
 */
function refuseTooShort(file: string): void {
  let size: number | undefined;
  try {
    size = fs.statSync(file, { throwIfNoEntry: false })?.size;
  } catch {
    return;
  }
  if (size !== undefined && size < MIN_DATABASE_BYTES) throw databaseCorrupt();
}

/**
 * Opens the DB and keys it, reading only its first page: SuviazError('database-corrupt') when the key
 * does not fit (or page 1 is damaged, or the file is too short to hold a page), having changed
 * nothing on disk. The caller closes what it gets or hands it to readyDatabase.
 */
export function openKeyed(file: string, dbKey: Uint8Array, isNew: boolean): Db {
  if (dbKey.length !== DB_KEY_BYTES) throw new Error('bad DB key length');
  if (!isNew) refuseTooShort(file);
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: !isNew });
    // Pinned rather than left to the library default, which could change under existing vaults.
    db.pragma("cipher = 'chacha20'");
    // sqlite3_key with the raw bytes (what PRAGMA hexkey does after decoding), without ever making
    // the key an immutable JS string that could not be wiped.
    db.key(Buffer.from(dbKey.buffer, dbKey.byteOffset, dbKey.byteLength));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    throw mapOpenError(error, file);
  }
}

/**
 * Makes a keyed connection ready for use: for an existing DB everything up to the schema check only
 * reads, so a DB that turns out damaged or too new is left exactly as it was. Closes it on failure.
 */
export function readyDatabase(db: Db, file: string, isNew: boolean): Db {
  try {
    if (!isNew) {
      // Reading sqlite_master only touches the first pages; a damaged page elsewhere would surface
      // later as a confusing failure in the middle of someone's work.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    }
    checkSchemaVersion(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // SQLite's temp files (big sorts, temp indices) are not encrypted: keep them in memory.
    db.pragma('temp_store = MEMORY');
    // Freed pages are zeroed, so a purged note is gone even for someone who later gets the key.
    db.pragma('secure_delete = ON');
    runMigrations(db);
    return db;
  } catch (error) {
    db.close();
    throw mapOpenError(error, file);
  }
}

/** Opens, keys and readies the DB (openKeyed, then readyDatabase). */
export function openDatabase(file: string, dbKey: Uint8Array, isNew: boolean): Db {
  return readyDatabase(openKeyed(file, dbKey, isNew), file, isNew);
}
