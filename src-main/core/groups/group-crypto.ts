// The group's key schedule: the epoch-key commitment published in the membership log, and the keys
// derived from an epoch key (group metadata, per-document keys). Every input is length-prefixed or
// fixed-size and starts with its own domain string, so no derived key can stand in for another.
import * as encoding from 'lib0/encoding';
import type { ProtocolCrypto } from '../../../src-shared/protocol/membership-state';
import { Domain } from '../../../src-shared/protocol/wire-constants';
import { aeadOpen, aeadSeal, keyedHash, sha256, verify } from '../crypto/sodium';

export const EPOCH_KEY_BYTES = 32;

/** The client's primitives for the shared membership rules (the relay passes node:crypto's). */
export const protocolCrypto: ProtocolCrypto = { sha256, verify };

/** SHA-256(domain, group id, epoch, key): in the log, so a lockbox's key can be checked against it. */
export function epochKeyCommitment(
  groupId: Uint8Array,
  epoch: number,
  key: Uint8Array,
): Uint8Array {
  return sha256(
    encoding.encode((e) => {
      encoding.writeVarString(e, Domain.epochKeyCommitment);
      encoding.writeUint8Array(e, groupId);
      encoding.writeVarUint(e, epoch);
      encoding.writeUint8Array(e, key);
    }),
  );
}

/** keyed BLAKE2b(epochKey; domain, group id, doc id, epoch): one key per document and epoch. */
export function documentKey(
  epochKey: Uint8Array,
  groupId: Uint8Array,
  docId: Uint8Array,
  epoch: number,
): Uint8Array {
  const input = encoding.encode((e) => {
    encoding.writeVarString(e, Domain.documentKey);
    encoding.writeUint8Array(e, groupId);
    encoding.writeUint8Array(e, docId);
    encoding.writeVarUint(e, epoch);
  });
  return keyedHash(epochKey, 32, input);
}

function metadataKey(epochKey: Uint8Array, groupId: Uint8Array): Uint8Array {
  const input = encoding.encode((e) => {
    encoding.writeVarString(e, Domain.metadataKey);
    encoding.writeUint8Array(e, groupId);
  });
  return keyedHash(epochKey, 32, input);
}

export interface GroupMetadata {
  name: string;
  /** Hex id of the space's one text document. */
  docId: string;
  /**
   * Set for an organisation of a coalition: the coalition's group id (hex). An organisation is a
   * group of its own (own log, own keys) whose members are members of the coalition (docs/groups.md).
   */
  parent?: string;
}

/** nonce ‖ XChaCha20-Poly1305(JSON), bound to the group id: the relay sees neither name nor doc. */
export function encryptMetadata(
  epochKey: Uint8Array,
  groupId: Uint8Array,
  metadata: GroupMetadata,
): Uint8Array {
  const plaintext = new TextEncoder().encode(JSON.stringify(metadata));
  return aeadSeal(metadataKey(epochKey, groupId), plaintext, groupId);
}

/** Throws when the metadata does not decrypt or is not the expected shape. */
export function decryptMetadata(
  epochKey: Uint8Array,
  groupId: Uint8Array,
  sealed: Uint8Array,
): GroupMetadata {
  const plaintext = aeadOpen(metadataKey(epochKey, groupId), sealed, groupId);
  const parsed: unknown = JSON.parse(new TextDecoder().decode(plaintext));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as GroupMetadata).name !== 'string' ||
    typeof (parsed as GroupMetadata).docId !== 'string' ||
    !/^[0-9a-f]{32}$/.test((parsed as GroupMetadata).docId)
  ) {
    throw new Error('group metadata has the wrong shape');
  }
  const { name, docId, parent } = parsed as GroupMetadata;
  if (parent === undefined) return { name, docId };
  if (typeof parent !== 'string' || !/^[0-9a-f]{32}$/.test(parent)) {
    throw new Error('group metadata names no valid parent');
  }
  return { name, docId, parent };
}
