// The client's check of everything the relay delivers for one document (docs/protocol-client-checks.md).
// Pure: a verified state in, a received frame in, and out comes either the plaintext to apply with the
// next state, or a rejection naming the problem. Nothing is applied on rejection, and the state does
// not move, so a relay that misbehaves once cannot make later honest messages look wrong.
import { bytesEqual, fromHex, toHex } from '../../../src-shared/protocol/bytes';
import {
  decodeEnvelope,
  decodeSnapshotLink,
  ZERO_HASH,
  ZERO_ID,
  type Envelope,
  type EnvelopeHeader,
  type SnapshotFields,
} from '../../../src-shared/protocol/envelope';
import { canWrite, type GroupState } from '../../../src-shared/protocol/membership-state';
import { ciphertextHash, decryptEnvelope, signatureValid, snapshotProof } from './envelope-crypto';

export type RejectionReason =
  | 'tampered'
  | 'forged'
  | 'spliced'
  | 'replayed'
  | 'gap'
  | 'unknown-snapshot'
  | 'rolled-back'
  | 'omits-my-updates';

export interface SnapshotRef {
  /** Hex ids and proofs, so the state persists as JSON. */
  id: string;
  generation: number;
  proof: string;
  /** The epoch whose key encrypted it: a newer group epoch means a fresh snapshot is due. */
  epoch?: number;
}

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
  /** Snapshot links verified in this catch-up, from the active snapshot towards the relay's active one. */
  chain: SnapshotRef[];
}

export interface VerifyContext {
  me: Uint8Array;
  /** The membership log as I verified it: who may write. */
  group: GroupState;
  /** The document key of an epoch, or null if I do not hold it. */
  documentKey(epoch: number): Uint8Array | null;
}

export type Verdict =
  | {
      ok: true;
      state: VerifierState;
      /** What was accepted; 'echo' is my own acknowledged update coming back in a catch-up. */
      kind: 'update' | 'snapshot' | 'link' | 'echo';
      /** The Yjs V2 update to apply (null for a link or an echo). */
      apply: Uint8Array | null;
      header: EnvelopeHeader | null;
    }
  | { ok: false; reason: RejectionReason; detail: string };

const GENESIS: SnapshotRef = { id: toHex(ZERO_ID), generation: 0, proof: toHex(ZERO_HASH) };

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

/** A new catch-up pass (every subscribe): links from an earlier pass are not trusted as a tip. */
export function startCatchUp(state: VerifierState): VerifierState {
  return { ...state, chain: [] };
}

const reject = (reason: RejectionReason, detail: string): Verdict => ({
  ok: false,
  reason,
  detail,
});

type Authentic = { ok: true } | { ok: false; reason: RejectionReason; detail: string };

/** Checks 1–4 of the protocol: same document, a writer, signed by that writer. */
function authenticate(
  state: VerifierState,
  ctx: VerifyContext,
  parts: {
    header: EnvelopeHeader;
    headerBytes: Uint8Array;
    nonce: Uint8Array;
    signature: Uint8Array;
  },
  ctHash: Uint8Array,
): Authentic {
  const { header } = parts;
  if (toHex(header.groupId) !== state.groupId || toHex(header.docId) !== state.docId) {
    return { ok: false, reason: 'spliced', detail: 'the message belongs to another document' };
  }
  if (signatureValid(parts, ctHash, header.author)) {
    // A valid signature from someone who may not write is still a forgery.
    if (!wroteWithRight(ctx.group, header.author, header.epoch)) {
      return { ok: false, reason: 'forged', detail: 'the author may not write in this group' };
    }
    return { ok: true };
  }
  if (!wroteWithRight(ctx.group, header.author, header.epoch)) {
    return { ok: false, reason: 'forged', detail: 'the author is not a writer of this group' };
  }
  for (const member of ctx.group.members.values()) {
    if (!bytesEqual(member.key, header.author) && signatureValid(parts, ctHash, member.key)) {
      return { ok: false, reason: 'forged', detail: "signed by another member's key" };
    }
  }
  return { ok: false, reason: 'tampered', detail: 'the signature does not match the message' };
}

/**
 * A writer now, or a writer who departed after this epoch: their earlier messages stay valid
 * history (a client catching up after a removal still needs them), later ones do not.
 */
