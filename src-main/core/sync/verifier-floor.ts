// After the relay lost messages (doc-rewind.ts) a document's verified state starts over, with a
// floor: the log position this device had verified it at, below which a message counts only if its
// author could still write at the floor, so a rewind cannot bring back a removed member's position.
import { toHex } from '../../../src-shared/protocol/bytes';
import type { EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import { canWriteAt } from '../../../src-shared/protocol/log-index';
import { failure, type Failure, type VerifyContext } from './envelope-checks';
import type { VerifierState } from './document-verifier';

/**
 * The verified state starts over after the relay lost messages, keeping as its floor the furthest
 * log position this device had verified the document at (its active snapshot's, or an earlier
 * floor): the relay's history is checked again from the start, but not from before that position.
 */
export function restartAfterRewind(state: VerifierState): VerifierState {
  const floor = Math.max(state.floor ?? 0, state.active?.logLength ?? 0);
  const fresh: VerifierState = {
    groupId: state.groupId,
    docId: state.docId,
    active: null,
    clocks: {},
    myAcked: 0,
    myAckedSeqs: {},
    lastSeq: 0,
    chain: [],
  };
  return floor > 0 ? { ...fresh, floor } : fresh;
}

/** Below the floor, only an author who could still write at the floor (see VerifierState.floor). */
export function checkFloor(
  state: VerifierState,
  ctx: VerifyContext,
  header: EnvelopeHeader,
): Failure | null {
  const floor = state.floor;
  if (floor === undefined || header.log.length >= floor) return null;
  if (canWriteAt(ctx.log, toHex(header.author), floor)) return null;
  return {
    ...failure(
      'forged',
      `written at log entry ${header.log.length} by an author who could no longer write at ${floor}`,
    ),
    author: header.author,
  };
}
