// This device's long-term keys (Ed25519 for signing, X25519 for sealed boxes), kept in the vault, and
// the safety number people compare out of band. Secret keys stay in here except for a scoped loan.
import type { DeviceIdentity } from '../../../src-shared/api';
import {
  generateBoxKeyPair,
  generateSigningKeyPair,
  genericHash,
  memzero,
  toHex,
} from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';

const SAFETY_NUMBER_DOMAIN = new TextEncoder().encode('suviaz/safety-number/v1');
const SAFETY_NUMBER_GROUPS = 12;
const GROUP_BYTES = 5;

/**
 * 12 groups of 5 digits from BLAKE2b-512(domain ‖ signing pk ‖ box pk). Both keys are fixed-size, so
 * the plain concatenation is unambiguous. Works for any device's keys, not only ours.
 */
export function safetyNumber(signingPublicKey: Uint8Array, boxPublicKey: Uint8Array): string {
  const digest = genericHash(64, SAFETY_NUMBER_DOMAIN, signingPublicKey, boxPublicKey);
  const groups: string[] = [];
  for (let g = 0; g < SAFETY_NUMBER_GROUPS; g++) {
    // 5 bytes = 40 bits, exact in a double; bit operators would truncate to 32 bits.
    let value = 0;
    for (const byte of digest.subarray(g * GROUP_BYTES, (g + 1) * GROUP_BYTES)) {
      value = value * 256 + byte;
    }
    groups.push(String(value % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** Called once, when the vault is created. */
export function createDeviceIdentity(db: Db, now: () => number = Date.now): void {
  const signing = generateSigningKeyPair();
  const box = generateBoxKeyPair();
  try {
    db.prepare(
      `INSERT INTO device_identity
         (id, signing_public_key, signing_secret_key, box_public_key, box_secret_key, created_at)
       VALUES (1, ?, ?, ?, ?, ?)`,
    ).run(signing.publicKey, signing.secretKey, box.publicKey, box.secretKey, now());
  } finally {
    memzero(signing.secretKey);
    memzero(box.secretKey);
  }
}

interface PublicKeyRow {
  signing_public_key: Uint8Array;
  box_public_key: Uint8Array;
}

export function getDeviceIdentity(db: Db): DeviceIdentity {
  const row = db
    .prepare<[], PublicKeyRow>(
      'SELECT signing_public_key, box_public_key FROM device_identity WHERE id = 1',
    )
    .get();
  if (!row) throw new SuviazError('database-corrupt', 'The vault has no device identity.');
  return {
    signingPublicKey: toHex(row.signing_public_key),
    boxPublicKey: toHex(row.box_public_key),
    fingerprint: safetyNumber(row.signing_public_key, row.box_public_key),
  };
}

export interface DeviceSecretKeys {
  signingSecretKey: Uint8Array;
  boxSecretKey: Uint8Array;
}

/**
 * Lends the secret keys to `use` and wipes them when it returns, so no copy outlives the operation.
 * `use` must be synchronous: anything it keeps or awaits sees zeroes.
 */
export function withDeviceSecretKeys<T>(db: Db, use: (keys: DeviceSecretKeys) => T): T {
  const row = db
    .prepare<[], { signing_secret_key: Uint8Array; box_secret_key: Uint8Array }>(
      'SELECT signing_secret_key, box_secret_key FROM device_identity WHERE id = 1',
    )
    .get();
  if (!row) throw new SuviazError('database-corrupt', 'The vault has no device identity.');
  const keys = { signingSecretKey: row.signing_secret_key, boxSecretKey: row.box_secret_key };
  try {
    return use(keys);
  } finally {
    memzero(keys.signingSecretKey);
    memzero(keys.boxSecretKey);
  }
}
