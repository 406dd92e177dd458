// The vault on disk: suviaz.key (the DB key wrapped per passphrase, key-file.ts) and two databases,
// suviaz.db and suviaz-2.db (SQLite encrypted as a whole; the vault in one, a spare or the duress
// decoy in the other). Create and unlock here; a failed attempt never changes a file.
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { VaultStatus } from '../../../src-shared/api';
import { KDF_MODERATE, memzero, randomBytes, sodiumReady, type KdfParams } from '../crypto/sodium';
import { SuviazError } from '../errors';
import {
  buildDatabase,
  buildSpare,
  findDatabase,
  noDatabaseError,
  touchDatabaseFiles,
} from './database-pair';
import { destroyOtherVault, type DestroyHooks } from './duress-destroy';
import { isDestroyMarker } from './duress-marker';
import { reconcileDuress } from './duress-record';
import {
  DB_KEY_BYTES,
  createKeyFileWithSlot,
  encodeKeyFile,
  openKeyFileSlot,
  wipeOpenedSlot,
  type KeyFile,
  type OpenedSlot,
} from './key-file';
import type { Db } from './migrations';
import { finishPassphraseChange, refuseWeak } from './passphrase-change';
import { finishCutShortWipe } from './panic-wipe';
import {
  CREATING_FILE_NAME,
  MIN_DATABASE_BYTES,
  databaseFileSet,
  dbPaths,
  errorCode,
  fsyncDirectory,
  keyPath,
  mapStorageError,
  otherDbPath,
  readKeyFile,
  readyDatabase,
  writeKeyFileAtomically,
} from './vault-disk';

export {
  DB_FILE_NAME,
  DB_FILE_NAMES,
  KEY_FILE_NAME,
  KEY_FILE_TEMP_NAME,
  SECOND_DB_FILE_NAME,
  mapStorageError,
} from './vault-disk';
export { changePassphrase } from './passphrase-change';

export interface OpenVault {
  db: Db;
  /** The database file of the pair this vault lives in. */
  file: string;
  /** The key file slot its passphrase opened. */
  slot: number;
  close(): void;
}

export interface CreateVaultOptions {
  kdf?: KdfParams;
}

/** The files of a creation the app did not finish (CREATING_FILE_NAME): no vault yet. */
function unfinishedCreation(dir: string): boolean {
  return fs.existsSync(path.join(dir, CREATING_FILE_NAME)) && !fs.existsSync(keyPath(dir));
}

function clearUnfinishedCreation(dir: string): void {
  for (const file of dbPaths(dir)) removeDatabaseFiles(file);
  fs.rmSync(path.join(dir, CREATING_FILE_NAME), { force: true });
}

/**
 * The marker beside a finished vault (its removal did not reach the disk before a power cut) is
 * removed at once: left there, a key file lost later would make the vault look unfinished.
 */
function dropStaleMarker(dir: string): void {
  const marker = path.join(dir, CREATING_FILE_NAME);
  if (!fs.existsSync(marker) || !fs.existsSync(keyPath(dir))) return;
  try {
    fs.rmSync(marker, { force: true });
    fsyncDirectory(dir);
  } catch {
    // Tried again at the next start.
  }
}

export function vaultStatus(dir: string): VaultStatus {
  finishCutShortWipe(dir);
  dropStaleMarker(dir);
  if (unfinishedCreation(dir)) return { state: 'none', problem: null };
  const haveKey = fs.existsSync(keyPath(dir));
  // Either file of the pair may be missing: suviaz-2.db in a vault made before the pair, either one
  // after a duress unlock on a full disk (the other is added at the next unlock). Which passphrase
  // needs the missing one only an unlock can tell: a locked vault with either is not damaged.
  const haveDb = dbPaths(dir).some((file) => fs.existsSync(file));
  if (haveKey && haveDb) return { state: 'locked', problem: null };
  if (!haveKey && !haveDb) return { state: 'none', problem: null };
  return { state: 'damaged', problem: haveKey ? 'database-missing' : 'keyfile-missing' };
}

export function openVaultHandle(db: Db, file: string, slot: number): OpenVault {
  // No key material is kept here: the passphrase-derived key is wiped as soon as the slot opens and
  // the DB key as soon as SQLite has it (SQLite keeps its own copy until the connection closes).
  return {
    db,
    file,
    slot,
    close() {
      if (db.open) db.close();
      touchDatabaseFiles(path.dirname(file));
    },
  };
}

function removeDatabaseFiles(file: string): void {
  for (const name of databaseFileSet(file)) fs.rmSync(name, { force: true });
}

