// The duress passphrase, from the real vault: set it (a fresh decoy database in the other file of the
// pair, its key wrapped in another slot), remove it, or open the decoy to prepare its notes. Which slot
// it uses is kept only inside the real vault. Design and limits: docs/vault-format.md, "Duress".
import { randomInt } from 'node:crypto';
import { memzero, randomBytes, sodiumReady } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { getSettings, updateSettings } from '../settings/settings';
import { buildDatabase, findDatabase, noDatabaseError } from './database-pair';
import { destroyMarker } from './duress-marker';
import {
  dropDuress,
  markUnfinishedSet,
  readDuressRecord,
  readStoredRecord,
  slotHash,
  writeStoredRecord,
} from './duress-record';
import {
  DB_KEY_BYTES,
  SLOT_COUNT,
  clearSlot,
  deriveSlotKey,
  encodeKeyFile,
  openSlot,
  wipeOpenedSlot,
  wrapSlot,
} from './key-file';
import type { Db } from './migrations';
import { refuseWeak } from './passphrase-change';
import {
  mapStorageError,
  otherDbPath,
  readKeyFile,
  readyDatabase,
  writeKeyFileAtomically,
} from './vault-disk';
import { openVaultHandle, type OpenVault } from './vault';

export {
  markUnfinishedSet,
  readDuressRecord,
  unfinishedSet,
  type DuressRecord,
} from './duress-record';

/** The points between the writes of a set or removal, in order; crash tests stop the process at each. */
export const SET_STEPS = ['pending-record', 'decoy-built', 'key-file'] as const;
export const REMOVE_STEPS = ['pending-record', 'key-file'] as const;
export type DuressStep = (typeof SET_STEPS)[number] | (typeof REMOVE_STEPS)[number];

export interface DuressHooks {
  /**
   * Called after each step. Only tests pass it, to kill the process at a known point; synchronous,
   * so that no await (and no lock or panic wipe) can come between the writes.
   */
  afterStep?: (step: DuressStep) => void;
}

/**
 * After a failure once the pending record is written: the set or removal is given up at once (the
 * duress slot made filler, the record gone), so that the error the user sees and the Settings they
 * look at next agree, and the key file with them. If this fails too (a full disk), the pending
 * record stays and the next unlock finishes the job (duress-record.ts).
 */
function giveUp(dir: string, vault: OpenVault, slot: number): void {
  try {
    if (vault.db.open) dropDuress(dir, vault.db, slot, vault.slot);
  } catch {
    // See above.
  }
}

/**
 * The settings that show without a word typed (the disguise, kept in a file beside the vault and
 * rewritten from the opened vault at unlock; screen-capture protection; auto-lock), copied from the
 * real vault into the decoy, so a duress unlock does not change how the app looks or behaves.
 */
function copyLook(from: Db, to: Db): void {
  const { disguise, screenCaptureProtection, autoLockMinutes } = getSettings(from);
  updateSettings(to, { disguise, screenCaptureProtection, autoLockMinutes });
}

/** A slot other than the vault's own, at random. */
function randomOtherSlot(own: number): number {
  const pick = randomInt(SLOT_COUNT - 1);
  return pick >= own ? pick + 1 : pick;
}

/** After an await: the vault may have been locked, the key file shredded by a panic wipe. */
function checkUnchanged(dir: string, vault: OpenVault, original: Uint8Array): void {
  if (!vault.db.open) throw new SuviazError('locked', 'The vault is locked.');
  if (!Buffer.from(encodeKeyFile(readKeyFile(dir))).equals(Buffer.from(original))) {
    throw new SuviazError('vault-missing', 'The key file changed meanwhile.');
  }
}

/**
 * Sets (or replaces) the duress passphrase of the open real vault: a fresh, empty decoy in the other
 * database file (a previous decoy's notes are gone), wrapped in the slot used before or a random
 * other one, with the destroy marker if its use must destroy this vault. Record pending, decoy, key
 * file, record done: a crash anywhere is finished at the next unlock (duress-record.ts).
 */
