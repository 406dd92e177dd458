// The client's check of everything the relay delivers for one document (docs/protocol-client-checks.md).
// Pure: a verified state in, a received frame in, and out comes either the plaintext to apply with the
// next state, or a rejection naming the problem. Nothing is applied on rejection, and the state does
// not move, so a relay that misbehaves once cannot make later honest messages look wrong.
import { toHex } from '../../../src-shared/protocol/bytes';
import {
  decodeEnvelope,
  decodeSnapshotLink,
  type Envelope,
  type EnvelopeHeader,
  type SnapshotLink,
} from '../../../src-shared/protocol/envelope';
import { ciphertextHash, snapshotProof } from './envelope-crypto';
import {
  authenticate,
  failure,
  readContent,
  type BadContent,
  type Failure,
  type VerifyContext,
} from './envelope-checks';
import { checkBasis, checkForward, checkSnapshot, type SnapshotRef } from './snapshot-chain';
import { ackedAt, belowFloor, movedTo } from './verifier-rewind';

export type { RejectionReason, VerifyContext } from './envelope-checks';
export type { SnapshotRef } from './snapshot-chain';

export interface VerifierState {
  groupId: string;
  docId: string;
  /** The snapshot every update must reference; null until the first one is verified. */
  active: SnapshotRef | null;
  /** Per author (hex signing key), the last verified update clock on the active snapshot. */
  clocks: Record<string, number>;
  /** My last update clock on the active snapshot that the relay acknowledged. */
  myAcked: number;
  /** Relay seq of each of my acknowledged updates (by clock): its echo in a catch-up is no replay. */
  myAckedSeqs: Record<string, number>;
  /** Highest relay seq processed: where the next catch-up starts. */
  lastSeq: number;
  /**
   * The ciphertext hash (hex) of the message at lastSeq, where this device saw or sent it: the next
   * catch-up starts one before, so that an honest relay serves that very message again
   * (verifier-rewind.ts). Absent in a state saved before it was kept, and after a rewind.
   */
  lastMark?: string;
  /** Snapshot links verified in this catch-up, from the active snapshot towards the relay's active one. */
  chain: SnapshotRef[];
  /**
   * After the relay lost messages (doc-rewind.ts): the log position this device had verified for
   * the document before. A message naming an earlier one counts only if its author could still
   * write there, so a relay cannot use a rewind to bring back a removed member's old position.
   * Absent until a rewind.
   */
  floor?: number;
  /** After a rewind, until the relay acknowledged a snapshot of this device's copy (doc-rewind.ts). */
  repairOwed?: boolean;
}

export type Verdict =
  | {
      ok: true;
      state: VerifierState;
      /** What was accepted; 'echo' is my own acknowledged update coming back in a catch-up. */
      kind: 'update' | 'snapshot' | 'link' | 'echo';
      /** The Yjs V2 update to apply (null for a link, an echo or bad content). */
      apply: Uint8Array | null;
      header: EnvelopeHeader | null;
      bad?: BadContent;
    }
  | Failure;

export function initialVerifierState(groupId: Uint8Array, docId: Uint8Array): VerifierState {
  return {
    groupId: toHex(groupId),
    docId: toHex(docId),
    active: null,
    clocks: {},
    myAcked: 0,
    myAckedSeqs: {},
    lastSeq: 0,
    chain: [],
  };
}

/** What to apply of an accepted message: nothing of one from below the floor (verifier-rewind.ts). */
function contentOf(
  state: VerifierState,
  ctx: VerifyContext,
  envelope: Envelope,
  key: Uint8Array,
): ReturnType<typeof readContent> {
  const bad = belowFloor(state, ctx, envelope.header);
  return bad ? { bad, apply: null } : readContent(envelope, key);
}

/** A new catch-up pass (every subscribe): links from an earlier pass are not trusted as a tip. */
export function startCatchUp(state: VerifierState): VerifierState {
  return { ...state, chain: [] };
}

const expected = (state: VerifierState) => ({ groupId: state.groupId, docId: state.docId });

