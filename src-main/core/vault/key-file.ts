// The key file beside the vault DB: a small fixed-size header and equal-size slots, each able to hold
// the DB key wrapped by one passphrase. Pure bytes in, bytes out; reading and writing disk is vault.ts.
// Layout and reasoning: docs/vault-format.md.
import { randomInt } from 'node:crypto';
import { LIMITS } from '../../../src-shared/limits';
import {
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  AEAD_TAG_BYTES,
  KDF_SALT_BYTES,
  aeadDecrypt,
  aeadEncrypt,
  derivePassphraseKey,
  memzero,
  randomBytes,
  type KdfParams,
} from '../crypto/sodium';
import { SuviazError } from '../errors';

export const KEY_FILE_VERSION = 1;
export const SLOT_COUNT: number = LIMITS.keyFileSlots;
export const DB_KEY_BYTES = 32;
/**
 * DB key, then 32 bytes that are zero except while a passphrase change is under way, when they hold
 * the previous DB key (docs/vault-format.md, "Changing the passphrase").
 */
const SLOT_PLAINTEXT_BYTES = 64;

export const HEADER_BYTES = 1 + 4 + 4 + KDF_SALT_BYTES;
export const SLOT_BYTES = AEAD_NONCE_BYTES + SLOT_PLAINTEXT_BYTES + AEAD_TAG_BYTES;
export const KEY_FILE_BYTES = HEADER_BYTES + SLOT_COUNT * SLOT_BYTES;

// Bounds on what a key file may ask of us. A garbled or hostile header must not make the app try to
// allocate gigabytes or spin for minutes; libsodium's SENSITIVE preset (4 passes, 1 GiB) is the top.
const OPS_LIMIT_RANGE = { min: 1, max: 16 };
const MEM_LIMIT_RANGE = { min: 8192, max: 1024 * 1024 * 1024 };

export interface KeyFile {
  kdf: KdfParams;
  salt: Uint8Array;
  /** SLOT_COUNT entries of SLOT_BYTES: nonce then ciphertext, or random filler. */
  slots: Uint8Array[];
}

function corrupt(reason: string): SuviazError {
  return new SuviazError('keyfile-corrupt', `The key file is damaged: ${reason}.`);
}

function checkKdf(kdf: KdfParams): void {
  const { opsLimit, memLimit } = kdf;
  if (
    !Number.isInteger(opsLimit) ||
    opsLimit < OPS_LIMIT_RANGE.min ||
    opsLimit > OPS_LIMIT_RANGE.max ||
    !Number.isInteger(memLimit) ||
    memLimit < MEM_LIMIT_RANGE.min ||
    memLimit > MEM_LIMIT_RANGE.max
  ) {
    throw corrupt('implausible key derivation parameters');
  }
}

function encodeHeader(kdf: KdfParams, salt: Uint8Array): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint8(0, KEY_FILE_VERSION);
  view.setUint32(1, kdf.opsLimit, false);
  view.setUint32(5, kdf.memLimit, false);
  header.set(salt, 9);
  return header;
}

export function encodeKeyFile(file: KeyFile): Uint8Array {
  checkKdf(file.kdf);
  if (file.salt.length !== KDF_SALT_BYTES) throw new Error('bad salt length');
  if (file.slots.length !== SLOT_COUNT || file.slots.some((s) => s.length !== SLOT_BYTES)) {
    throw new Error('bad slots');
  }
  const out = new Uint8Array(KEY_FILE_BYTES);
  out.set(encodeHeader(file.kdf, file.salt), 0);
  file.slots.forEach((slot, index) => out.set(slot, HEADER_BYTES + index * SLOT_BYTES));
  return out;
}

