// Ed25519 verification vectors for "one signature rule everywhere" (docs/protocol.md §1): valid
// signatures, the small-order forgeries OpenSSL 3.0 accepts, every small-order encoding as key and as
// R, non-canonical S and keys, and mixed-order keys and R values that libsodium's cofactored check
// accepts and OpenSSL's cofactorless one refuses. Built with libsodium itself; each vector is judged
// by libsodium (the clients' rule) and by the relay's verifyEd25519, which must agree.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

export type Sodium = typeof import('libsodium-wrappers-sumo');

/** The CommonJS build (the ESM one is broken), ready. */
export async function loadSodium(): Promise<Sodium> {
  const sodium = createRequire(import.meta.url)('libsodium-wrappers-sumo') as Sodium;
  await sodium.ready;
  return sodium;
}

export interface SignatureVector {
  name: string;
  /** Hex. */
  publicKey: string;
  message: string;
  signature: string;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const unhex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function vectorBytes(v: SignatureVector): {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
} {
  return {
    publicKey: unhex(v.publicKey),
    message: unhex(v.message),
    signature: unhex(v.signature),
  };
}

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const P = 2n ** 255n - 19n;

function toLe(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}
function fromLe(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n;
}

/** libsodium's small-order blocklist (y = 0, 1, the order-8 values, p − 1, p, p + 1). */
export const SMALL_ORDER_ENCODINGS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map(unhex);

/** The encoding with the sign bit (bit 255) set. */
const withSignBit = (point: Uint8Array): Uint8Array => {
  const out = Uint8Array.from(point);
  out[31] = (out[31] ?? 0) | 0x80;
  return out;
};
const bothSigns = (point: Uint8Array): Uint8Array[] => [point, withSignBit(point)];

/** The forgery OpenSSL 3.0 accepts for any message: key and R = 01 00…00, S = 0. */
export function smallOrderForgery(): { publicKey: Uint8Array; signature: Uint8Array } {
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const signature = new Uint8Array(64);
  signature.set(identity, 0);
  return { publicKey: identity, signature };
}

export function buildSignatureVectors(sodium: Sodium): SignatureVector[] {
  const vectors: SignatureVector[] = [];
  const add = (name: string, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
    vectors.push({
      name,
      publicKey: hex(publicKey),
      message: hex(message),
      signature: hex(signature),
    });

  // Valid signatures, and the usual ways of breaking them.
  for (let i = 0; i < 4; i++) {
    const keys = sodium.crypto_sign_keypair();
    const message = utf8(`message ${i}`);
    const signature = sodium.crypto_sign_detached(message, keys.privateKey);
    add(`valid #${i}`, keys.publicKey, message, signature);
    add(`valid #${i}, other message`, keys.publicKey, utf8(`other ${i}`), signature);
    const flipped = Uint8Array.from(signature);
    flipped[40] = (flipped[40] ?? 0) ^ 1;
    add(`valid #${i}, S altered`, keys.publicKey, message, flipped);
    add(`valid #${i}, other key`, sodium.crypto_sign_keypair().publicKey, message, signature);
    // Non-canonical S: S + L verifies the same equation, libsodium refuses it.
    const s = fromLe(signature.subarray(32));
    const sPlusL = Uint8Array.from(signature);
    sPlusL.set(toLe(s + L), 32);
    add(`valid #${i} with S + L`, keys.publicKey, message, sPlusL);
    // Mixed: a valid key with a small-order R.
    SMALL_ORDER_ENCODINGS.flatMap(bothSigns).forEach((r, j) => {
      const sig = Uint8Array.from(signature);
      sig.set(r, 0);
      add(`valid key #${i}, small-order R ${j}`, keys.publicKey, message, sig);
    });
  }

  // The small-order forgery, for several messages, with S = 0 and S = L (non-canonical zero).
  const forgery = smallOrderForgery();
  for (let i = 0; i < 4; i++) {
    add(`small-order forgery #${i}`, forgery.publicKey, utf8(`any ${i}`), forgery.signature);
    const sIsL = Uint8Array.from(forgery.signature);
    sIsL.set(toLe(L), 32);
    add(`small-order forgery #${i}, S = L`, forgery.publicKey, utf8(`any ${i}`), sIsL);
  }

  // Every small-order key encoding (both sign bits) against every small-order R, S = 0: some of
  // these satisfy R = −hA, which is what OpenSSL's equation checks.
  const smallOrder = SMALL_ORDER_ENCODINGS.flatMap(bothSigns);
  smallOrder.forEach((publicKey, i) => {
    smallOrder.forEach((r, j) => {
      for (let m = 0; m < 2; m++) {
        const signature = new Uint8Array(64);
        signature.set(r, 0);
        add(
          `small-order key ${i}, R ${j}, S = 0, message ${m}`,
          publicKey,
          utf8(`m${m}`),
          signature,
        );
      }
    });
  });

  // Non-canonical key encodings: y = p + k (k = 2…18), both sign bits; random R and S.
  for (let k = 2n; k <= 18n; k++) {
    for (const publicKey of bothSigns(toLe(P + k))) {
      const signature = new Uint8Array(64);
      signature.set(sodium.randombytes_buf(32), 0);
      signature.set(sodium.crypto_core_ed25519_scalar_random(), 32);
      add(`non-canonical key y = p + ${k}`, publicKey, utf8('nc'), signature);
    }
  }

  // Mixed-order keys A = aB + T (T of order 2, 4 or 8) and mixed-order R = rB + T: a cofactored
  // equation would hold for every message; the cofactorless one (libsodium 1.0.18–1.0.22, OpenSSL)
  // holds for the key only when h·T happens to vanish, and never for R.
  const sha512 = (...parts: Uint8Array[]): Uint8Array => {
    const hash = createHash('sha512');
    for (const part of parts) hash.update(part);
    return new Uint8Array(hash.digest());
  };
  const torsion = [
    ['order 8', unhex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05')],
    ['order 4', new Uint8Array(32)],
    ['order 2', unhex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')],
  ] as const;
  for (const [order, t] of torsion) {
    const a = sodium.crypto_core_ed25519_scalar_random();
    const publicKey = sodium.crypto_core_ed25519_add(
      sodium.crypto_scalarmult_ed25519_base_noclamp(a),
      t,
    );
    const cleanA = sodium.crypto_scalarmult_ed25519_base_noclamp(a);
    for (let m = 0; m < 8; m++) {
      const message = utf8(`mixed ${order} ${m}`);
      const r = sodium.crypto_core_ed25519_scalar_random();
      const rPoint = sodium.crypto_scalarmult_ed25519_base_noclamp(r);
      // Mixed-order key.
      let h = sodium.crypto_core_ed25519_scalar_reduce(sha512(rPoint, publicKey, message));
      let s = sodium.crypto_core_ed25519_scalar_add(r, sodium.crypto_core_ed25519_scalar_mul(h, a));
      const signature = new Uint8Array(64);
      signature.set(rPoint, 0);
      signature.set(s, 32);
      add(`mixed-order key (${order}), message ${m}`, publicKey, message, signature);
      // Mixed-order R with a clean key.
      const mixedR = sodium.crypto_core_ed25519_add(rPoint, t);
      h = sodium.crypto_core_ed25519_scalar_reduce(sha512(mixedR, cleanA, message));
      s = sodium.crypto_core_ed25519_scalar_add(r, sodium.crypto_core_ed25519_scalar_mul(h, a));
      const signature2 = new Uint8Array(64);
      signature2.set(mixedR, 0);
      signature2.set(s, 32);
      add(`mixed-order R (${order}), message ${m}`, cleanA, message, signature2);
    }
  }
  return vectors;
}

/** libsodium's verdict, the clients' rule. */
export function libsodiumVerdict(sodium: Sodium, v: SignatureVector): boolean {
  const { publicKey, message, signature } = vectorBytes(v);
  try {
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}
