// Sealing and opening document envelopes (docs/protocol.md §3): XChaCha20-Poly1305 with the header
// bytes as associated data, then an Ed25519 signature over domain, header, nonce and ciphertext hash.
// Pure functions over the crypto facade; the signing key is lent through `sign`.
import {
  ciphertextHashInput,
  encodeEnvelope,
  encodeHeader,
  envelopeSigningBytes,
  snapshotProofInput,
  type Envelope,
  type EnvelopeHeader,
} from '../../../src-shared/protocol/envelope';
import { aeadDecrypt, aeadEncrypt, sha256, verify } from '../crypto/sodium';

export type Sign = (message: Uint8Array) => Uint8Array;

export function ciphertextHash(ciphertext: Uint8Array): Uint8Array {
  return sha256(ciphertextHashInput(ciphertext));
}

/** A snapshot's proof: the hash chain that ties it to its parent (parentProof) and its content. */
export function snapshotProof(
  parentProof: Uint8Array,
  snapshotId: Uint8Array,
  ctHash: Uint8Array,
): Uint8Array {
  return sha256(snapshotProofInput(parentProof, snapshotId, ctHash));
}

export interface SealedEnvelope {
  envelope: Envelope;
  /** encodeEnvelope(envelope): what goes into PUBLISH / EPHEMERAL. */
  bytes: Uint8Array;
  ciphertextHash: Uint8Array;
}

export function sealEnvelope(
  header: EnvelopeHeader,
  plaintext: Uint8Array,
  key: Uint8Array,
  sign: Sign,
): SealedEnvelope {
  const headerBytes = encodeHeader(header);
  const { nonce, ciphertext } = aeadEncrypt(key, plaintext, headerBytes);
  const ctHash = ciphertextHash(ciphertext);
  const signature = sign(envelopeSigningBytes(headerBytes, nonce, ctHash));
  const envelope: Envelope = { header, headerBytes, nonce, ciphertext, signature };
  return {
    envelope,
    bytes: encodeEnvelope({ headerBytes, nonce, ciphertext, signature }),
    ciphertextHash: ctHash,
  };
}

/** True when `publicKey` signed exactly this header, nonce and ciphertext hash. */
export function signatureValid(
  parts: { headerBytes: Uint8Array; nonce: Uint8Array; signature: Uint8Array },
  ctHash: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  return verify(
    publicKey,
    envelopeSigningBytes(parts.headerBytes, parts.nonce, ctHash),
    parts.signature,
  );
}

/** The plaintext, or null when the key, header or ciphertext do not match. */
export function decryptEnvelope(envelope: Envelope, key: Uint8Array): Uint8Array | null {
  try {
    return aeadDecrypt(key, envelope.nonce, envelope.ciphertext, envelope.headerBytes);
  } catch {
    return null;
  }
}