function wroteWithRight(group: GroupState, author: Uint8Array, epoch: number): boolean {
  if (canWrite(group, author)) return true;
  const departed = group.departed.get(toHex(author));
  return departed !== undefined && epoch < departed.epochFrom;
}

/** My own message coming back in a catch-up: nothing to apply, only the seq moves on. */
function echo(state: VerifierState, header: EnvelopeHeader, seq: number): Verdict {
  return {
    ok: true,
    kind: 'echo',
    apply: null,
    header,
    state: { ...state, lastSeq: Math.max(state.lastSeq, seq) },
  };
}

/** A snapshot becomes the active one: per-author clocks and my acknowledgements start over. */
function activated(state: VerifierState, snapshot: SnapshotRef): VerifierState {
  return { ...state, active: snapshot, clocks: {}, myAcked: 0, myAckedSeqs: {}, chain: [] };
}

/** The snapshot my chain currently ends at: the last verified link, or the active one (or genesis). */
function chainTip(state: VerifierState): SnapshotRef {
  return state.chain[state.chain.length - 1] ?? state.active ?? GENESIS;
}

/** A snapshot (link or full) must extend the tip: parent id, parent proof, generation + 1. */
function checkSnapshotLink(
  state: VerifierState,
  ctx: VerifyContext,
  header: EnvelopeHeader,
): { ok: true; fields: SnapshotFields } | { ok: false; reason: RejectionReason; detail: string } {
  const fields = header.snapshot;
  if (!fields) return { ok: false, reason: 'tampered', detail: 'snapshot without its fields' };
  const active = state.active ?? GENESIS;
  if (fields.generation <= active.generation) {
    return {
      ok: false,
      reason: 'rolled-back',
      detail: `snapshot generation ${fields.generation} is not above ${active.generation}`,
    };
  }
  const tip = chainTip(state);
  if (
    fields.generation !== tip.generation + 1 ||
    toHex(fields.parentId) !== tip.id ||
    toHex(fields.parentProof) !== tip.proof
  ) {
    return {
      ok: false,
      reason: 'rolled-back',
      detail: 'the snapshot does not extend the chain of snapshots I verified',
    };
  }
  // Only the snapshot built on my active one can be checked against what the relay acknowledged to me.
  if (tip === active && state.myAcked > 0) {
    const mine = toHex(ctx.me);
    const covered = fields.parentClocks.find((c) => toHex(c.author) === mine)?.clock ?? 0;
    if (covered < state.myAcked) {
      return {
        ok: false,
        reason: 'omits-my-updates',
        detail: `the snapshot covers my updates up to ${covered}, the relay confirmed ${state.myAcked}`,
      };
    }
  }
  return { ok: true, fields };
}

/** The very snapshot that is already active (same id and same proof, so same content and parent). */
function isMyActive(state: VerifierState, header: EnvelopeHeader, ctHash: Uint8Array): boolean {
  if (!state.active || !header.snapshot || toHex(header.snapshotId) !== state.active.id)
    return false;
  const proof = snapshotProof(header.snapshot.parentProof, header.snapshotId, ctHash);
  return toHex(proof) === state.active.proof;
}

/** SNAPSHOT_LINK: a snapshot between my active one and the relay's, known only by its hash. */
export function verifyLink(
  state: VerifierState,
  ctx: VerifyContext,
  seq: number,
  linkBytes: Uint8Array,
): Verdict {
  let link;
  try {
    link = decodeSnapshotLink(linkBytes);
  } catch {
    return reject('tampered', 'the snapshot link does not decode');
  }
  const auth = authenticate(state, ctx, link, link.ciphertextHash);
  if (!auth.ok) return auth;
  if (isMyActive(state, link.header, link.ciphertextHash)) {
    // The snapshot I already hold (e.g. my own, acknowledged before my last seq moved past it).
    return { ok: true, kind: 'echo', apply: null, header: link.header, state };
  }
  const checked = checkSnapshotLink(state, ctx, link.header);
  if (!checked.ok) return checked;
  const ref: SnapshotRef = {
    id: toHex(link.header.snapshotId),
    generation: checked.fields.generation,
    proof: toHex(
      snapshotProof(checked.fields.parentProof, link.header.snapshotId, link.ciphertextHash),
    ),
  };
  return {
    ok: true,
    kind: 'link',
    apply: null,
    header: link.header,
    state: { ...state, chain: [...state.chain, ref], lastSeq: Math.max(state.lastSeq, seq) },
  };
}

