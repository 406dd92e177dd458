// Reads a group's membership state under its lock and answers the common "may this device…" checks.
import { toHex } from '../../src-shared/protocol/bytes';
import { isMember, type GroupState } from '../../src-shared/protocol/membership-state';
import { refuse } from '../refusal';
import type { RelayContext } from '../relay-context';

/** Runs work under the group's lock, so no change to the group interleaves with it. */
export function withGroupLock<T>(
  ctx: RelayContext,
  groupId: Uint8Array,
  work: () => Promise<T>,
): Promise<T> {
  return ctx.locks.run(toHex(groupId), work);
}

/** The group's state; call under its lock. */
export async function existingGroup(ctx: RelayContext, groupId: Uint8Array): Promise<GroupState> {
  const state = await ctx.groups.get(groupId);
  if (!state) refuse('unknownGroup', 'no such group');
  return state;
}

export function requireMember(state: GroupState, device: Uint8Array): void {
  if (!isMember(state, device)) refuse('notMember', 'this device is not a member of the group');
}
