// Reads just the requestId of a client frame that the relay will not decode in full (too large,
// rate-limited, malformed), so the ERROR can still name the request it answers.
import { ClientFrameType } from '../src-shared/protocol/wire-constants';
import { wireReader } from '../src-shared/protocol/wire-reader';

/** The client frames that carry no requestId; every other one has it right after its type. */
const WITHOUT_REQUEST_ID = new Set<number>([
  ClientFrameType.auth,
  ClientFrameType.unsubscribe,
  ClientFrameType.ephemeral,
  ClientFrameType.hello,
]);
const WITH_REQUEST_ID = new Set<number>(
  Object.values(ClientFrameType).filter((type) => !WITHOUT_REQUEST_ID.has(type)),
);

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
