// Replays a group's membership log into its current state, checking every rule on the way. The
// relay and every client run this same function, so they agree on who may do what.
import { entryHashInput, entrySigningBytes, type MembershipEntry } from './membership-entry';
import { ZERO_HASH } from './envelope';
import type { RoleName } from './wire-constants';
import { bytesEqual, toHex } from './bytes';

/** The two primitives the rules need; the client passes libsodium's, the relay node:crypto's. */
export interface ProtocolCrypto {
  sha256(input: Uint8Array): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

export interface Member {
  key: Uint8Array;
  boxKey: Uint8Array;
  role: RoleName;
}

export interface GroupState {
  groupId: Uint8Array;
  length: number;
  headHash: Uint8Array;
  epoch: number;
  creator: Uint8Array;
  metadata: Uint8Array;
  /** Members by hex signing key. */
  members: Map<string, Member>;
  /** Per epoch, the SHA-256 commitment to its key. */
  epochKeyCommitments: Map<number, Uint8Array>;
}

export type MembershipRejection =
  | 'wrong-group'
  | 'wrong-index'
  | 'wrong-previous-hash'
  | 'bad-signature'
  | 'first-entry-must-create'
  | 'only-first-entry-creates'
  | 'not-admin'
  | 'already-member';

export class MembershipError extends Error {
  constructor(readonly reason: MembershipRejection) {
    super(`membership entry refused: ${reason}`);
    this.name = 'MembershipError';
  }
}

export function entryHash(entry: MembershipEntry, crypto: ProtocolCrypto): Uint8Array {
  return crypto.sha256(entryHashInput(entry.bytes));
}

/** Applies one entry to the state (null before the first), returning a new state or throwing. */
export function applyEntry(
  state: GroupState | null,
  entry: MembershipEntry,
  crypto: ProtocolCrypto,
): GroupState {
  const expectedIndex = state ? state.length : 0;
  if (state && !bytesEqual(entry.groupId, state.groupId)) throw new MembershipError('wrong-group');
  if (entry.index !== expectedIndex) throw new MembershipError('wrong-index');
  if (!bytesEqual(entry.prevHash, state ? state.headHash : ZERO_HASH)) {
    throw new MembershipError('wrong-previous-hash');
  }
  if (!crypto.verify(entry.author, entrySigningBytes(entry.bodyBytes), entry.signature)) {
    throw new MembershipError('bad-signature');
  }
  const headHash = entryHash(entry, crypto);
  const op = entry.op;

  if (!state) {
    if (op.type !== 'create') throw new MembershipError('first-entry-must-create');
    const creator: Member = { key: entry.author, boxKey: op.creatorBoxKey, role: 'admin' };
    return {
      groupId: entry.groupId,
      length: 1,
      headHash,
      epoch: 0,
      creator: entry.author,
      metadata: op.metadata,
      members: new Map([[toHex(entry.author), creator]]),
      epochKeyCommitments: new Map([[0, op.epochKeyCommitment]]),
    };
  }
  if (op.type === 'create') throw new MembershipError('only-first-entry-creates');
  if (state.members.get(toHex(entry.author))?.role !== 'admin') {
    throw new MembershipError('not-admin');
  }
  if (state.members.has(toHex(op.member))) throw new MembershipError('already-member');
  const members = new Map(state.members);
  members.set(toHex(op.member), { key: op.member, boxKey: op.memberBoxKey, role: op.role });
  return { ...state, length: state.length + 1, headHash, members };
}

export function replayLog(entries: readonly MembershipEntry[], crypto: ProtocolCrypto): GroupState {
  let state: GroupState | null = null;
  for (const entry of entries) state = applyEntry(state, entry, crypto);
  if (!state) throw new MembershipError('first-entry-must-create');
  return state;
}

export function canWrite(state: GroupState, author: Uint8Array): boolean {
  const role = state.members.get(toHex(author))?.role;
  return role === 'admin' || role === 'editor';
}

export function isMember(state: GroupState, device: Uint8Array): boolean {
  return state.members.has(toHex(device));
}
