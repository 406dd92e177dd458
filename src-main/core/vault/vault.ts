// The vault on disk: suviaz.key (the DB key wrapped per passphrase, key-file.ts) and suviaz.db (SQLite
// encrypted as a whole). Create, unlock, change passphrase; a failed attempt never changes either file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { VaultStatus } from '../../../src-shared/api';
import { assessPassphrase } from '../../../src-shared/passphrase-strength';
import { KDF_MODERATE, memzero, randomBytes, sodiumReady, type KdfParams } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { createDeviceIdentity } from '../identity/device-identity';
import {
  DB_KEY_BYTES,
  createKeyFile,
  decodeKeyFile,
  encodeKeyFile,
  rewrapKeyFile,
  unlockKeyFile,
  type KeyFile,
} from './key-file';
import { checkSchemaVersion, runMigrations, type Db } from './migrations';

export const KEY_FILE_NAME = 'suviaz.key';
export const DB_FILE_NAME = 'suviaz.db';
/**
 * Where a new key file is written before it is renamed over the old one. A fixed name, so that a copy
 * left by a crash is overwritten next time and a panic wipe knows to shred it too.
 */
export const KEY_FILE_TEMP_NAME = 'suviaz.key.new';

export interface OpenVault {
  db: Db;
  close(): void;
}

export interface CreateVaultOptions {
  kdf?: KdfParams;
}

function keyPath(dir: string): string {
  return path.join(dir, KEY_FILE_NAME);
}

function dbPath(dir: string): string {
  return path.join(dir, DB_FILE_NAME);
}

function errorCode(error: unknown): unknown {
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

export function vaultStatus(dir: string): VaultStatus {
  const haveKey = fs.existsSync(keyPath(dir));
  const haveDb = fs.existsSync(dbPath(dir));
  if (haveKey && haveDb) return { state: 'locked', problem: null };
  if (!haveKey && !haveDb) return { state: 'none', problem: null };
  return { state: 'damaged', problem: haveKey ? 'database-missing' : 'keyfile-missing' };
}

function refuseWeak(passphrase: string): void {
  if (!assessPassphrase(passphrase).acceptable) {
    throw new SuviazError('weak-passphrase', 'This passphrase is too easy to guess.');
  }
}

function fsyncDirectory(dir: string): void {
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

/** Temp file, fsync, rename over the target, fsync the directory: old bytes or new, never half. */
function writeKeyFileAtomically(dir: string, bytes: Uint8Array, mustBeNew: boolean): void {
  const temp = path.join(dir, KEY_FILE_TEMP_NAME);
  try {
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
    fs.renameSync(temp, keyPath(dir));
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
}

function readKeyFile(dir: string): KeyFile {
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

function mapOpenError(error: unknown, file: string): unknown {
  const code = errorCode(error);
  if (isCorruptCode(code)) {
    return new SuviazError(
      'database-corrupt',
      'The vault database is damaged or does not belong to this key file.',
    );
  }
  if (code === 'SQLITE_CANTOPEN' && !fs.existsSync(file)) {
    return new SuviazError('database-missing', 'The vault database (suviaz.db) is missing.');
  }
  return mapStorageError(error);
}

/**
 * Opens and keys the DB. For an existing DB everything up to the schema check only reads, so a DB
 * that turns out damaged, foreign or too new is left exactly as it was.
 */
function openDatabase(file: string, dbKey: Uint8Array, isNew: boolean): Db {
  if (dbKey.length !== DB_KEY_BYTES) throw new Error('bad DB key length');
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: !isNew });
    // Pinned rather than left to the library default, which could change under existing vaults.
    db.pragma("cipher = 'chacha20'");
    // sqlite3_key with the raw bytes (what PRAGMA hexkey does after decoding), without ever making
    // the key an immutable JS string that could not be wiped.
    db.key(Buffer.from(dbKey.buffer, dbKey.byteOffset, dbKey.byteLength));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
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
    db?.close();
    throw mapOpenError(error, file);
  }
}

function openVaultHandle(db: Db): OpenVault {
  // No key material is kept here: the passphrase-derived key is wiped as soon as the slot opens and
  // the DB key as soon as SQLite has it (SQLite keeps its own copy until the connection closes).
  return {
    db,
    close() {
      if (db.open) db.close();
    },
  };
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

export async function createVault(
  dir: string,
  passphrase: string,
  options: CreateVaultOptions = {},
): Promise<OpenVault> {
  refuseWeak(passphrase);
  const exists = (): boolean => fs.existsSync(keyPath(dir)) || fs.existsSync(dbPath(dir));
  if (exists()) throw new SuviazError('vault-exists', 'A vault already exists here.');
  await sodiumReady();
  const dbKey = randomBytes(DB_KEY_BYTES);
  let db: Db | undefined;
  let claimedDb = false;
  try {
    const keyFile = await createKeyFile(passphrase, dbKey, options.kdf ?? KDF_MODERATE);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx' claims the name atomically: if something appeared during the slow derivation, we fail
    // instead of overwriting it. SQLite treats the empty file as a new database.
    fs.closeSync(fs.openSync(dbPath(dir), 'wx', 0o600));
    claimedDb = true;
    db = openDatabase(dbPath(dir), dbKey, true);
    createDeviceIdentity(db);
    // The key file last: until it exists the new DB cannot be opened, so a crash before this point
    // leaves no vault that looks complete.
    writeKeyFileAtomically(dir, encodeKeyFile(keyFile), true);
    return openVaultHandle(db);
  } catch (error) {
    db?.close();
    if (claimedDb) removeDatabaseFiles(dbPath(dir));
    if (errorCode(error) === 'EEXIST') {
      throw new SuviazError('vault-exists', 'A vault already exists here.');
    }
    throw mapStorageError(error);
  } finally {
    memzero(dbKey);
  }
}

export async function unlockVault(dir: string, passphrase: string): Promise<OpenVault> {
  const status = vaultStatus(dir);
  if (status.state === 'none') throw new SuviazError('vault-missing', 'There is no vault here.');
  const keyFile = readKeyFile(dir);
  if (status.problem === 'database-missing') {
    throw new SuviazError('database-missing', 'The vault database (suviaz.db) is missing.');
  }
  await sodiumReady();
  const opened = await unlockKeyFile(keyFile, passphrase);
  try {
    return openVaultHandle(openDatabase(dbPath(dir), opened.dbKey, false));
  } finally {
    memzero(opened.dbKey);
  }
}

/** Rewraps the slot that `current` opens; the DB and every other slot stay as they are. */
export async function changePassphrase(dir: string, current: string, next: string): Promise<void> {
  if (current.normalize('NFC') === next.normalize('NFC')) {
    throw new SuviazError('same-passphrase', 'The new passphrase is the same as the current one.');
  }
  refuseWeak(next);
  const keyFile = readKeyFile(dir);
  await sodiumReady();
  const updated = await rewrapKeyFile(keyFile, current, next);
  try {
    writeKeyFileAtomically(dir, encodeKeyFile(updated), false);
  } catch (error) {
    throw mapStorageError(error);
  }
}
