import { beforeAll, describe, expect, it } from 'vitest';
import {
  KDF_FAST_FOR_TESTS,
  KDF_MODERATE,
  aeadDecrypt,
  aeadEncrypt,
  derivePassphraseKey,
  fromHex,
  genericHash,
  generateBoxKeyPair,
  generateSigningKeyPair,
  memzero,
  randomBytes,
  sign,
  sodiumReady,
  toHex,
  verify,
} from '../../src-main/core/crypto/sodium';

const text = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  await sodiumReady();
});

describe('AEAD (XChaCha20-Poly1305)', () => {
  const key = new Uint8Array(32).fill(7);
  const ad = text('header');

  it('round-trips with a fresh nonce each time', () => {
    const a = aeadEncrypt(key, text('secret note'), ad);
    const b = aeadEncrypt(key, text('secret note'), ad);
    expect(a.nonce).toHaveLength(24);
    expect(toHex(a.nonce)).not.toBe(toHex(b.nonce));
    expect(new TextDecoder().decode(aeadDecrypt(key, a.nonce, a.ciphertext, ad))).toBe(
      'secret note',
    );
  });

  it('fails on a tampered ciphertext, associated data, nonce or key', () => {
    const { nonce, ciphertext } = aeadEncrypt(key, text('secret note'), ad);
    const flipped = (bytes: Uint8Array, at: number) => {
      const copy = Uint8Array.from(bytes);
      copy[at]! ^= 1;
      return copy;
    };
    expect(() => aeadDecrypt(key, nonce, flipped(ciphertext, 3), ad)).toThrow(Error);
    expect(() => aeadDecrypt(key, nonce, ciphertext, text('headeR'))).toThrow(Error);
    expect(() => aeadDecrypt(key, flipped(nonce, 0), ciphertext, ad)).toThrow(Error);
    expect(() => aeadDecrypt(flipped(key, 31), nonce, ciphertext, ad)).toThrow(Error);
    expect(() => aeadDecrypt(key, nonce, ciphertext.subarray(0, 10), ad)).toThrow(Error);
  });
});

describe('Argon2id', () => {
  const salt = new Uint8Array(16).fill(1);

  it('is deterministic for the same passphrase and salt, and differs with the salt', async () => {
    const a = await derivePassphraseKey('correct horse', salt, KDF_FAST_FOR_TESTS);
    const b = await derivePassphraseKey('correct horse', salt, KDF_FAST_FOR_TESTS);
    const c = await derivePassphraseKey('correct horse', new Uint8Array(16), KDF_FAST_FOR_TESTS);
    const d = await derivePassphraseKey('correct horsf', salt, KDF_FAST_FOR_TESTS);
    expect(a).toHaveLength(32);
    expect(toHex(a)).toBe(toHex(b));
    expect(toHex(a)).not.toBe(toHex(c));
    expect(toHex(a)).not.toBe(toHex(d));
  });

  it('refuses a salt of the wrong size', async () => {
    await expect(derivePassphraseKey('x', new Uint8Array(8), KDF_FAST_FOR_TESTS)).rejects.toThrow();
  });

  it('runs the MODERATE preset off the main thread, so the event loop keeps turning', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    try {
      const key = await derivePassphraseKey('passphrase', salt, KDF_MODERATE);
      expect(key).toHaveLength(32);
    } finally {
      clearInterval(timer);
    }
    const elapsed = Date.now() - started;
    // Synchronous Argon2id would leave ticks at 0; allow for a slow, busy machine.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });
});

describe('signatures (Ed25519)', () => {
  it('verifies a genuine signature and rejects a forged or altered one', () => {
    const alice = generateSigningKeyPair();
    const mallory = generateSigningKeyPair();
    const message = text('join group 42');
    const signature = sign(alice.secretKey, message);
    expect(signature).toHaveLength(64);
    expect(verify(alice.publicKey, message, signature)).toBe(true);
    expect(verify(alice.publicKey, text('join group 43'), signature)).toBe(false);
    expect(verify(alice.publicKey, message, sign(mallory.secretKey, message))).toBe(false);
    const forged = Uint8Array.from(signature);
    forged[10]! ^= 0x80;
    expect(verify(alice.publicKey, message, forged)).toBe(false);
    expect(verify(alice.publicKey, message, new Uint8Array(10))).toBe(false);
  });
});

describe('helpers', () => {
  it('makes distinct key pairs of the right sizes', () => {
    const box = generateBoxKeyPair();
    expect(box.publicKey).toHaveLength(32);
    expect(box.secretKey).toHaveLength(32);
    expect(toHex(generateBoxKeyPair().publicKey)).not.toBe(toHex(box.publicKey));
  });

  it('hashes parts as their concatenation, with the requested length', () => {
    const whole = genericHash(64, text('suviaz/abc'));
    expect(toHex(genericHash(64, text('suviaz/'), text('a'), text('bc')))).toBe(toHex(whole));
    expect(genericHash(32, text('x'))).toHaveLength(32);
  });

  it('converts hex strictly and zeroes buffers', () => {
    const bytes = randomBytes(20);
    expect(toHex(fromHex(toHex(bytes)))).toBe(toHex(bytes));
    expect(() => fromHex('abz0')).toThrow();
    expect(() => fromHex('abc')).toThrow();
    memzero(bytes);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });
});
