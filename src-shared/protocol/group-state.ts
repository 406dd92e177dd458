// The state a group's membership log replays into, the reasons an entry can be refused, and the
// read-only questions asked of that state (who may write, who is a member).
import type { MembershipOp } from './membership-entry';
import { PolicyFlag, type RoleName } from './wire-constants';
import { toHex } from './bytes';

export interface Member {
  key: Uint8Array;
  boxKey: Uint8Array;
  role: RoleName;
  /**
   * The log length from which the member has held its current role without a break: the relay
   * accepts an envelope only if the log position it names is at least this (so it never stores a
   * message the clients, judging rights at that position, would refuse).
   */
  since: number;
}

export interface InviteState {
  key: Uint8Array;
  role: RoleName;
  expiresAt: number;
  status: 'open' | 'used' | 'revoked';
}

/** An operation written to the log that waits for a second admin (or, for a join, any admin). */
export interface PendingOperation {
  index: number;
  author: Uint8Array;
  op: MembershipOp;
  /** For a join: the role its invite grants. */
  role: RoleName | null;
}

/** How a device stopped being a member: the relay shows it the log up to this entry, no further. */
export interface Departure {
  /** The first epoch it may no longer read. */
  epochFrom: number;
  how: 'removed' | 'left';
  /** Index of the entry that removed it or with which it left. */
  index: number;
}

export interface GroupState {
  groupId: Uint8Array;
  length: number;
  headHash: Uint8Array;
  epoch: number;
  /** The log length at which the current epoch began: writers must name at least this much. */
  epochSince: number;
  creator: Uint8Array;
  metadata: Uint8Array;
  policy: number;
  /** Members by hex signing key. */
  members: Map<string, Member>;
  /** Per epoch, the SHA-256 commitment to its key. */
  epochKeyCommitments: Map<number, Uint8Array>;
  /** Invites by hex invite key. */
  invites: Map<string, InviteState>;
  /** Operations waiting for approval, by the index of their entry. */
  pending: Map<number, PendingOperation>;
  /** Devices that were removed or left, by hex signing key. */
  departed: Map<string, Departure>;
  /** Someone left without a new epoch: the next admin action should rotate the key. */
  rotationNeeded: boolean;
}

export type MembershipRejection =
  | 'wrong-group'
  | 'wrong-index'
  | 'wrong-previous-hash'
  | 'bad-signature'
  | 'first-entry-must-create'
  | 'only-first-entry-creates'
  | 'not-admin'
  | 'not-member'
  | 'already-member'
  | 'unknown-member'
  | 'last-admin'
  | 'unknown-invite'
  | 'invite-used'
  | 'invite-revoked'
  | 'invite-expired'
  | 'bad-member-signature'
  | 'removed-member'
  | 'not-pending'
  | 'self-approval';

export class MembershipError extends Error {
  constructor(readonly reason: MembershipRejection) {
    super(`membership entry refused: ${reason}`);
    this.name = 'MembershipError';
  }
}

export const fail = (reason: MembershipRejection): never => {
  throw new MembershipError(reason);
};

export function adminCount(state: GroupState): number {
  let count = 0;
  for (const member of state.members.values()) if (member.role === 'admin') count++;
  return count;
}

/** Two-admin approval binds only where there are two admins; one admin alone could never act. */
export function approvalRequired(state: GroupState): boolean {
  return (state.policy & PolicyFlag.twoAdminApproval) !== 0 && adminCount(state) >= 2;
}

export function canWrite(state: GroupState, author: Uint8Array): boolean {
  const role = state.members.get(toHex(author))?.role;
  return role === 'admin' || role === 'editor';
}

export function isMember(state: GroupState, device: Uint8Array): boolean {
  return state.members.has(toHex(device));
}

/** The device a log entry makes a member right away, if any (for the relay's member index). */
export function memberAddedBy(before: GroupState | null, after: GroupState): Uint8Array[] {
  const added: Uint8Array[] = [];
  for (const [hex, member] of after.members) if (!before?.members.has(hex)) added.push(member.key);
  return added;
}
