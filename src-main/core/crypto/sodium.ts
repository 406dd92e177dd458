// The one module that touches libsodium (docs/design.md, "Keys and storage"): a narrow facade so the rest of the core never
// picks primitives, nonce sizes or output formats on its own.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Sodium = typeof import('libsodium-wrappers-sumo');

// The package's ESM build is broken, and only the sumo build has crypto_pwhash (Argon2id). Not named
// `require`: the bundler injects its own top-level `require` shim into the main bundle.
const requireHere = createRequire(import.meta.url);
export const SODIUM_PATH = requireHere.resolve('libsodium-wrappers-sumo');
const sodium = requireHere(SODIUM_PATH) as Sodium;

let ready = false;

export async function sodiumReady(): Promise<void> {
  await sodium.ready;
  ready = true;
}

function lib(): Sodium {
  // Before ready the wrapper's functions are missing; fail with a message that says why.
  if (!ready) throw new Error('libsodium is not initialised: await sodiumReady() first');
  return sodium;
}

export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;
export const KDF_SALT_BYTES = 16;
export const SIGN_PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const BOX_PUBLIC_KEY_BYTES = 32;

export interface KdfParams {
  opsLimit: number;
  memLimit: number;
}

/** libsodium's crypto_pwhash OPSLIMIT_MODERATE / MEMLIMIT_MODERATE: 3 passes over 256 MiB. */
export const KDF_MODERATE: KdfParams = Object.freeze({ opsLimit: 3, memLimit: 256 * 1024 * 1024 });
/** OPSLIMIT_MIN / MEMLIMIT_MIN: only for tests, where a second per derivation adds up. */
export const KDF_FAST_FOR_TESTS: KdfParams = Object.freeze({ opsLimit: 1, memLimit: 8192 });

/** Argon2id13 as libsodium numbers it (crypto_pwhash_ALG_ARGON2ID13). */
const ALG_ARGON2ID13 = 2;

export function randomBytes(length: number): Uint8Array {
  return lib().randombytes_buf(length);
}

export interface AeadBox {
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/** XChaCha20-Poly1305 (IETF) with a fresh random nonce: 24 bytes make random nonces safe. */
export function aeadEncrypt(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: Uint8Array,
): AeadBox {
  const s = lib();
  const nonce = s.randombytes_buf(AEAD_NONCE_BYTES);
  const ciphertext = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData,
    null,
    nonce,
    key,
  );
  return { nonce, ciphertext };
}

/** aeadEncrypt as one blob, nonce ‖ ciphertext: for small sealed values stored or sent whole. */
export function aeadSeal(key: Uint8Array, plaintext: Uint8Array, associatedData: Uint8Array) {
  const box = aeadEncrypt(key, plaintext, associatedData);
  const out = new Uint8Array(box.nonce.length + box.ciphertext.length);
  out.set(box.nonce);
  out.set(box.ciphertext, box.nonce.length);
  return out;
}

/** Opens what aeadSeal made; throws like aeadDecrypt. */
export function aeadOpen(key: Uint8Array, sealed: Uint8Array, associatedData: Uint8Array) {
  return aeadDecrypt(
    key,
    sealed.subarray(0, AEAD_NONCE_BYTES),
    sealed.subarray(AEAD_NONCE_BYTES),
    associatedData,
  );
}