/** Throws SuviazError('keyfile-corrupt') for anything that is not a key file this version can read. */
export function decodeKeyFile(bytes: Uint8Array): KeyFile {
  if (bytes.length !== KEY_FILE_BYTES) throw corrupt(`wrong size (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(0);
  if (version !== KEY_FILE_VERSION) throw corrupt(`unknown format version ${version}`);
  const kdf = { opsLimit: view.getUint32(1, false), memLimit: view.getUint32(5, false) };
  checkKdf(kdf);
  const salt = bytes.slice(9, HEADER_BYTES);
  const slots = Array.from({ length: SLOT_COUNT }, (_, index) =>
    bytes.slice(HEADER_BYTES + index * SLOT_BYTES, HEADER_BYTES + (index + 1) * SLOT_BYTES),
  );
  return { kdf, salt, slots };
}

/** Binds a slot to this file's header and its own position, so slots cannot be moved or mixed. */
function slotAssociatedData(file: KeyFile, index: number): Uint8Array {
  const header = encodeHeader(file.kdf, file.salt);
  const ad = new Uint8Array(HEADER_BYTES + 1);
  ad.set(header, 0);
  ad[HEADER_BYTES] = index;
  return ad;
}

/** A key file with a fresh salt and every slot random filler. */
export function newKeyFile(kdf: KdfParams): KeyFile {
  checkKdf(kdf);
  return {
    kdf: { ...kdf },
    salt: randomBytes(KDF_SALT_BYTES),
    slots: Array.from({ length: SLOT_COUNT }, () => randomBytes(SLOT_BYTES)),
  };
}

/**
 * The Argon2id key of a passphrase for this file: one derivation per attempt, whichever slot holds
 * it. NFC so that the same passphrase typed on another keyboard or OS gives the same bytes.
 */
export function deriveSlotKey(file: KeyFile, passphrase: string): Promise<Uint8Array> {
  return derivePassphraseKey(passphrase.normalize('NFC'), file.salt, file.kdf);
}

export interface OpenedSlot {
  index: number;
  dbKey: Uint8Array;
  /** The DB key before an unfinished passphrase change (the DB may still use it); else null. */
  previousDbKey: Uint8Array | null;
}

/**
 * Tries every slot, always all of them, so the time taken does not tell which slot (if any) opened.
 * Null when none opens with this key.
 */
export function openSlot(file: KeyFile, slotKey: Uint8Array): OpenedSlot | null {
  let found: OpenedSlot | null = null;
  for (const [index, slot] of file.slots.entries()) {
    let plaintext: Uint8Array;
    try {
      plaintext = aeadDecrypt(
        slotKey,
        slot.subarray(0, AEAD_NONCE_BYTES),
        slot.subarray(AEAD_NONCE_BYTES),
        slotAssociatedData(file, index),
      );
    } catch {
      continue;
    }
    if (!found) {
      const previous = plaintext.slice(DB_KEY_BYTES, 2 * DB_KEY_BYTES);
      const hasPrevious = previous.some((byte) => byte !== 0);
      if (!hasPrevious) memzero(previous);
      found = {
        index,
        dbKey: plaintext.slice(0, DB_KEY_BYTES),
        previousDbKey: hasPrevious ? previous : null,
      };
    }
    memzero(plaintext);
  }
  return found;
}

/**
 * A copy of the file whose slot `index` holds dbKey (and, during a passphrase change, the previous
 * DB key) under slotKey, with a fresh nonce.
 */
export function wrapSlot(
  file: KeyFile,
  index: number,
  slotKey: Uint8Array,
  dbKey: Uint8Array,
  previousDbKey: Uint8Array | null = null,
): KeyFile {
  if (!Number.isInteger(index) || index < 0 || index >= SLOT_COUNT) throw new Error('bad slot');
  if (
    slotKey.length !== AEAD_KEY_BYTES ||
    dbKey.length !== DB_KEY_BYTES ||
    (previousDbKey !== null && previousDbKey.length !== DB_KEY_BYTES)
  ) {
    throw new Error('bad key length');
  }
  const plaintext = new Uint8Array(SLOT_PLAINTEXT_BYTES);
  plaintext.set(dbKey, 0);
  if (previousDbKey) plaintext.set(previousDbKey, DB_KEY_BYTES);
  const { nonce, ciphertext } = aeadEncrypt(slotKey, plaintext, slotAssociatedData(file, index));
  memzero(plaintext);
  const slot = new Uint8Array(SLOT_BYTES);
  slot.set(nonce, 0);
  slot.set(ciphertext, AEAD_NONCE_BYTES);
  const slots = file.slots.map((existing, i) => (i === index ? slot : existing));
  return { ...file, slots };
}

/** A new key file with dbKey under passphrase in a randomly chosen slot, and that slot's index. */
export async function createKeyFileWithSlot(
  passphrase: string,
  dbKey: Uint8Array,
  kdf: KdfParams,
): Promise<{ file: KeyFile; index: number }> {
  const blank = newKeyFile(kdf);
  const slotKey = await deriveSlotKey(blank, passphrase);
  const index = randomInt(SLOT_COUNT);
  try {
    return { file: wrapSlot(blank, index, slotKey, dbKey), index };
  } finally {
    memzero(slotKey);
  }
}

/** A new key file with dbKey under passphrase in a randomly chosen slot. */
export async function createKeyFile(
  passphrase: string,
  dbKey: Uint8Array,
  kdf: KdfParams,
): Promise<KeyFile> {
  return (await createKeyFileWithSlot(passphrase, dbKey, kdf)).file;
}

/** A copy of the file with slot `index` replaced by fresh random filler. */
export function clearSlot(file: KeyFile, index: number): KeyFile {
  if (!Number.isInteger(index) || index < 0 || index >= SLOT_COUNT) throw new Error('bad slot');
  const slots = file.slots.map((existing, i) => (i === index ? randomBytes(SLOT_BYTES) : existing));
  return { ...file, slots };
}

/** Wipes the key material of an opened slot. */
export function wipeOpenedSlot(opened: OpenedSlot): void {
  memzero(opened.dbKey);
  if (opened.previousDbKey) memzero(opened.previousDbKey);
}

/** What any passphrase that opens nothing it should gets: the same words, whatever the reason. */
export function wrongPassphrase(): SuviazError {
  return new SuviazError('wrong-passphrase', 'No key slot opens with this passphrase.');
}

/**
 * Unwraps the DB key and hands back the slot key too, for a caller that rewraps the same slot (a
 * passphrase change); the caller wipes both. SuviazError('wrong-passphrase') when no slot opens.
 */
export async function openKeyFileSlot(
  file: KeyFile,
  passphrase: string,
): Promise<{ opened: OpenedSlot; slotKey: Uint8Array }> {
  const slotKey = await deriveSlotKey(file, passphrase);
  const opened = openSlot(file, slotKey);
  if (!opened) {
    memzero(slotKey);
    throw wrongPassphrase();
  }
  return { opened, slotKey };
}

/** Unwraps the DB key; SuviazError('wrong-passphrase') when no slot opens. */
export async function unlockKeyFile(file: KeyFile, passphrase: string): Promise<OpenedSlot> {
  const { opened, slotKey } = await openKeyFileSlot(file, passphrase);
  memzero(slotKey);
  return opened;
}

/**
 * Rewraps the slot that `current` opens under `next`, same salt and same slot, so every other slot
 * and its passphrase keep working.
 */
export async function rewrapKeyFile(
  file: KeyFile,
  current: string,
  next: string,
): Promise<KeyFile> {
  const opened = await unlockKeyFile(file, current);
  const nextKey = await deriveSlotKey(file, next).catch((error: unknown) => {
    wipeOpenedSlot(opened);
    throw error;
  });
  try {
    return wrapSlot(file, opened.index, nextKey, opened.dbKey);
  } finally {
    memzero(nextKey);
    wipeOpenedSlot(opened);
  }
}
