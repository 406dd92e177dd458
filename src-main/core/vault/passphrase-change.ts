// Changing the passphrase re-keys the database under a fresh DB key, rewriting the key file around the
// rekey in an order that a kill at any instant cannot break. States and reasoning: docs/vault-format.md.
import { assessPassphrase } from '../../../src-shared/passphrase-strength';
import { memzero, randomBytes, sodiumReady } from '../crypto/sodium';
import { SuviazError } from '../errors';
import {
  DB_KEY_BYTES,
  deriveSlotKey,
  encodeKeyFile,
  openKeyFileSlot,
  openSlot,
  wipeOpenedSlot,
  wrapSlot,
  wrongPassphrase,
  type KeyFile,
  type OpenedSlot,
} from './key-file';
import type { FoundDatabase } from './database-pair';
import { destroyMarker, isDestroyMarker } from './duress-marker';
import type { Db } from './migrations';
import type { OpenVault } from './vault';
import { mapStorageError, readKeyFile, readyDatabase, writeKeyFileAtomically } from './vault-disk';

/** The points between the steps of a change, in order; crash tests stop the process at each. */
export const CHANGE_STEPS = [
  'derived',
  'transitional-key-file',
  'rekeyed',
  'checkpointed',
  'final-key-file',
] as const;
export type ChangeStep = (typeof CHANGE_STEPS)[number];

export interface ChangeHooks {
  /** Awaited after each step. Only tests pass it, to kill the process at a known point. */
  afterStep?: (step: ChangeStep) => Promise<void> | void;
}

export function refuseWeak(passphrase: string): void {
  if (!assessPassphrase(passphrase).acceptable) {
    throw new SuviazError('weak-passphrase', 'This passphrase is too easy to guess.');
  }
}

function asBuffer(key: Uint8Array): Buffer {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

/**
 * Copies every committed page into suviaz.db and empties the WAL. Before the rekey it keeps the WAL
 * small; after it, it overwrites the pages that suviaz.db still holds under the previous key. A
 * failure is not fatal (the next checkpoint, at the latest on close, does the same), so it is ignored.
 */
function checkpoint(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // See above: correctness never depends on this checkpoint.
  }
}

/**
 * Re-encrypts every page under newKey. In WAL mode on purpose: SQLite3 Multiple Ciphers 2.4 writes
 * all pages as one transaction into the WAL, so until its commit frame is on disk the DB is entirely
 * under the old key and after it entirely under the new one; its rollback-journal rekey changes the
 * cipher salt and is not safe against a crash in this version.
 */
function rekeyDatabase(db: Db, newKey: Uint8Array): void {
  if (db.inTransaction) throw new Error('cannot re-key the database inside a transaction');
  checkpoint(db);
  db.rekey(asBuffer(newKey));
}

/**
 * Step 3: the slot holds only the new key (and a duress slot's destroy marker, renewed for it); best
 * effort, since the change is already complete.
 */
function writeFinalKeyFile(
  dir: string,
  file: KeyFile,
  index: number,
  slotKey: Uint8Array,
  dbKey: Uint8Array,
  destroys = false,
): void {
  const tail = destroys ? destroyMarker(dbKey) : null;
  try {
    writeKeyFileAtomically(dir, encodeKeyFile(wrapSlot(file, index, slotKey, dbKey, tail)), false);
  } catch {
    // Only the next passphrase opens either file, and its key opens the DB; the next unlock
    // retries this write. Reporting a failure here would wrongly tell the user the change failed.
  }
}

/**
 * Re-keys the open database `db` (the vault's own connection: a second connection would keep
 * writing under the old key) to a fresh DB key and rewraps the slot that `current` opens for `next`.
 * Every other slot keeps its bytes.
 */
