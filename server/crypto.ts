// The relay's only crypto: Ed25519 verification and SHA-256 from node:crypto. It checks signatures
// and hashes chains; it never holds a key that could decrypt anything.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ProtocolCrypto } from '../src-shared/protocol/membership-state';
import { KEY_BYTES, SIGNATURE_BYTES } from '../src-shared/protocol/wire-constants';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Parsed keys of recently seen devices: building a KeyObject costs more than the verification
 * itself, and the same few devices sign almost every message. Bounded, oldest dropped first.
 */
const KEY_CACHE_SIZE = 4096;
const keyCache = new Map<string, KeyObject | null>();

function parsePublicKey(publicKey: Uint8Array): KeyObject | null {
  try {
    return createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    });
  } catch {
    // Not a point on the curve: no signature can be valid for it.
    return null;
  }
}

function publicKeyObject(publicKey: Uint8Array): KeyObject | null {
  if (publicKey.length !== KEY_BYTES) return null;
  const id = Buffer.from(publicKey).toString('base64');
  if (keyCache.has(id)) return keyCache.get(id) ?? null;
  const key = parsePublicKey(publicKey);
  if (keyCache.size >= KEY_CACHE_SIZE) {
    const oldest = keyCache.keys().next();
    if (!oldest.done) keyCache.delete(oldest.value);
  }
  keyCache.set(id, key);
  return key;
}

export function verifyEd25519(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

export function sha256(input: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(input).digest());
}

/** What the shared membership rules need, backed by node:crypto. */
export const nodeProtocolCrypto: ProtocolCrypto = { sha256, verify: verifyEd25519 };
