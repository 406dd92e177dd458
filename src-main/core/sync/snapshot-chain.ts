// The document's chain of snapshots as the client verified it: every snapshot must extend the tip
// (parent id, proof, generation + 1), may not go back in epoch or membership log, and must include
// every update I verified on its parent. Pure; used by the verifier for links and full snapshots.
import { toHex } from '../../../src-shared/protocol/bytes';
import {
  ZERO_HASH,
  ZERO_ID,
  type EnvelopeHeader,
  type SnapshotFields,
} from '../../../src-shared/protocol/envelope';
import { failure, type Failure, type VerifyContext } from './envelope-checks';

export interface SnapshotRef {
  /** Hex ids and proofs, so the state persists as JSON. */
  id: string;
  generation: number;
  proof: string;
  /** The epoch whose key encrypted it: a newer group epoch means a fresh snapshot is due. */
  epoch: number;
  /** The membership log length its author named: nothing built on it may name a shorter one. */
  logLength: number;
}

/** What the chain starts from before any snapshot: zero id, zero proof, generation 0. */
export const GENESIS: SnapshotRef = {
  id: toHex(ZERO_ID),
  generation: 0,
  proof: toHex(ZERO_HASH),
  epoch: 0,
  logLength: 0,
};

export interface ChainState {
  active: SnapshotRef | null;
  clocks: Record<string, number>;
  myAcked: number;
  chain: SnapshotRef[];
}

/** The snapshot my chain currently ends at: the last verified link, or the active one (or genesis). */
export function chainTip(state: ChainState): SnapshotRef {
  return state.chain[state.chain.length - 1] ?? state.active ?? GENESIS;
}

/** Epochs and log positions only move forward along the chain (a departed device cannot go back). */
export function checkForward(
  base: SnapshotRef,
  header: EnvelopeHeader,
  what: 'update' | 'snapshot',
): Failure | null {
  if (header.epoch < base.epoch) {
    return failure(
      'forged',
      `a ${what} in epoch ${header.epoch} on a snapshot of epoch ${base.epoch}`,
    );
  }
  if (header.log.length < base.logLength) {
    return failure(
      'forged',
      `a ${what} naming log entry ${header.log.length} on a snapshot that names ${base.logLength}`,
    );
  }
  return null;
}

/** A snapshot's parentClocks against what I verified on that parent (when it is my active one). */
function checkCovers(
  state: ChainState,
  ctx: VerifyContext,
  fields: SnapshotFields,
): Failure | null {
  const claimed = new Map(fields.parentClocks.map((c) => [toHex(c.author), c.clock]));
  const mine = toHex(ctx.me);
  if (state.myAcked > 0 && (claimed.get(mine) ?? 0) < state.myAcked) {
    return failure(
      'omits-my-updates',
      `the snapshot covers my updates up to ${claimed.get(mine) ?? 0}, the relay confirmed ${state.myAcked}`,
    );
  }
  // The relay accepts a snapshot only if it covers every update it stored; an update I verified
  // that the snapshot's author never saw means the relay showed us different histories.
  for (const [author, clock] of Object.entries(state.clocks)) {
    if (author !== mine && (claimed.get(author) ?? 0) < clock) {
      return failure(
        'forked-document',
        `the snapshot's author saw updates of a member up to ${claimed.get(author) ?? 0}, I saw ${clock}`,
      );
    }
  }
  return null;
}

/** A snapshot (link or full) must extend the tip: parent id, parent proof, generation + 1. */
export function checkSnapshot(
  state: ChainState,
  ctx: VerifyContext,
  header: EnvelopeHeader,
): { ok: true; fields: SnapshotFields } | Failure {
  const fields = header.snapshot;
  if (!fields) return failure('tampered', 'snapshot without its fields');
  const active = state.active ?? GENESIS;
  if (fields.generation <= active.generation) {
    return failure(
      'rolled-back',
      `snapshot generation ${fields.generation} is not above ${active.generation}`,
    );
  }
  const tip = chainTip(state);
  if (
    fields.generation !== tip.generation + 1 ||
    toHex(fields.parentId) !== tip.id ||
    toHex(fields.parentProof) !== tip.proof
  ) {
    return failure('rolled-back', 'the snapshot does not extend the chain of snapshots I verified');
  }
  const backwards = checkForward(tip, header, 'snapshot');
  if (backwards) return backwards;
  // Only the snapshot built on my active one can be checked against what I verified on it.
  if (tip === active) {
    const uncovered = checkCovers(state, ctx, fields);
    if (uncovered) return { ...uncovered, author: header.author };
  }
  return { ok: true, fields };
}

/** An update (or presence) names the snapshot it builds on; one I know by id must match my proof. */
export function checkBasis(
  active: SnapshotRef | null,
  header: EnvelopeHeader,
): Failure | 'unknown' | null {
  const basis = header.basis;
  if (!basis) return failure('tampered', 'an update without its basis');
  if (!active) return 'unknown';
  const sameId = toHex(header.snapshotId) === active.id;
  const sameProof = basis.generation === active.generation && toHex(basis.proof) === active.proof;
  if (sameId && sameProof) return null;
  // Generations are unique along one chain: the same one with another snapshot is another chain.
  if (sameId || basis.generation === active.generation) {
    return {
      ...failure(
        'forked-document',
        `the author builds on snapshot generation ${basis.generation} that differs from mine`,
      ),
      author: header.author,
    };
  }
  return 'unknown';
}