/** Throws a plain Error when the key, nonce, data or ciphertext do not match; callers map it. */
export function aeadDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  associatedData: Uint8Array,
): Uint8Array {
  const s = lib();
  try {
    return s.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      associatedData,
      nonce,
      key,
    );
  } catch {
    throw new Error('AEAD decryption failed');
  }
}

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** Ed25519. */
export function generateSigningKeyPair(): KeyPair {
  const pair = lib().crypto_sign_keypair();
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** Ed25519 from a 32-byte seed: an invite link carries only the seed. */
export function signingKeyPairFromSeed(seed: Uint8Array): KeyPair {
  const pair = lib().crypto_sign_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** X25519. */
export function generateBoxKeyPair(): KeyPair {
  const pair = lib().crypto_box_keypair();
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

/** Detached Ed25519 signature (64 bytes). */
export function sign(secretKey: Uint8Array, message: Uint8Array): Uint8Array {
  return lib().crypto_sign_detached(message, secretKey);
}

export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const s = lib();
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== SIGN_PUBLIC_KEY_BYTES) {
    return false;
  }
  try {
    return s.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    // libsodium throws on malformed keys; to a caller that is simply "not a valid signature".
    return false;
  }
}

/**
 * BLAKE2b over the plain concatenation of parts. Concatenation is ambiguous when more than one part
 * has a variable length: callers use fixed-size parts or length-prefix them.
 */
export function genericHash(length: number, ...parts: Uint8Array[]): Uint8Array {
  const s = lib();
  const state = s.crypto_generichash_init(null, length);
  for (const part of parts) s.crypto_generichash_update(state, part);
  return s.crypto_generichash_final(state, length);
}

/** SHA-256 (crypto_hash_sha256): the hash the wire protocol uses, so the relay can check it too. */
export function sha256(input: Uint8Array): Uint8Array {
  return lib().crypto_hash_sha256(input);
}

/**
 * Keyed BLAKE2b over the concatenation of parts: derives one subkey from a root key. Callers pass
 * unambiguous (fixed-size or length-prefixed) parts, as for genericHash.
 */
export function keyedHash(key: Uint8Array, length: number, ...parts: Uint8Array[]): Uint8Array {
  const s = lib();
  const state = s.crypto_generichash_init(key, length);
  for (const part of parts) s.crypto_generichash_update(state, part);
  return s.crypto_generichash_final(state, length);
}

/** Anonymous sealed box (crypto_box_seal) to an X25519 public key. */
export function sealToBoxKey(recipientPublicKey: Uint8Array, message: Uint8Array): Uint8Array {
  return lib().crypto_box_seal(message, recipientPublicKey);
}

/** Opens a sealed box with our X25519 key pair; throws a plain Error when it is not for us. */
export function openSealedBox(
  publicKey: Uint8Array,
  secretKey: Uint8Array,
  sealed: Uint8Array,
): Uint8Array {
  try {
    return lib().crypto_box_seal_open(sealed, publicKey, secretKey);
  } catch {
    throw new Error('sealed box could not be opened');
  }
}

/** crypto_secretstream_xchacha20poly1305: sizes of its key, header and per-chunk overhead. */
export const SECRETSTREAM_KEY_BYTES = 32;
export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_ABYTES = 17;

export interface SecretStreamPush {
  header: Uint8Array;
  /** Seals the next chunk; `final` marks the last one, so a cut-off stream is noticed. */
  push(chunk: Uint8Array, final: boolean): Uint8Array;
}

export interface SecretStreamPull {
  /** The next chunk's plaintext and whether it was the last, or null when it does not open. */
  pull(cipherChunk: Uint8Array): { message: Uint8Array; final: boolean } | null;
}

/**
 * A secretstream for one file: chunks in order, each authenticated and bound to its place, so a
 * reordered, dropped or altered chunk does not open and a stream without its final chunk is incomplete.
 */
export function secretStreamPush(key: Uint8Array): SecretStreamPush {
  const s = lib();
  const { state, header } = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  return {
    header,
    push: (chunk, final) =>
      s.crypto_secretstream_xchacha20poly1305_push(
        state,
        chunk,
        null,
        final
          ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL
          : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
      ),
  };
}

export function secretStreamPull(key: Uint8Array, header: Uint8Array): SecretStreamPull {
  const s = lib();
  if (key.length !== SECRETSTREAM_KEY_BYTES || header.length !== SECRETSTREAM_HEADER_BYTES) {
    throw new Error('secretstream key or header has the wrong length');
  }
  const state = s.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  return {
    pull(cipherChunk) {
      if (cipherChunk.length < SECRETSTREAM_ABYTES) return null;
      // The wrapper answers false (not an exception) when a chunk does not authenticate.
      const opened = s.crypto_secretstream_xchacha20poly1305_pull(state, cipherChunk, null) as
        { message: Uint8Array; tag: number } | false;
      if (!opened) return null;
      const { tag } = opened;
      // Only MESSAGE and FINAL are ever pushed; any other tag is not a stream this app wrote.
      if (tag === s.crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        return { message: opened.message, final: true };
      }
      if (tag === s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        return { message: opened.message, final: false };
      }
      return null;
    },
  };
}

export function memzero(buffer: Uint8Array): void {
  // Works without libsodium being ready, so cleanup paths can always run.
  buffer.fill(0);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Strict: Buffer.from(hex) would silently stop at the first bad character. */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not a hex string');
  // A fresh ArrayBuffer, never Node's shared Buffer pool, so memzero reaches the only copy.
  const out = new Uint8Array(hex.length / 2);
  Buffer.from(out.buffer).write(hex, 'hex');
  return out;
}

// Runs in a worker: Argon2id takes about a second, and Electron's main process would freeze every
// window for that long. CommonJS because eval workers are scripts.
const KDF_WORKER_CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
sodium.ready.then(() => {
  const { passphrase, salt, opsLimit, memLimit, alg } = workerData;
  try {
    const key = sodium.crypto_pwhash(32, passphrase, salt, opsLimit, memLimit, alg);
    parentPort.postMessage({ key }, [key.buffer]);
  } finally {
    passphrase.fill(0);
  }
});
`;

/** Argon2id13 → 32-byte key, computed off the main thread. */
export function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Uint8Array> {
  if (salt.length !== KDF_SALT_BYTES) {
    return Promise.reject(new Error(`salt must be ${KDF_SALT_BYTES} bytes`));
  }
  // Bytes, not the string, cross to the worker so that the worker's copy can be wiped; the
  // transfer detaches ours.
  const passphraseBytes = new TextEncoder().encode(passphrase);
  const saltCopy = Uint8Array.from(salt);
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(KDF_WORKER_CODE, {
      eval: true,
      workerData: {
        sodiumPath: SODIUM_PATH,
        passphrase: passphraseBytes,
        salt: saltCopy,
        opsLimit: params.opsLimit,
        memLimit: params.memLimit,
        alg: ALG_ARGON2ID13,
      },
      transferList: [passphraseBytes.buffer],
    });
    worker.once('message', (message: { key: Uint8Array }) => {
      settled = true;
      resolve(message.key);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`key derivation worker exited with code ${code}`));
    });
  });
}
