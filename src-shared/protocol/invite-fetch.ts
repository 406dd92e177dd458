// What a device signs with an invite key to fetch the invite (INVITE_FETCH, docs/protocol.md): it
// proves the requester holds the link's seed, and naming the device stops the signature's replay by another.
import * as encoding from 'lib0/encoding';
import { Domain } from './wire-constants';

export function inviteFetchSigningBytes(
  groupId: Uint8Array,
  inviteKey: Uint8Array,
  device: Uint8Array,
): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarString(e, Domain.inviteFetch);
    encoding.writeUint8Array(e, groupId);
    encoding.writeUint8Array(e, inviteKey);
    encoding.writeUint8Array(e, device);
  });
}
