// A lockbox: one epoch key sealed (crypto_box_seal) to one member device, signed by the admin who
// made it. The seal hides the key from the relay; the signature and the epoch-key commitment in the
// membership log stop the relay from slipping in a key of its own.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import { Domain, ID_BYTES, KEY_BYTES, SIGNATURE_BYTES } from './wire-constants';
import { decodeStrict, ProtocolError } from './wire-reader';

export interface LockboxBody {
  groupId: Uint8Array;
  epoch: number;
  recipient: Uint8Array;
  sealed: Uint8Array;
  author: Uint8Array;
}

export interface Lockbox extends LockboxBody {
  signature: Uint8Array;
}

const MAX_SEALED_BYTES = 256;

export function lockboxSigningBytes(body: LockboxBody): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.lockbox);
    encoding.writeUint8Array(e, body.groupId);
    encoding.writeVarUint(e, body.epoch);
    encoding.writeUint8Array(e, body.recipient);
    encoding.writeVarUint8Array(e, body.sealed);
    encoding.writeUint8Array(e, body.author);
  });
}

export function encodeLockbox(box: Lockbox): Uint8Array {
  if (
    box.groupId.length !== ID_BYTES ||
    box.recipient.length !== KEY_BYTES ||
    box.author.length !== KEY_BYTES ||
    box.signature.length !== SIGNATURE_BYTES
  ) {
    throw new ProtocolError('lockbox field of the wrong size');
  }
  return encoding.encode((e) => {
    encoding.writeUint8Array(e, box.groupId);
    encoding.writeVarUint(e, box.epoch);
    encoding.writeUint8Array(e, box.recipient);
    encoding.writeVarUint8Array(e, box.sealed);
    encoding.writeUint8Array(e, box.author);
    encoding.writeUint8Array(e, box.signature);
  });
}

export function decodeLockbox(bytes: Uint8Array): Lockbox {
  return decodeStrict(bytes, (r) => ({
    groupId: r.fixed(ID_BYTES),
    epoch: r.varUint(LIMITS.relay.maxEpoch),
    recipient: r.fixed(KEY_BYTES),
    sealed: r.bytes(MAX_SEALED_BYTES),
    author: r.fixed(KEY_BYTES),
    signature: r.fixed(SIGNATURE_BYTES),
  }));
}
