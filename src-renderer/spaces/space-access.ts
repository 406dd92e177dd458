// What this device may do in a space, from its status and role. Main enforces all of it; the UI
// only avoids offering what would be refused.
import type { SpaceMember, SpaceSummary } from '../../src-shared/api';

type Access = Pick<SpaceSummary, 'status' | 'role'>;

export function isActiveAdmin(space: Access): boolean {
  return space.status === 'active' && space.role === 'admin';
}

export function canWrite(space: Access & Pick<SpaceSummary, 'wiped'>): boolean {
  return space.status === 'active' && space.role !== 'viewer' && !space.wiped;
}

/** Members whose key changed since I verified them: each gets a banner that cannot be missed. */
export function membersWithChangedKeys(space: Pick<SpaceSummary, 'members'>): SpaceMember[] {
  return space.members.filter((member) => !member.isMe && member.keyChangedFrom !== null);
}