export async function setDuressPassphrase(
  dir: string,
  vault: OpenVault,
  passphrase: string,
  destroysVault: boolean,
  hooks: DuressHooks = {},
): Promise<void> {
  refuseWeak(passphrase);
  const keyFile = readKeyFile(dir);
  const original = encodeKeyFile(keyFile);
  await sodiumReady();
  const slotKey = await deriveSlotKey(keyFile, passphrase);
  const decoyKey = randomBytes(DB_KEY_BYTES);
  let pendingSlot: number | null = null;
  try {
    const opened = openSlot(keyFile, slotKey);
    if (opened) wipeOpenedSlot(opened);
    if (opened?.index === vault.slot) {
      throw new SuviazError('same-passphrase', 'The duress passphrase is the vault passphrase.');
    }
    // Nothing is awaited from here on: no lock or panic wipe can come between the writes.
    checkUnchanged(dir, vault, original);
    // A pending record's slot too: it may hold a live duress slot that this set replaces.
    const slot = readStoredRecord(vault.db)?.slot ?? opened?.index ?? randomOtherSlot(vault.slot);
    if (slot === vault.slot) throw new Error('the duress slot would overwrite the vault slot');
    const tail = destroysVault ? destroyMarker(decoyKey) : null;
    const next = wrapSlot(keyFile, slot, slotKey, decoyKey, tail);
    const pending = { op: 'set', slotHash: slotHash(next, slot) } as const;
    // One transaction: the old mark never goes without the new pending record that replaces it.
    vault.db.transaction(() => {
      markUnfinishedSet(vault.db, false);
      writeStoredRecord(vault.db, { slot, destroysVault, pending });
    })();
    pendingSlot = slot;
    hooks.afterStep?.('pending-record');
    const decoy = buildDatabase(otherDbPath(vault.file), decoyKey);
    try {
      copyLook(vault.db, decoy);
    } finally {
      decoy.close();
    }
    hooks.afterStep?.('decoy-built');
    writeKeyFileAtomically(dir, encodeKeyFile(next), false);
    hooks.afterStep?.('key-file');
    writeStoredRecord(vault.db, { slot, destroysVault });
  } catch (error) {
    if (pendingSlot !== null) giveUp(dir, vault, pendingSlot);
    throw mapStorageError(error);
  } finally {
    memzero(slotKey);
    memzero(decoyKey);
  }
}

/**
 * Removes the duress passphrase: its slot becomes filler. The decoy database stays where it is, now a
 * spare no key opens, so the folder does not change shape. Record pending, key file, record gone.
 */
export function removeDuressPassphrase(
  dir: string,
  vault: OpenVault,
  hooks: DuressHooks = {},
): void {
  markUnfinishedSet(vault.db, false);
  const record = readStoredRecord(vault.db);
  if (!record) return;
  if (record.slot === vault.slot) throw new Error('the duress record names the vault slot');
  let pendingSlot: number | null = null;
  try {
    writeStoredRecord(vault.db, { ...record, pending: { op: 'remove' } });
    pendingSlot = record.slot;
    hooks.afterStep?.('pending-record');
    writeKeyFileAtomically(dir, encodeKeyFile(clearSlot(readKeyFile(dir), record.slot)), false);
    hooks.afterStep?.('key-file');
    writeStoredRecord(vault.db, null);
  } catch (error) {
    if (pendingSlot !== null) giveUp(dir, vault, pendingSlot);
    throw mapStorageError(error);
  }
}

/**
 * Opens the decoy from the open real vault with the duress passphrase, to prepare its notes: as a
 * duress unlock would, but without its destroy effect. The caller closes the real vault.
 */
export async function openDecoy(
  dir: string,
  vault: OpenVault,
  passphrase: string,
): Promise<OpenVault> {
  const record = readDuressRecord(vault.db);
  if (!record) throw new SuviazError('not-found', 'No duress passphrase is set.');
  const keyFile = readKeyFile(dir);
  await sodiumReady();
  const slotKey = await deriveSlotKey(keyFile, passphrase);
  const opened = openSlot(keyFile, slotKey);
  memzero(slotKey);
  try {
    if (!opened || opened.index !== record.slot) {
      throw new SuviazError('wrong-passphrase', 'This is not the duress passphrase.');
    }
    const found = findDatabase(dir, [opened.dbKey]);
    if (!found) throw noDatabaseError();
    const decoy = openVaultHandle(
      readyDatabase(found.db, found.file, false),
      found.file,
      opened.index,
    );
    // Brought up to date each time: the disguise may have changed since the decoy was made.
    try {
      copyLook(vault.db, decoy.db);
    } catch (error) {
      decoy.close();
      throw mapStorageError(error);
    }
    return decoy;
  } finally {
    if (opened) wipeOpenedSlot(opened);
  }
}