export async function createVault(
  dir: string,
  passphrase: string,
  options: CreateVaultOptions = {},
): Promise<OpenVault> {
  refuseWeak(passphrase);
  // A marker the wipe could not remove (a program holding a file) would wipe the new vault at the
  // next start: none is made beside it.
  if (!finishCutShortWipe(dir)) {
    throw new SuviazError(
      'vault-exists',
      'A panic wipe could not finish: another program holds a file in the vault folder. Close it and try again.',
    );
  }
  if (unfinishedCreation(dir)) clearUnfinishedCreation(dir);
  const exists = (): boolean =>
    fs.existsSync(keyPath(dir)) || dbPaths(dir).some((file) => fs.existsSync(file));
  if (exists()) throw new SuviazError('vault-exists', 'A vault already exists here.');
  await sodiumReady();
  const dbKey = randomBytes(DB_KEY_BYTES);
  let db: Db | undefined;
  const claimed: string[] = [];
  try {
    const created = await createKeyFileWithSlot(passphrase, dbKey, options.kdf ?? KDF_MODERATE);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const creating = path.join(dir, CREATING_FILE_NAME);
    fs.writeFileSync(creating, '', { mode: 0o600 });
    // On disk before any database file: a crash must never leave those without it.
    fsyncDirectory(dir);
    // 'wx' claims each name atomically: if something appeared during the slow derivation, we fail
    // instead of overwriting it. SQLite treats an empty file as a new database.
    for (const file of dbPaths(dir)) {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      claimed.push(file);
    }
    // The vault goes into either file at random, the spare into the other: which file is in use
    // says nothing about whether a decoy exists (docs/vault-format.md).
    const file = dbPaths(dir)[randomInt(2)] as string;
    db = buildDatabase(file, dbKey);
    buildSpare(otherDbPath(file));
    // The key file last: until it exists the new DB cannot be opened, so a crash before this point
    // leaves no vault that looks complete.
    writeKeyFileAtomically(dir, encodeKeyFile(created.file), true);
    // The vault is complete: the marker goes on a best-effort basis (dropStaleMarker otherwise).
    dropStaleMarker(dir);
    return openVaultHandle(db, file, created.index);
  } catch (error) {
    db?.close();
    for (const file of claimed) removeDatabaseFiles(file);
    try {
      fs.rmSync(path.join(dir, CREATING_FILE_NAME), { force: true });
    } catch {
      // Left behind, it only says that nothing here is a vault: true, as the files are gone.
    }
    if (errorCode(error) === 'EEXIST') {
      throw new SuviazError('vault-exists', 'A vault already exists here.');
    }
    throw mapStorageError(error);
  } finally {
    memzero(dbKey);
  }
}

/**
 * A vault made before the pair has no suviaz-2.db: it gets its spare now that the vault is known
 * good, so every vault ends up with the same files. A failure (a full disk) is left for next time.
 * So does one whose other file is too short to be a database: emptied by a rebuild that a crash cut
 * short (buildDatabase), it holds nothing any key opens, and left so it would tell that one happened.
 */
function addMissingSpare(file: string): void {
  const other = otherDbPath(file);
  let size: number | undefined;
  try {
    size = fs.statSync(other, { throwIfNoEntry: false })?.size;
  } catch {
    return; // Unreadable: left as it is rather than failing an unlock that succeeded.
  }
  if (size !== undefined && size >= MIN_DATABASE_BYTES) return;
  try {
    buildSpare(other);
  } catch {
    removeDatabaseFiles(other);
  }
}

/**
 * From an opened slot to an open vault. The same steps whichever slot opened: every key it holds is
 * tried on both files; a duress slot marked to destroy first makes the other vault unreadable.
 */
function openFromSlot(
  dir: string,
  keyFile: KeyFile,
  opened: OpenedSlot,
  slotKey: Uint8Array,
  hooks: DestroyHooks,
): OpenVault {
  const destroys = isDestroyMarker(opened);
  const previous = destroys ? null : opened.previousDbKey;
  const found = findDatabase(dir, previous ? [opened.dbKey, previous] : [opened.dbKey]);
  if (destroys) destroyOtherVault(dir, keyFile, opened, slotKey, found?.file ?? null, hooks);
  if (!found) {
    if (dbPaths(dir).some((file) => !fs.existsSync(file))) {
      throw new SuviazError('database-missing', 'The database this passphrase opens is missing.');
    }
    throw noDatabaseError();
  }
  // A slot that still carries the previous DB key belongs to a change cut short by a crash: the
  // DB uses one of the two keys, and the change is finished before the vault is handed over.
  const db = previous
    ? finishPassphraseChange(dir, keyFile, opened, slotKey, found)
    : readyDatabase(found.db, found.file, false);
  addMissingSpare(found.file);
  finishDuressChange(dir, db, opened.index);
  touchDatabaseFiles(dir);
  return openVaultHandle(db, found.file, opened.index);
}

/**
 * A duress passphrase set or removed when the app was killed between its writes is finished now,
 * before Settings can show it (duress-record.ts). Only a real vault has a record; a decoy has none.
 */
function finishDuressChange(dir: string, db: Db, ownSlot: number): void {
  try {
    reconcileDuress(dir, db, ownSlot);
  } catch {
    // A full disk, say: the pending record stays (shown as not set) and the next unlock retries.
    // Refusing the unlock would lock the user out of a vault that is fine.
  }
}

/** `hooks` only for crash tests of a destroying duress unlock. */
export async function unlockVault(
  dir: string,
  passphrase: string,
  hooks: DestroyHooks = {},
): Promise<OpenVault> {
  const status = vaultStatus(dir);
  if (status.state === 'none') throw new SuviazError('vault-missing', 'There is no vault here.');
  const keyFile = readKeyFile(dir);
  if (status.problem === 'database-missing') {
    throw new SuviazError('database-missing', 'The vault database is missing.');
  }
  await sodiumReady();
  const { opened, slotKey } = await openKeyFileSlot(keyFile, passphrase);
  try {
    return openFromSlot(dir, keyFile, opened, slotKey, hooks);
  } finally {
    memzero(slotKey);
    wipeOpenedSlot(opened);
  }
}