/** My own message coming back in a catch-up: nothing to apply, only the seq moves on. */
function echo(
  state: VerifierState,
  header: EnvelopeHeader,
  seq: number,
  ctHash: Uint8Array,
): Verdict {
  return {
    ok: true,
    kind: 'echo',
    apply: null,
    header,
    state: { ...state, ...movedTo(state, seq, ctHash) },
  };
}

/** A snapshot becomes the active one: per-author clocks and my acknowledgements start over. */
function activated(state: VerifierState, snapshot: SnapshotRef): VerifierState {
  return { ...state, active: snapshot, clocks: {}, myAcked: 0, myAckedSeqs: {}, chain: [] };
}

/** The very snapshot that is already active (same id and same proof, so same content and parent). */
function isMyActive(state: VerifierState, header: EnvelopeHeader, ctHash: Uint8Array): boolean {
  if (!state.active || !header.snapshot || toHex(header.snapshotId) !== state.active.id)
    return false;
  const proof = snapshotProof(header.snapshot.parentProof, header.snapshotId, ctHash);
  return toHex(proof) === state.active.proof;
}

function refOf(
  header: EnvelopeHeader,
  parentProof: Uint8Array,
  ctHash: Uint8Array,
  generation: number,
): SnapshotRef {
  return {
    id: toHex(header.snapshotId),
    generation,
    proof: toHex(snapshotProof(parentProof, header.snapshotId, ctHash)),
    epoch: header.epoch,
    logLength: header.log.length,
  };
}

/**
 * SNAPSHOT_LINK: a snapshot between my active one and the relay's, known only by its hash. Given
 * decoded (the router decodes each frame once to route it), or as the bytes received.
 */
export function verifyLink(
  state: VerifierState,
  ctx: VerifyContext,
  received: Uint8Array | SnapshotLink,
): Verdict {
  let link: SnapshotLink;
  try {
    link = received instanceof Uint8Array ? decodeSnapshotLink(received) : received;
  } catch {
    return failure('tampered', 'the snapshot link does not decode');
  }
  const auth = authenticate(expected(state), ctx, link, link.ciphertextHash);
  if (!auth.ok) return auth;
  if (isMyActive(state, link.header, link.ciphertextHash)) {
    // The snapshot I already hold (e.g. my own, acknowledged before my last seq moved past it).
    return { ok: true, kind: 'echo', apply: null, header: link.header, state };
  }
  const checked = checkSnapshot(state, ctx, link.header);
  if (!checked.ok) return checked;
  const ref = refOf(
    link.header,
    checked.fields.parentProof,
    link.ciphertextHash,
    checked.fields.generation,
  );
  // A link does not move lastSeq: if the catch-up stops before the active snapshot arrives, the
  // next one must start before the links again, or their chain would be missing (a false rollback).
  return {
    ok: true,
    kind: 'link',
    apply: null,
    header: link.header,
    state: { ...state, chain: [...state.chain, ref] },
  };
}

function acceptSnapshot(
  state: VerifierState,
  ctx: VerifyContext,
  envelope: Envelope,
  ctHash: Uint8Array,
  key: Uint8Array,
  seq: number,
): Verdict {
  const { header } = envelope;
  if (isMyActive(state, header, ctHash)) return echo(state, header, seq, ctHash);
  const checked = checkSnapshot(state, ctx, header);
  if (!checked.ok) return checked;
  const active = refOf(header, checked.fields.parentProof, ctHash, checked.fields.generation);
  return {
    ok: true,
    kind: 'snapshot',
    header,
    ...contentOf(state, ctx, envelope, key),
    state: { ...activated(state, active), ...movedTo(state, seq, ctHash) },
  };
}

