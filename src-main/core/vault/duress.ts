// The duress passphrase, from the real vault: set it (a fresh decoy database in the other file of the
// pair, its key wrapped in another slot), remove it, or open the decoy to prepare its notes. Which slot
// it uses is kept only inside the real vault. Design and limits: docs/vault-format.md, "Duress".
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { memzero, randomBytes, sodiumReady } from '../crypto/sodium';
import { SuviazError } from '../errors';
import { getSettings, updateSettings } from '../settings/settings';
import { buildDatabase, findDatabase, noDatabaseError } from './database-pair';
import { destroyMarker } from './duress-marker';
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

/**
 * A row of the real vault's settings table (outside the Settings shape, so settings.get never shows
 * it). Only a vault that has set a duress passphrase has one; the decoy never does.
 */
const RECORD_NAME = 'duress';
const DuressRecord = z.object({
  slot: z
    .number()
    .int()
    .min(0)
    .max(SLOT_COUNT - 1),
  destroysVault: z.boolean(),
});
export type DuressRecord = z.infer<typeof DuressRecord>;

export function readDuressRecord(db: Db): DuressRecord | null {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?')
    .get(RECORD_NAME);
  if (!row) return null;
  try {
    const parsed = DuressRecord.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeDuressRecord(db: Db, record: DuressRecord | null): void {
  if (record) {
    db.prepare(
      'INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ).run(RECORD_NAME, JSON.stringify(record));
  } else {
    db.prepare('DELETE FROM settings WHERE name = ?').run(RECORD_NAME);
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
 * other one, with the destroy marker if its use must destroy this vault.
 */
export async function setDuressPassphrase(
  dir: string,
  vault: OpenVault,
  passphrase: string,
  destroysVault: boolean,
): Promise<void> {
  refuseWeak(passphrase);
  const keyFile = readKeyFile(dir);
  const original = encodeKeyFile(keyFile);
  await sodiumReady();
  const slotKey = await deriveSlotKey(keyFile, passphrase);
  const decoyKey = randomBytes(DB_KEY_BYTES);
  try {
    const opened = openSlot(keyFile, slotKey);
    if (opened) wipeOpenedSlot(opened);
    if (opened?.index === vault.slot) {
      throw new SuviazError('same-passphrase', 'The duress passphrase is the vault passphrase.');
    }
    checkUnchanged(dir, vault, original);
    const slot = readDuressRecord(vault.db)?.slot ?? opened?.index ?? randomOtherSlot(vault.slot);
    if (slot === vault.slot) throw new Error('the duress slot would overwrite the vault slot');
    const decoy = buildDatabase(otherDbPath(vault.file), decoyKey);
    try {
      copyLook(vault.db, decoy);
    } finally {
      decoy.close();
    }
    const tail = destroysVault ? destroyMarker(decoyKey) : null;
    writeKeyFileAtomically(
      dir,
      encodeKeyFile(wrapSlot(keyFile, slot, slotKey, decoyKey, tail)),
      false,
    );
    writeDuressRecord(vault.db, { slot, destroysVault });
  } catch (error) {
    throw mapStorageError(error);
  } finally {
    memzero(slotKey);
    memzero(decoyKey);
  }
}

/**
 * Removes the duress passphrase: its slot becomes filler. The decoy database stays where it is, now a
 * spare no key opens, so the folder does not change shape.
 */
export function removeDuressPassphrase(dir: string, vault: OpenVault): void {
  const record = readDuressRecord(vault.db);
  if (!record) return;
  if (record.slot === vault.slot) throw new Error('the duress record names the vault slot');
  try {
    writeKeyFileAtomically(dir, encodeKeyFile(clearSlot(readKeyFile(dir), record.slot)), false);
    writeDuressRecord(vault.db, null);
  } catch (error) {
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
