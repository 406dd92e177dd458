// The vault on disk: suviaz.key (the DB key wrapped per passphrase, key-file.ts) and suviaz.db (SQLite
// encrypted as a whole). Create and unlock here; a failed attempt never changes either file.
import fs from 'node:fs';
import type { VaultStatus } from '../../../src-shared/api';
import { KDF_MODERATE, memzero, randomBytes, sodiumReady, type KdfParams } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { createDeviceIdentity } from '../identity/device-identity';
import {
  DB_KEY_BYTES,
  createKeyFile,
  encodeKeyFile,
  openKeyFileSlot,
  wipeOpenedSlot,
} from './key-file';
import type { Db } from './migrations';
import { finishPassphraseChange, refuseWeak } from './passphrase-change';
import {
  dbPath,
  errorCode,
  keyPath,
  mapStorageError,
  openDatabase,
  readKeyFile,
  writeKeyFileAtomically,
} from './vault-disk';

export { DB_FILE_NAME, KEY_FILE_NAME, KEY_FILE_TEMP_NAME, mapStorageError } from './vault-disk';
export { changePassphrase } from './passphrase-change';

export interface OpenVault {
  db: Db;
  close(): void;
}

export interface CreateVaultOptions {
  kdf?: KdfParams;
}

export function vaultStatus(dir: string): VaultStatus {
  const haveKey = fs.existsSync(keyPath(dir));
  const haveDb = fs.existsSync(dbPath(dir));
  if (haveKey && haveDb) return { state: 'locked', problem: null };
  if (!haveKey && !haveDb) return { state: 'none', problem: null };
  return { state: 'damaged', problem: haveKey ? 'database-missing' : 'keyfile-missing' };
}

export function openVaultHandle(db: Db): OpenVault {
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
  const { opened, slotKey } = await openKeyFileSlot(keyFile, passphrase);
  try {
    // A slot that still carries the previous DB key belongs to a change cut short by a crash: the
    // DB uses one of the two keys, and the change is finished before the vault is handed over.
    if (opened.previousDbKey) {
      return openVaultHandle(finishPassphraseChange(dir, keyFile, opened, slotKey));
    }
    return openVaultHandle(openDatabase(dbPath(dir), opened.dbKey, false));
  } finally {
    memzero(slotKey);
    wipeOpenedSlot(opened);
  }
}
