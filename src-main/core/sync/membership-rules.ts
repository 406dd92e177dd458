// Pure rules of membership shared by every membership unit: where this device stands in a log, how a
// log is read page by page, and how the shared rules' refusals read in the API's words.
import { LIMITS } from '../../../src-shared/limits';
import type { SpacePolicy } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import { decodeEntry } from '../../../src-shared/protocol/membership-entry';
import {
  entryHash,
  MembershipError,
  type GroupState,
} from '../../../src-shared/protocol/membership-state';
import { PolicyFlag } from '../../../src-shared/protocol/wire-constants';
import { extendLog } from '../groups/group-checks';
import { protocolCrypto } from '../groups/group-crypto';
import type { GroupStatus } from '../groups/group-store';
import { SuviazError } from '../errors';

export const MAX_SPACE_NAME = 200;
/** GROUP_FETCH answers are cut at this many entries (or the frame size); fetch again after a full one. */
const FULL_PAGE_ENTRIES = 256;

/** Hex hash of a log's first entry, which names its creator and group for good. */
export function genesisOf(entries: readonly Uint8Array[]): string {
  const first = entries[0];
  if (!first) return '';
  return toHex(entryHash(decodeEntry(first), protocolCrypto));
}

export function policyBits(policy: SpacePolicy | undefined): number {
  if (!policy) return 0;
  return (
    (policy.twoAdminApproval ? PolicyFlag.twoAdminApproval : 0) |
    (policy.joinApproval ? PolicyFlag.joinApproval : 0) |
    (policy.wipeOnRemoval ? PolicyFlag.wipeOnRemoval : 0)
  );
}

export type VerifiedLog = { state: GroupState; entries: Uint8Array[] };

/** A page the relay had to cut by size (entries and lockboxes filling its frame) is not the end. */
const FULL_PAGE_BYTES = LIMITS.relay.maxFrameBytes / 2;

const pageBytes = (answer: { entries: Uint8Array[]; lockboxes?: Uint8Array[] }): number =>
  [...answer.entries, ...(answer.lockboxes ?? [])].reduce((n, bytes) => n + bytes.length, 0);

/**
 * Reads a log page by page from what is known (GROUP_FETCH or INVITE_FETCH answers), verifying each
 * page on top of the last; a page shorter than a full one, by count and by size, is the end.
 */
export async function pagedLog(
  known: VerifiedLog | null,
  page: (
    fromIndex: number,
  ) => Promise<{ fromIndex: number; entries: Uint8Array[]; lockboxes?: Uint8Array[] }>,
): Promise<VerifiedLog> {
  let log = known ? { state: known.state, entries: known.entries } : null;
  for (;;) {
    const answer = await page(log ? log.entries.length : 0);
    if (answer.entries.length === 0 && log) return log;
    log = extendLog(log, answer.entries, answer.fromIndex);
    if (answer.entries.length < FULL_PAGE_ENTRIES && pageBytes(answer) < FULL_PAGE_BYTES) {
      return log;
    }
  }
}

/** Where this device stands in a verified log. */
export function statusIn(
  state: GroupState,
  meHex: string,
  previous: GroupStatus | null,
): GroupStatus {
  if (state.members.has(meHex)) {
    // My own join (pending) or a space I was in stays mine; an admin adding this device by its
    // code, whether new to it or after a departure, is an invitation the person answers first.
    return previous === 'active' || previous === 'pending' ? 'active' : 'invited';
  }
  // A join waiting for approval outranks an earlier departure (someone who left may come back).
  for (const pending of state.pending.values()) {
    if (pending.op.type === 'join' && toHex(pending.op.member) === meHex) return 'pending';
  }
  const departed = state.departed.get(meHex);
  if (departed) return departed.how;
  return previous ?? 'pending';
}

/** The shared rules refused our own entry before it was sent: say why in the API's words. */
export function membershipProblem(error: MembershipError): SuviazError {
  switch (error.reason) {
    case 'not-admin':
      return new SuviazError('not-admin', 'Only an admin of this space can do that.');
    case 'not-member':
    case 'unknown-member':
      return new SuviazError('not-member', 'That device is not a member of this space.');
    case 'already-member':
      return new SuviazError('already-member', 'This device is already a member of the space.');
    case 'last-admin':
      return new SuviazError(
        'last-admin',
        'The last admin cannot leave, be removed or step down while others remain.',
      );
    case 'removed-member':
      return new SuviazError(
        'not-member',
        'This device was removed from the space; only an admin adding it again brings it back.',
      );
    case 'invite-used':
      return new SuviazError('invite-used', 'This invite was already used.');
    case 'invite-revoked':
      return new SuviazError('invite-revoked', 'This invite was revoked.');
    case 'invite-expired':
      return new SuviazError('invite-expired', 'This invite has expired.');
    default:
      return new SuviazError('relay-refused', `refused by the membership rules: ${error.reason}`);
  }
}
