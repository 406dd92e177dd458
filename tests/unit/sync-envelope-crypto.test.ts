// Envelope seal/open: a round trip, and every single change to what was sealed is caught.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  encodeHeader,
  type EnvelopeHeader,
} from '../../src-shared/protocol/envelope';
import {
  generateSigningKeyPair,
  randomBytes,
  sign,
  sodiumReady,
  type KeyPair,
} from '../../src-main/core/crypto/sodium';
import {
  ciphertextHash,
  decryptEnvelope,
  sealEnvelope,
  signatureValid,
} from '../../src-main/core/sync/envelope-crypto';
import { updateHeader } from '../support/envelope-headers';

let author: KeyPair;
let other: KeyPair;
const key = new Uint8Array(32).fill(7);
beforeAll(async () => {
  await sodiumReady();
  author = generateSigningKeyPair();
  other = generateSigningKeyPair();
});

function header(): EnvelopeHeader {
  return updateHeader({
    groupId: new Uint8Array(16).fill(1),
    docId: new Uint8Array(16).fill(2),
    author: author.publicKey,
    clock: 5,
  });
}

const plaintext = new TextEncoder().encode('yjs update bytes');

function opens(bytes: Uint8Array, withKey = key): boolean {
  try {
    const envelope = decodeEnvelope(bytes);
    const ok = signatureValid(
      envelope,
      ciphertextHash(envelope.ciphertext),
      envelope.header.author,
    );
    return ok && decryptEnvelope(envelope, withKey) !== null;
  } catch {
    return false;
  }
}

describe('envelope crypto', () => {
  it('round-trips: the decoded envelope verifies and decrypts to the plaintext', () => {
    const sealed = sealEnvelope(header(), plaintext, key, (m) => sign(author.secretKey, m));
    const envelope = decodeEnvelope(sealed.bytes);
    expect(envelope.header.clock).toBe(5);
    expect(signatureValid(envelope, ciphertextHash(envelope.ciphertext), author.publicKey)).toBe(
      true,
    );
    expect(decryptEnvelope(envelope, key)).toEqual(plaintext);
    expect(Buffer.from(sealed.bytes).includes(Buffer.from('yjs update'))).toBe(false);
  });

  it('every flipped bit anywhere in the envelope is caught', () => {
    const sealed = sealEnvelope(header(), plaintext, key, (m) => sign(author.secretKey, m));
    for (let i = 0; i < sealed.bytes.length; i++) {
      const copy = sealed.bytes.slice();
      copy[i] = (copy[i] ?? 0) ^ 0x04;
      expect(opens(copy), `byte ${i}`).toBe(false);
    }
  });

  it('the wrong key, another signer, or a header swapped from another envelope is caught', () => {
    const sealed = sealEnvelope(header(), plaintext, key, (m) => sign(author.secretKey, m));
    expect(opens(sealed.bytes, new Uint8Array(32).fill(8))).toBe(false);
    const bySomeoneElse = sealEnvelope(header(), plaintext, key, (m) => sign(other.secretKey, m));
    expect(opens(bySomeoneElse.bytes)).toBe(false);
    const envelope = decodeEnvelope(sealed.bytes);
    const otherHeader = encodeHeader({ ...header(), clock: 6 });
    expect(decryptEnvelope({ ...envelope, headerBytes: otherHeader }, key)).toBeNull();
    expect(
      signatureValid(
        { ...envelope, headerBytes: otherHeader },
        ciphertextHash(envelope.ciphertext),
        author.publicKey,
      ),
    ).toBe(false);
    expect(
      signatureValid(
        envelope,
        ciphertextHash(randomBytes(envelope.ciphertext.length)),
        author.publicKey,
      ),
    ).toBe(false);
  });
});