function acceptUpdate(
  state: VerifierState,
  ctx: VerifyContext,
  envelope: Envelope,
  key: Uint8Array,
  seq: number,
  ctHash: Uint8Array,
): Verdict {
  const { header } = envelope;
  const basis = checkBasis(state.active, header);
  if (basis === 'unknown' || !state.active) {
    return failure(
      'unknown-snapshot',
      'the update builds on a snapshot that is not the active one',
    );
  }
  if (basis) return basis;
  const backwards = checkForward(state.active, header, 'update');
  if (backwards) return backwards;
  const author = toHex(header.author);
  const last = state.clocks[author] ?? 0;
  if (header.clock <= last) {
    if (author === toHex(ctx.me) && state.myAckedSeqs[String(header.clock)] === seq) {
      return echo(state, header, seq, ctHash);
    }
    return failure('replayed', `clock ${header.clock} was already seen (last ${last})`);
  }
  if (header.clock > last + 1) {
    return failure('gap', `clock ${header.clock} follows ${last}: an update is missing`);
  }
  return {
    ok: true,
    kind: 'update',
    header,
    ...contentOf(state, ctx, envelope, key),
    state: {
      ...state,
      clocks: { ...state.clocks, [author]: header.clock },
      myAcked: author === toHex(ctx.me) ? header.clock : state.myAcked,
      ...movedTo(state, seq, ctHash),
    },
  };
}

/**
 * DELIVER: a stored update or snapshot, decoded (by the router) or as the bytes received.
 * `authorSigned`: the signature by its header's author was already found valid (the verify worker
 * ran libsodium's same check on these very bytes); every other check is made here as always.
 */
export function verifyDeliver(
  state: VerifierState,
  ctx: VerifyContext,
  seq: number,
  received: Uint8Array | Envelope,
  authorSigned = false,
): Verdict {
  let envelope: Envelope;
  try {
    envelope = received instanceof Uint8Array ? decodeEnvelope(received) : received;
  } catch {
    return failure('tampered', 'the envelope does not decode');
  }
  const { header } = envelope;
  if (header.kind === 'ephemeral') return failure('tampered', 'an ephemeral message was stored');
  const ctHash = ciphertextHash(envelope.ciphertext);
  const auth = authenticate(expected(state), ctx, envelope, ctHash, authorSigned);
  if (!auth.ok) return auth;
  const key = ctx.documentKey(header.epoch);
  if (!key) return failure('forged', `no key for epoch ${header.epoch}`);
  return header.kind === 'snapshot'
    ? acceptSnapshot(state, ctx, envelope, ctHash, key, seq)
    : acceptUpdate(state, ctx, envelope, key, seq, ctHash);
}

/** The relay acknowledged my update (clock on the active snapshot) with this seq. */
export function recordMyUpdateAck(
  state: VerifierState,
  me: Uint8Array,
  clock: number,
  seq: number,
  ctHash: Uint8Array,
): VerifierState {
  return {
    ...state,
    clocks: { ...state.clocks, [toHex(me)]: clock },
    myAcked: clock,
    myAckedSeqs: { ...state.myAckedSeqs, [String(clock)]: seq },
    // Seqs are dense per document; only when nothing else is outstanding may the ack move lastSeq.
    ...ackedAt(state, seq, ctHash),
  };
}

/** The relay acknowledged my snapshot: it becomes the active one. */
export function recordMySnapshotAck(
  state: VerifierState,
  snapshot: SnapshotRef,
  seq: number,
  ctHash: Uint8Array,
): VerifierState {
  // The relay took it only with parent clocks equal to everything it holds on the parent, all of
  // which I had verified: nothing before its seq is outstanding, even if my last seq lagged (an ACK
  // overtaking a held frame). Left behind, the next catch-up would meet it as an older snapshot.
  return { ...activated(state, snapshot), ...movedTo(state, seq, ctHash) };
}

/** My next update clock on the active snapshot. */
export function nextClock(state: VerifierState, me: Uint8Array): number {
  return Math.max(state.clocks[toHex(me)] ?? 0, state.myAcked) + 1;
}

/** Number of verified updates on the active snapshot: when to compact. */
export function updatesOnActive(state: VerifierState): number {
  return Object.values(state.clocks).reduce((sum, clock) => sum + clock, 0);
}
