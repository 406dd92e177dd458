// How each operation after a group's first entry changes its state, and when it is refused: the
// rules for joins, removals, invites, roles, policy, key rotation and second-admin approval.
import { joinSigningBytes, type MembershipEntry, type MembershipOp } from './membership-entry';
import {
  adminCount,
  approvalRequired,
  fail,
  type Departure,
  type GroupState,
  type Member,
} from './group-state';
import { PolicyFlag } from './wire-constants';
import { bytesEqual, toHex } from './bytes';
import { trialOnCopies, writable, writableWithout } from './state-maps';

/** The two primitives the rules need; the client passes libsodium's, the relay node:crypto's. */
export interface ProtocolCrypto {
  sha256(input: Uint8Array): Uint8Array;
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

export interface ApplyOptions {
  /** The relay passes its clock, so a join after the invite's expiry is refused on arrival. */
  now?: number;
}

function requireAdmin(state: GroupState, author: Uint8Array): void {
  const member = state.members.get(toHex(author));
  if (!member) fail('not-member');
  if (member?.role !== 'admin') fail('not-admin');
}

function requireMember(state: GroupState, key: Uint8Array): Member {
  return state.members.get(toHex(key)) ?? fail('unknown-member');
}

/** Adds a member or changes its role; the entry being applied ends the log at state.length + 1. */
function withMember(state: GroupState, member: Omit<Member, 'since'>): GroupState {
  const members = writable(state.members);
  const before = state.members.get(toHex(member.key));
  const since = before && before.role === member.role ? before.since : state.length + 1;
  members.set(toHex(member.key), { ...member, since });
  const departed = writable(state.departed);
  departed.delete(toHex(member.key));
  return { ...state, members, departed };
}

function withoutMember(state: GroupState, key: Uint8Array, departure: Departure): GroupState {
  const member = requireMember(state, key);
  if (member.role === 'admin' && adminCount(state) === 1 && state.members.size > 1) {
    fail('last-admin');
  }
  const members = writable(state.members);
  members.delete(toHex(key));
  const departed = writable(state.departed);
  departed.set(toHex(key), departure);
  // What the departed device proposed, or what was proposed about it, waits for no one now.
  const pending = writableWithout(
    state.pending,
    (p) => bytesEqual(p.author, key) || ('member' in p.op && bytesEqual(p.op.member, key)),
  );
  return { ...state, members, departed, pending };
}

function revokeOpenInvites(state: GroupState): GroupState {
  const invites = writable(state.invites);
  for (const [hex, invite] of invites) {
    if (invite.status === 'open') invites.set(hex, { ...invite, status: 'revoked' });
  }
  return { ...state, invites };
}

function newEpoch(state: GroupState, commitment: Uint8Array): GroupState {
  const epoch = state.epoch + 1;
  const epochKeyCommitments = writable(state.epochKeyCommitments);
  epochKeyCommitments.set(epoch, commitment);
  // The entry being applied is the one at index state.length: the epoch holds from the log after it.
  return {
    ...state,
    epoch,
    epochSince: state.length + 1,
    epochKeyCommitments,
    rotationNeeded: false,
  };
}

/** Applies an admin operation that may need approval (add, invite, role, policy) once approved. */
function applyApprovable(state: GroupState, op: MembershipOp): GroupState {
  switch (op.type) {
    case 'add-member':
      if (state.members.has(toHex(op.member))) fail('already-member');
      return withMember(state, { key: op.member, boxKey: op.memberBoxKey, role: op.role });
    case 'invite': {
      const invites = writable(state.invites);
      invites.set(toHex(op.inviteKey), {
        key: op.inviteKey,
        role: op.role,
        expiresAt: op.expiresAt,
        status: 'open',
      });
      return { ...state, invites };
    }
    case 'set-role': {
      const member = requireMember(state, op.member);
      if (member.role === 'admin' && op.role !== 'admin' && adminCount(state) === 1) {
        fail('last-admin');
      }
      return withMember(state, { ...member, role: op.role });
    }
    case 'set-policy':
      return { ...state, policy: op.policy };
    default:
      throw new Error(`not an approvable operation: ${op.type}`);
  }
}

function applyJoin(
  state: GroupState,
  entry: MembershipEntry,
  op: Extract<MembershipOp, { type: 'join' }>,
  crypto: ProtocolCrypto,
  options: ApplyOptions,
): GroupState {
  const invite = state.invites.get(toHex(entry.author)) ?? fail('unknown-invite');
  if (invite.status === 'used') fail('invite-used');
  if (invite.status === 'revoked') fail('invite-revoked');
  const now = options.now ?? entry.timestamp;
  if (entry.timestamp > invite.expiresAt || now > invite.expiresAt) fail('invite-expired');
  const proof = joinSigningBytes(state.groupId, entry.author, op.member, op.memberBoxKey);
  if (!crypto.verify(op.member, proof, op.memberSignature)) fail('bad-member-signature');
  if (state.members.has(toHex(op.member))) fail('already-member');
  if (state.departed.get(toHex(op.member))?.how === 'removed') fail('removed-member');
  const invites = writable(state.invites);
  invites.set(toHex(entry.author), { ...invite, status: 'used' });
  const used = { ...state, invites };
  if ((state.policy & PolicyFlag.joinApproval) !== 0) {
    const pending = writable(state.pending);
    pending.set(entry.index, { index: entry.index, author: entry.author, op, role: invite.role });
    return { ...used, pending };
  }
  return withMember(used, { key: op.member, boxKey: op.memberBoxKey, role: invite.role });
}

/**
 * Every open invite dies with a removal: the removed member may have seen the links, and must not
 * walk back in through one (an admin can still add them again, on purpose).
 */
function removedNow(state: GroupState, member: Uint8Array, index: number): GroupState {
  // Invites still waiting for a second admin die too: the removed member may have seen them.
  const pending = writableWithout(state.pending, (p) => p.op.type === 'invite');
  return withoutMember(revokeOpenInvites({ ...state, pending }), member, {
    epochFrom: state.epoch + 1,
    how: 'removed',
    index,
  });
}

function applyApproval(state: GroupState, approval: MembershipEntry, index: number): GroupState {
  const target = state.pending.get(index) ?? fail('not-pending');
  if (bytesEqual(target.author, approval.author)) fail('self-approval');
  const pending = writable(state.pending);
  pending.delete(index);
  const rest = { ...state, pending };
  if (target.op.type === 'remove') {
    // The proposer's key for the next epoch may be out of reach (it can be offline now): the
    // removal takes effect here and the next admin action starts a new epoch, as after a leave.
    return { ...removedNow(rest, target.op.member, approval.index), rotationNeeded: true };
  }
  if (target.op.type === 'join') {
    const { member, memberBoxKey } = target.op;
    if (rest.members.has(toHex(member))) fail('already-member');
    return withMember(rest, { key: member, boxKey: memberBoxKey, role: target.role ?? 'viewer' });
  }
  return applyApprovable(rest, target.op);
}

export function applyOp(
  state: GroupState,
  entry: MembershipEntry,
  crypto: ProtocolCrypto,
  options: ApplyOptions,
): GroupState {
  const op = entry.op;
  switch (op.type) {
    case 'create':
      return fail('only-first-entry-creates');
    case 'join':
      return applyJoin(state, entry, op, crypto, options);
    case 'leave':
      return withoutMember({ ...state, rotationNeeded: true }, entry.author, {
        epochFrom: state.epoch + 1,
        how: 'left',
        index: entry.index,
      });
    default:
      break;
  }
  requireAdmin(state, entry.author);
  switch (op.type) {
    case 'add-member':
    case 'invite':
    case 'set-role':
    case 'set-policy': {
      if (!approvalRequired(state)) return applyApprovable(state, op);
      // Check now that it could apply, so a doomed operation is refused at once, not at approval.
      trialOnCopies(() => applyApprovable(state, op));
      const pending = writable(state.pending);
      pending.set(entry.index, { index: entry.index, author: entry.author, op, role: null });
      return { ...state, pending };
    }
    case 'revoke-invite': {
      const invite = state.invites.get(toHex(op.inviteKey)) ?? fail('unknown-invite');
      if (invite.status === 'revoked') fail('invite-revoked');
      const invites = writable(state.invites);
      invites.set(toHex(op.inviteKey), { ...invite, status: 'revoked' });
      if (invite.status === 'open') return { ...state, invites };
      // A used invite can be revoked only while its join waits for approval: that declines the
      // join, and the device is recorded as turned away (it never held a key).
      const waiting = [...state.pending.values()].find(
        (p) => p.op.type === 'join' && bytesEqual(p.author, op.inviteKey),
      );
      if (!waiting || waiting.op.type !== 'join') return fail('invite-used');
      const pending = writable(state.pending);
      pending.delete(waiting.index);
      const departed = writable(state.departed);
      departed.set(toHex(waiting.op.member), {
        epochFrom: state.epoch,
        how: 'removed',
        index: entry.index,
      });
      return { ...state, invites, pending, departed };
    }
    case 'remove': {
      if (requireMember(state, op.member).role === 'admin' && approvalRequired(state)) {
        // One coerced admin must not be able to push the other out and then act alone: removing
        // an admin waits for a second admin. Check now that it could apply.
        trialOnCopies(() => removedNow(state, op.member, entry.index));
        const pending = writable(state.pending);
        pending.set(entry.index, { index: entry.index, author: entry.author, op, role: null });
        return { ...state, pending };
      }
      return newEpoch(removedNow(state, op.member, entry.index), op.epochKeyCommitment);
    }
    case 'rotate':
      return newEpoch(state, op.epochKeyCommitment);
    case 'approve':
      return applyApproval(state, entry, op.index);
  }
}
