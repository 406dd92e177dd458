// When a group is an organisation of a coalition this device belongs to: the rules the refresh
// and the organisation actions share (docs/groups.md, "Organisations").
import { toHex } from '../../../src-shared/protocol/bytes';
import type { GroupState } from '../../../src-shared/protocol/membership-state';
import type { StoredGroup } from '../groups/group-store';

/**
 * A group that names `parent` in its metadata is taken as one of its organisations only when I am
 * an active member of the parent and the organisation's creator is an admin of the parent: any
 * member could make a group and claim a parent, but only the coalition's admins make organisations.
 */
export function isOrganisationOf(parent: StoredGroup | undefined, org: GroupState): boolean {
  if (!parent || parent.status !== 'active' || parent.parentId) return false;
  return parent.state.members.get(toHex(org.creator))?.role === 'admin';
}

/** My organisations (the groups I am in) of the coalition `parentHex`. */
export function organisationsOf(groups: Iterable<StoredGroup>, parentHex: string): StoredGroup[] {
  return [...groups].filter((g) => g.parentId !== null && toHex(g.parentId) === parentHex);
}

/**
 * Whether I am already a member of another organisation of the coalition `parentHex`. A device is in
 * at most one: the adding app checks the coalition's register, which any writer of its document can
 * rewrite, so the added device checks too. Otherwise a coalition admin's modified app could enrol me,
 * unasked, in a look-alike organisation whose keys it holds, and my hidden events could go to it.
 */
export function inOtherOrganisation(
  groups: Iterable<StoredGroup>,
  parentHex: string,
  orgId: Uint8Array,
): boolean {
  const id = toHex(orgId);
  return organisationsOf(groups, parentHex).some(
    (g) => g.status === 'active' && toHex(g.groupId) !== id,
  );
}

/** Organisation roles map onto group roles: an organisation's admin manages its members. */
export const orgRoleToGroupRole = (role: 'admin' | 'member'): 'admin' | 'editor' =>
  role === 'admin' ? 'admin' : 'editor';
