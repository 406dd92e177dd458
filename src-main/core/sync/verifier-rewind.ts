// What the verifier keeps to notice a relay that lost messages (doc-rewind.ts), and how its state
// starts over then: the mark of the message at the last seq (the relay serves it again first in each
// catch-up, and another message there means another history), and the floor (a log position below
// which a message counts only if its author could still write at the floor, so a rewind cannot bring
// back a removed member's content).
import { toHex } from '../../../src-shared/protocol/bytes';
import type { EnvelopeHeader } from '../../../src-shared/protocol/envelope';
import { canWriteAt } from '../../../src-shared/protocol/log-index';
import type { BadContent, VerifyContext } from './envelope-checks';
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
  return floor > 0 ? { ...fresh, floor, repairOwed: true } : { ...fresh, repairOwed: true };
}

/**
 * A message naming a position below the floor by an author who can no longer write at the floor is
 * taken for ordering only (clocks and the snapshot chain move on, as for honest history written
 * before a member left) and its content is not applied: this device had verified the document past
 * that position and holds what honest history there brought, and a relay that rewinds must not
 * bring a removed member's old position back for new content. Links carry no content: not checked.
 */
export function belowFloor(
  state: VerifierState,
  ctx: VerifyContext,
  header: EnvelopeHeader,
): BadContent | null {
  const floor = state.floor;
  if (floor === undefined || header.log.length >= floor) return null;
  if (canWriteAt(ctx.log, toHex(header.author), floor)) return null;
  return {
    reason: 'old-position',
    author: header.author,
    detail: `written at log entry ${header.log.length}; the author could no longer write at ${floor}`,
  };
}

type Position = Pick<VerifierState, 'lastSeq' | 'lastMark'>;

/** The last seq moves to a message seen at `seq` (if later), with that message's mark. */
export function movedTo(state: VerifierState, seq: number, mark: Uint8Array): Position {
  if (seq <= state.lastSeq) return { lastSeq: state.lastSeq, lastMark: state.lastMark };
  return { lastSeq: seq, lastMark: toHex(mark) };
}

/** My message was stored at `seq`: the last seq moves only if nothing before it is outstanding. */
export function ackedAt(state: VerifierState, seq: number, mark: Uint8Array): Position {
  if (seq !== state.lastSeq + 1) return { lastSeq: state.lastSeq, lastMark: state.lastMark };
  return { lastSeq: seq, lastMark: toHex(mark) };
}

/** Where a catch-up starts: one before the last seq, so that its message comes again to compare. */
export function catchUpAfter(state: VerifierState): number {
  return state.lastMark !== undefined && state.lastSeq > 0 ? state.lastSeq - 1 : state.lastSeq;
}

/** The relay serves another message at the seq whose message this device saw: a rewritten history. */
export function otherAtLastSeq(state: VerifierState, seq: number, mark: () => Uint8Array): boolean {
  return seq === state.lastSeq && state.lastMark !== undefined && toHex(mark()) !== state.lastMark;
}
