// What a duress slot carries when its use must destroy the other vault: its spare 32 bytes (zero in an
// ordinary slot, the previous DB key during a passphrase change) hold a hash of its own DB key.
import { keyedHash } from '../crypto/sodium';
import { DB_KEY_BYTES, type OpenedSlot } from './key-file';

const CONTEXT = new TextEncoder().encode('suviaz duress: destroy the other vault');

/**
 * Derived from the slot's DB key, so it cannot be mistaken for a previous DB key (that would need a
 * random key to equal a hash of another, 2^-256) and differs from slot to slot.
 */
export function destroyMarker(dbKey: Uint8Array): Uint8Array {
  return keyedHash(dbKey, DB_KEY_BYTES, CONTEXT);
}

/** Whether an opened slot is a duress slot whose use destroys the other vault. */
export function isDestroyMarker(opened: OpenedSlot): boolean {
  const tail = opened.previousDbKey;
  if (!tail) return false;
  const marker = destroyMarker(opened.dbKey);
  let difference = 0;
  for (let i = 0; i < DB_KEY_BYTES; i++) difference |= (tail[i] ?? 0) ^ (marker[i] ?? 0);
  return difference === 0;
}
