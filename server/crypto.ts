// The relay's only crypto: Ed25519 verification and SHA-256. It checks signatures and hashes chains;
// it never holds a key that could decrypt anything.
//
// One signature rule everywhere (docs/protocol.md §1): the relay accepts exactly the signatures that
// libsodium's crypto_sign_verify_detached accepts, since that is what every client runs. node:crypto
// alone does not: OpenSSL 3.0 (Node 20) accepts a signature by the small-order key 01 00…00 with
// R = 01 00…00, S = 0 for any message. So libsodium's rules that come before the curve equation are
// checked here first, in plain TypeScript, exactly as libsodium 1.0.18–1.0.22 writes them
// (crypto_sign/ed25519/ref10/open.c, crypto_core/ed25519/ref10/ed25519_ref10.c):
//   - S canonical (S < L, sc25519_is_canonical);
//   - R not a small-order encoding (ge25519_has_small_order's blocklist, sign bit ignored);
//   - the public key canonical (ge25519_is_canonical) and not a small-order encoding.
// What is left is the same cofactorless check in both, R = encode(SB − hA) byte for byte, which
// node:crypto does at native speed. tests/unit/relay-signature-rules.test.ts holds the relay to
// libsodium's verdicts on a table of vectors, under this Node and under the system's.
// (libsodium's unreleased master checks the cofactored equation instead; a libsodium update that
// ships it changes the clients' rule, and that test says so.)
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { ProtocolCrypto } from '../src-shared/protocol/membership-state';
import { KEY_BYTES, SIGNATURE_BYTES } from '../src-shared/protocol/wire-constants';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** L, the order of the prime-order subgroup, little-endian (sc25519_is_canonical). */
const GROUP_ORDER_LE = Uint8Array.from(
  Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex'),
);

/**
 * Encodings whose y (sign bit ignored) is that of a point of small order, canonical or not: y = 0,
 * 1, the two order-8 values, p − 1, p and p + 1: libsodium's ge25519_has_small_order blocklist.
 */
const SMALL_ORDER_ENCODINGS: readonly Uint8Array[] = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));

/** S (32 bytes, little-endian) < L. */
export function isCanonicalScalar(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const a = s[i] ?? 0;
    const l = GROUP_ORDER_LE[i] ?? 0;
    if (a !== l) return a < l;
  }
  return false; // S = L
}

/** libsodium's ge25519_is_canonical: y < p, the sign bit ignored. */
export function isCanonicalPoint(s: Uint8Array): boolean {
  if (((s[31] ?? 0) & 0x7f) !== 0x7f) return true;
  for (let i = 30; i > 0; i--) if (s[i] !== 0xff) return true;
  return (s[0] ?? 0) < 0xed;
}

/** The encoding is of a point of small order (or of no point with such a y), sign bit ignored. */
export function hasSmallOrder(s: Uint8Array): boolean {
  return SMALL_ORDER_ENCODINGS.some((bad) => {
    for (let i = 0; i < 31; i++) if (s[i] !== bad[i]) return false;
    return ((s[31] ?? 0) & 0x7f) === bad[31];
  });
}

/** libsodium's checks that come before the curve equation; false means libsodium refuses. */
export function passesLibsodiumPrechecks(publicKey: Uint8Array, signature: Uint8Array): boolean {
  return (
    publicKey.length === KEY_BYTES &&
    signature.length === SIGNATURE_BYTES &&
    isCanonicalScalar(signature.subarray(32)) &&
    isCanonicalPoint(publicKey) &&
    !hasSmallOrder(publicKey) &&
    !hasSmallOrder(signature.subarray(0, 32))
  );
}

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

function opensslVerify(key: KeyObject | null, message: Uint8Array, signature: Uint8Array): boolean {
  if (!key) return false;
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** Accepts exactly what libsodium's crypto_sign_verify_detached accepts (see the top of the file). */
export function verifyEd25519(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!passesLibsodiumPrechecks(publicKey, signature)) return false;
  return opensslVerify(publicKeyObject(publicKey), message, signature);
}

/** node:crypto alone, without libsodium's rules: what the relay did before v3, for bench and tests. */
export function verifyEd25519OpensslOnly(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.length !== KEY_BYTES || signature.length !== SIGNATURE_BYTES) return false;
  return opensslVerify(publicKeyObject(publicKey), message, signature);
}

export function sha256(input: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(input).digest());
}

/** What the shared membership rules need, backed by node:crypto with libsodium's rules. */
export const nodeProtocolCrypto: ProtocolCrypto = { sha256, verify: verifyEd25519 };