/** DELIVER: a stored update or snapshot. */
export function verifyDeliver(
  state: VerifierState,
  ctx: VerifyContext,
  seq: number,
  envelopeBytes: Uint8Array,
): Verdict {
  let envelope: Envelope;
  try {
    envelope = decodeEnvelope(envelopeBytes);
  } catch {
    return reject('tampered', 'the envelope does not decode');
  }
  const { header } = envelope;
  if (header.kind === 'ephemeral') return reject('tampered', 'an ephemeral message was stored');
  const ctHash = ciphertextHash(envelope.ciphertext);
  const auth = authenticate(state, ctx, envelope, ctHash);
  if (!auth.ok) return auth;
  const key = ctx.documentKey(header.epoch);
  if (!key) return reject('forged', `no key for epoch ${header.epoch}`);
  const plaintext = decryptEnvelope(envelope, key);
  if (!plaintext) return reject('tampered', 'the ciphertext does not decrypt');

  if (header.kind === 'snapshot') {
    if (isMyActive(state, header, ctHash)) {
      return echo(state, header, seq);
    }
    const checked = checkSnapshotLink(state, ctx, header);
    if (!checked.ok) return checked;
    const active: SnapshotRef = {
      id: toHex(header.snapshotId),
      generation: checked.fields.generation,
      proof: toHex(snapshotProof(checked.fields.parentProof, header.snapshotId, ctHash)),
      epoch: header.epoch,
    };
    return {
      ok: true,
      kind: 'snapshot',
      apply: plaintext,
      header,
      state: { ...activated(state, active), lastSeq: Math.max(state.lastSeq, seq) },
    };
  }

  if (!state.active || toHex(header.snapshotId) !== state.active.id) {
    return reject('unknown-snapshot', 'the update builds on a snapshot that is not the active one');
  }
  const author = toHex(header.author);
  const last = state.clocks[author] ?? 0;
  if (header.clock <= last) {
    if (author === toHex(ctx.me) && state.myAckedSeqs[String(header.clock)] === seq) {
      return echo(state, header, seq);
    }
    return reject('replayed', `clock ${header.clock} was already seen (last ${last})`);
  }
  if (header.clock > last + 1) {
    return reject('gap', `clock ${header.clock} follows ${last}: an update is missing`);
  }
  return {
    ok: true,
    kind: 'update',
    apply: plaintext,
    header,
    state: {
      ...state,
      clocks: { ...state.clocks, [author]: header.clock },
      myAcked: author === toHex(ctx.me) ? header.clock : state.myAcked,
      lastSeq: Math.max(state.lastSeq, seq),
    },
  };
}

/** The relay acknowledged my update (clock on the active snapshot) with this seq. */
export function recordMyUpdateAck(
  state: VerifierState,
  me: Uint8Array,
  clock: number,
  seq: number,
): VerifierState {
  return {
    ...state,
    clocks: { ...state.clocks, [toHex(me)]: clock },
    myAcked: clock,
    myAckedSeqs: { ...state.myAckedSeqs, [String(clock)]: seq },
    // Seqs are dense per document; only when nothing else is outstanding may the ack move lastSeq.
    lastSeq: seq === state.lastSeq + 1 ? seq : state.lastSeq,
  };
}

/** The relay acknowledged my snapshot: it becomes the active one. */
export function recordMySnapshotAck(
  state: VerifierState,
  snapshot: SnapshotRef,
  seq: number,
): VerifierState {
  return {
    ...activated(state, snapshot),
    lastSeq: seq === state.lastSeq + 1 ? seq : state.lastSeq,
  };
}

/** My next update clock on the active snapshot. */
export function nextClock(state: VerifierState, me: Uint8Array): number {
  return Math.max(state.clocks[toHex(me)] ?? 0, state.myAcked) + 1;
}

/** Number of verified updates on the active snapshot: when to compact. */
export function updatesOnActive(state: VerifierState): number {
  return Object.values(state.clocks).reduce((sum, clock) => sum + clock, 0);
}

export function activeSnapshotBytes(ref: SnapshotRef): { id: Uint8Array; proof: Uint8Array } {
  return { id: fromHex(ref.id), proof: fromHex(ref.proof) };
}