export async function changePassphrase(
  dir: string,
  vault: Pick<OpenVault, 'db' | 'slot'>,
  current: string,
  next: string,
  hooks: ChangeHooks = {},
): Promise<void> {
  if (current.normalize('NFC') === next.normalize('NFC')) {
    throw new SuviazError('same-passphrase', 'The new passphrase is the same as the current one.');
  }
  refuseWeak(next);
  const keyFile = readKeyFile(dir);
  const original = encodeKeyFile(keyFile);
  await sodiumReady();
  const { opened, slotKey: currentKey } = await openKeyFileSlot(keyFile, current);
  memzero(currentKey);
  // The passphrase must be the open vault's own: another slot's (the real one typed while a decoy
  // is open, or the duress one in the real vault) would rekey this database under that slot and
  // leave the other slot's database with no key anywhere. Answered as any wrong passphrase is.
  if (opened.index !== vault.slot) throw wrongPassphrase();
  const db = vault.db;
  const newDbKey = randomBytes(DB_KEY_BYTES);
  let nextKey: Uint8Array | undefined;
  try {
    nextKey = await deriveSlotKey(keyFile, next);
    // The next passphrase must open no other slot (the duress one typed in the real vault, or the
    // real one in the decoy): unlock takes the first slot that opens, so the passphrase the user
    // just chose could open the decoy and, with destroy, wipe this vault. Whoever could use this
    // refusal to test a guess can as well type the guess on the lock screen.
    const clash = openSlot(keyFile, nextKey);
    if (clash) wipeOpenedSlot(clash);
    if (clash && clash.index !== opened.index) {
      // Worded to say nothing of why: someone watching the screen must not learn of a duress slot.
      throw new SuviazError('passphrase-unusable', 'This passphrase cannot be used here.');
    }
    // The key the open DB uses now. Only a failed change earlier in this session leaves a slot with a
    // previous key behind (unlock finishes any other), and then the DB still uses that previous key.
    // A duress slot's destroy marker is no key (a decoy opened to prepare it, duress.ts).
    const destroys = isDestroyMarker(opened);
    const oldDbKey = destroys ? opened.dbKey : (opened.previousDbKey ?? opened.dbKey);
    await hooks.afterStep?.('derived');
    // The derivations awaited: a lock may have closed the DB, a panic wipe shredded the key file.
    // Checked with no await before the write, so neither can slip in between.
    if (!db.open) throw new SuviazError('locked', 'The vault is locked.');
    if (!Buffer.from(encodeKeyFile(readKeyFile(dir))).equals(Buffer.from(original))) {
      throw new SuviazError('vault-missing', 'The key file changed during the passphrase change.');
    }

    // Step 1: the next passphrase opens the new key and, while the rekey may not have happened,
    // the old one. From here on only the next passphrase opens the vault.
    const transitional = wrapSlot(keyFile, opened.index, nextKey, newDbKey, oldDbKey);
    try {
      writeKeyFileAtomically(dir, encodeKeyFile(transitional), false);
    } catch (error) {
      throw mapStorageError(error);
    }
    await hooks.afterStep?.('transitional-key-file');

    // Step 2: one transaction; if it fails it rolls back, and the original key file goes back so
    // that the passphrase the user still believes in keeps working.
    try {
      rekeyDatabase(db, newDbKey);
    } catch (error) {
      try {
        writeKeyFileAtomically(dir, original, false);
      } catch {
        // The transitional file stays: the next passphrase still opens the DB (its old key).
      }
      throw mapStorageError(error);
    }
    await hooks.afterStep?.('rekeyed');
    checkpoint(db);
    await hooks.afterStep?.('checkpointed');

    // Step 3: the old DB key leaves the key file.
    writeFinalKeyFile(dir, keyFile, opened.index, nextKey, newDbKey, destroys);
    await hooks.afterStep?.('final-key-file');
  } finally {
    if (nextKey) memzero(nextKey);
    memzero(newDbKey);
    wipeOpenedSlot(opened);
  }
}

/**
 * Unlock of a slot left by a change cut short (it holds a previous DB key): `found` is the database
 * file that the new key (keyIndex 0) or, if the rekey had not happened, the previous one (1) opened;
 * the latter is re-keyed now. Then the final key file is written. Returns the open DB. Anything short
 * of a DB that opens changes nothing.
 */
export function finishPassphraseChange(
  dir: string,
  file: KeyFile,
  opened: OpenedSlot,
  slotKey: Uint8Array,
  found: FoundDatabase,
): Db {
  if (!opened.previousDbKey) throw new Error('not a slot of an unfinished change');
  const db = readyDatabase(found.db, found.file, false);
  if (found.keyIndex !== 0) {
    try {
      rekeyDatabase(db, opened.dbKey);
    } catch {
      // The rekey rolled back (a full disk, say): the vault still opens, with the same key file
      // state, and the next unlock tries again. Refusing the unlock would lock the user out.
      return db;
    }
  }
  checkpoint(db);
  writeFinalKeyFile(dir, file, opened.index, slotKey, opened.dbKey);
  return db;
}
