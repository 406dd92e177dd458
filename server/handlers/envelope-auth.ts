// Checks shared by PUBLISH and EPHEMERAL before any state is read: the envelope decodes, names the
// authenticated device as its author, and carries that device's valid signature.
import { bytesEqual } from '../../src-shared/protocol/bytes';
import {
  ciphertextHashInput,
  decodeEnvelope,
  envelopeSigningBytes,
  type Envelope,
} from '../../src-shared/protocol/envelope';
import { ProtocolError } from '../../src-shared/protocol/wire-reader';
import type { EnvelopeKindName } from '../../src-shared/protocol/wire-constants';
import { sha256, verifyEd25519 } from '../crypto';
import { refuse } from '../refusal';

export interface CheckedEnvelope {
  envelope: Envelope;
  /** SHA-256 of the ciphertext (domain-separated): what the signature and snapshot proofs cover. */
  ciphertextHash: Uint8Array;
}

export function decodeOrRefuse<T>(decode: () => T, what: string): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ProtocolError) refuse('malformed', `${what}: ${error.message}`);
    throw error;
  }
}

export function checkEnvelope(
  bytes: Uint8Array,
  device: Uint8Array,
  kinds: readonly EnvelopeKindName[],
): CheckedEnvelope {
  const envelope = decodeOrRefuse(() => decodeEnvelope(bytes), 'envelope');
  if (!kinds.includes(envelope.header.kind)) {
    refuse('malformed', `a ${envelope.header.kind} envelope does not belong in this frame`);
  }
  if (!bytesEqual(envelope.header.author, device)) {
    refuse('notAuthor', 'the envelope names another device as its author');
  }
  const ciphertextHash = sha256(ciphertextHashInput(envelope.ciphertext));
  const signed = envelopeSigningBytes(envelope.headerBytes, envelope.nonce, ciphertextHash);
  if (!verifyEd25519(device, signed, envelope.signature)) {
    refuse('badSignature', 'the envelope signature does not verify');
  }
  return { envelope, ciphertextHash };
}
