// Reads just the requestId of a client frame that the relay will not decode in full (too large,
// rate-limited, malformed), so the ERROR can still name the request it answers.
import { ClientFrameType } from '../src-shared/protocol/wire-constants';
import { wireReader } from '../src-shared/protocol/wire-reader';

const WITH_REQUEST_ID = new Set<number>([
  ClientFrameType.subscribe,
  ClientFrameType.publish,
  ClientFrameType.groupAppend,
  ClientFrameType.groupFetch,
  ClientFrameType.lockboxPut,
  ClientFrameType.listGroups,
  ClientFrameType.invitePut,
  ClientFrameType.inviteFetch,
  ClientFrameType.sharePut,
  ClientFrameType.shareFetch,
  ClientFrameType.shareDelete,
]);

export function peekRequestId(bytes: Uint8Array): number {
  try {
    const reader = wireReader(bytes);
    reader.u8();
    return WITH_REQUEST_ID.has(reader.u8()) ? reader.varUint() : 0;
  } catch {
    // Too short to carry one: the ERROR answers request 0.
    return 0;
  }
}
