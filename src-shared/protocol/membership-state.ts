// Replays a group's membership log into its current state, checking every rule on the way. The
// relay and every client run this same function, so they agree on who may do what.
import { entryHashInput, entrySigningBytes, type MembershipEntry } from './membership-entry';
import { ZERO_HASH } from './envelope';
import { bytesEqual, toHex } from './bytes';
import { fail, type GroupState, type Member } from './group-state';
import { applyOp, type ApplyOptions, type ProtocolCrypto } from './membership-operations';
import { owningMaps } from './state-maps';

export {
  approvalRequired,
  canWrite,
  isMember,
  memberAddedBy,
  MembershipError,
  type Departure,
  type GroupState,
  type InviteState,
  type Member,
  type MembershipRejection,
  type PendingOperation,
} from './group-state';
export type { ApplyOptions, ProtocolCrypto } from './membership-operations';

export function entryHash(entry: MembershipEntry, crypto: ProtocolCrypto): Uint8Array {
  return crypto.sha256(entryHashInput(entry.bytes));
}

/** Applies one entry to the state (null before the first), returning a new state or throwing. */
export function applyEntry(
  state: GroupState | null,
  entry: MembershipEntry,
  crypto: ProtocolCrypto,
  options: ApplyOptions = {},
): GroupState {
  const expectedIndex = state ? state.length : 0;
  if (state && !bytesEqual(entry.groupId, state.groupId)) fail('wrong-group');
  if (entry.index !== expectedIndex) fail('wrong-index');
  if (!bytesEqual(entry.prevHash, state ? state.headHash : ZERO_HASH)) fail('wrong-previous-hash');
  if (!crypto.verify(entry.author, entrySigningBytes(entry.bodyBytes), entry.signature)) {
    fail('bad-signature');
  }
  const headHash = entryHash(entry, crypto);
  const op = entry.op;

  if (!state) {
    if (op.type !== 'create') return fail('first-entry-must-create');
    const creator: Member = {
      key: entry.author,
      boxKey: op.creatorBoxKey,
      role: 'admin',
      since: 1,
    };
    return {
      groupId: entry.groupId,
      length: 1,
      headHash,
      epoch: 0,
      epochSince: 1,
      creator: entry.author,
      metadata: op.metadata,
      policy: op.policy,
      members: new Map([[toHex(entry.author), creator]]),
      epochKeyCommitments: new Map([[0, op.epochKeyCommitment]]),
      invites: new Map(),
      pending: new Map(),
      departed: new Map(),
      rotationNeeded: false,
    };
  }
  const next = applyOp(state, entry, crypto, options);
  return { ...next, length: state.length + 1, headHash };
}

/**
 * `from` (null before the first entry) with `entries` applied in order, for a caller that keeps
 * only the last state: the states in between share and change their maps, so a long log replays
 * in linear time. `from` itself is left as it was.
 */
export function applyEntries(
  from: GroupState | null,
  entries: readonly MembershipEntry[],
  crypto: ProtocolCrypto,
  options: ApplyOptions = {},
): GroupState | null {
  return owningMaps(() => {
    let state = from;
    for (const entry of entries) state = applyEntry(state, entry, crypto, options);
    return state;
  });
}

export function replayLog(
  entries: readonly MembershipEntry[],
  crypto: ProtocolCrypto,
  options: ApplyOptions = {},
): GroupState {
  // Expiry is judged when an entry arrives; replaying stored history judges by the entries' times.
  return applyEntries(null, entries, crypto, options) ?? fail('first-entry-must-create');
}
