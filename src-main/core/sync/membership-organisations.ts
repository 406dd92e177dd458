// Organisations of a coalition on the membership side: making one (a group whose encrypted
// metadata names its coalition), adding and removing its members by their keys in the coalition's
// log, and an organisation admin's duty to drop whoever left the coalition (docs/groups.md).
import { toHex } from '../../../src-shared/protocol/bytes';
import { fromHex } from '../crypto/sodium';
import { buildAddMember } from '../groups/group-ops';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { AdminDuties } from './membership-admin';
import type { AppendMine } from './membership-append';
import { createGroupAtRelay } from './membership-create';
import {
  activeGroup,
  commitGroup,
  putLockboxes,
  requireConnection,
  type MembershipEnv,
} from './membership-store';
import { organisationsOf, orgRoleToGroupRole } from './organisation-rules';

export function createOrganisationActions(
  env: MembershipEnv,
  appendMine: AppendMine,
  admin: AdminDuties,
  /** The same removal as a space's (membership-actions.ts): refusals and the new epoch. */
  removeMember: (groupId: string, deviceKey: string) => Promise<void>,
  leave: (groupId: string) => Promise<void>,
) {
  function coalitionOf(org: StoredGroup): StoredGroup {
    const parent = org.parentId ? env.groups.get(toHex(org.parentId)) : undefined;
    if (!parent || parent.status !== 'active') {
      throw new SuviazError('not-member', 'This device is not a member of that coalition.');
    }
    return parent;
  }

  function myOrganisation(spaceId: string, orgId: string): StoredGroup {
    const org = activeGroup(env, orgId);
    if (!org.parentId || toHex(org.parentId) !== spaceId) {
      throw new SuviazError('not-found', 'There is no such organisation in this space.');
    }
    return org;
  }

  return {
    /** A coalition admin makes an organisation; the creator is its first admin. */
    async createOrganisation(spaceId: string, name: string): Promise<StoredGroup> {
      const coalition = activeGroup(env, spaceId);
      if (coalition.parentId) {
        throw new SuviazError('invalid-args', 'An organisation cannot have organisations.');
      }
      if (coalition.state.members.get(env.meHex)?.role !== 'admin') {
        throw new SuviazError('not-admin', 'Only an admin of the space can add organisations.');
      }
      return createGroupAtRelay(env, { name, parent: coalition.groupId });
    },

    /** Adds a member of the coalition, with the keys the coalition's log holds for that device. */
    async addOrgMember(
      spaceId: string,
      orgId: string,
      deviceKey: string,
      role: 'admin' | 'member',
    ): Promise<void> {
      const org = myOrganisation(spaceId, orgId);
      const inCoalition = coalitionOf(org).state.members.get(deviceKey);
      if (!inCoalition) {
        throw new SuviazError('not-member', 'That device is not a member of this space.');
      }
      const c = requireConnection(env);
      const member = { signingKey: inCoalition.key, boxKey: inCoalition.boxKey };
      const { built, group, before } = await appendMine(orgId, (g) =>
        buildAddMember({
          state: g.state,
          me: env.me,
          member,
          role: orgRoleToGroupRole(role),
          epochKeys: g.epochKeys,
          sign: env.sign,
          now: Date.now(),
        }),
      );
      if (group.state.members.has(deviceKey)) await putLockboxes(c, built.lockboxes);
      commitGroup(env, group, before);
    },

    /** Removes a member: a new epoch of the organisation's key, sealed to who stays. */
    async removeOrgMember(spaceId: string, orgId: string, deviceKey: string): Promise<void> {
      myOrganisation(spaceId, orgId);
      await removeMember(orgId, deviceKey);
    },

    /**
     * The coalition's log changed: in every organisation of it where I am an admin, whoever is no
     * longer a member of the coalition (removed or left) is removed, so the organisation's key
     * moves on without them.
     */
    async afterCoalitionChange(coalition: StoredGroup): Promise<void> {
      if (coalition.parentId) return;
      const orgs = organisationsOf(env.groups.values(), toHex(coalition.groupId));
      if (coalition.status === 'removed' || coalition.status === 'left') {
        // Out of the coalition: out of its organisations too, so their keys move on without me
        // even if no organisation admin's app has noticed yet.
        for (const org of orgs) {
          if (org.status !== 'active') continue;
          await leave(toHex(org.groupId)).catch(() => undefined);
        }
        return;
      }
      if (coalition.status !== 'active') return;
      // The coalition as stored now, not as this change saw it: these duties may run after later
      // changes (a member added meanwhile must not be taken for one who left).
      const inCoalition = (memberHex: string): boolean =>
        (env.groups.get(toHex(coalition.groupId)) ?? coalition).state.members.has(memberHex);
      for (const org of orgs) {
        if (org.status !== 'active' || org.state.members.get(env.meHex)?.role !== 'admin') continue;
        for (const memberHex of org.state.members.keys()) {
          if (memberHex === env.meHex || inCoalition(memberHex)) continue;
          try {
            await admin.rotate(org.groupId, fromHex(memberHex));
          } catch {
            // Offline or a lost race: the next change of the coalition's log tries again.
            return;
          }
        }
      }
    },
  };
}

export type OrganisationActions = ReturnType<typeof createOrganisationActions>;
