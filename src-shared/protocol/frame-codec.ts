// What every frame shares (docs/protocol.md §2): the [version][type] preamble, lists of
// length-prefixed blobs, and the size caps both directions' decoders apply.
import * as encoding from 'lib0/encoding';
import { LIMITS } from '../limits';
import { PROTOCOL_VERSION } from './wire-constants';
import { ProtocolError, type WireReader } from './wire-reader';

export const MAX_BLOB = LIMITS.relay.maxFrameBytes;
const MAX_LIST = 100_000;
/** An entry's own cap plus room for its signature and framing. */
export const MAX_ENTRY = LIMITS.relay.maxEntryBytes + 1024;
export const MAX_SHARE = LIMITS.relay.maxShareBytes;

export function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeUint8(e, PROTOCOL_VERSION);
    encoding.writeUint8(e, type);
    write(e);
  });
}

export const blobs = (e: encoding.Encoder, list: readonly Uint8Array[]): void => {
  encoding.writeVarUint(e, list.length);
  for (const item of list) encoding.writeVarUint8Array(e, item);
};
export const readBlobs = (r: WireReader, maxItem: number): Uint8Array[] => {
  const count = r.varUint(MAX_LIST);
  const list: Uint8Array[] = [];
  for (let i = 0; i < count; i++) list.push(r.bytes(maxItem));
  return list;
};

export function readPreamble(r: WireReader): number {
  const version = r.u8();
  if (version !== PROTOCOL_VERSION) throw new ProtocolError(`unsupported version ${version}`);
  return r.u8();
}
