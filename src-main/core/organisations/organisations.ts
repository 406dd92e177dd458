// The orgs.* API: a coalition's organisations as this device sees them, and the changes its
// admins make. The keys are the organisation groups' own (sync/membership-organisations.ts); this
// keeps the coalition's register (org-registry.ts) in step and says who belongs where.
import type { OrganisationSummary } from '../../../src-shared/calendar/calendar-api';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { DocAccess } from '../sync/engine-doc-access';
import { asApiError } from '../sync/engine-api-errors';
import type { SyncEngine } from '../sync/sync-engine-contract';
import { organisationsOf } from '../sync/organisation-rules';
import { assignMember, readRegistry, registerOrg } from './org-registry';

export function organisationService(access: DocAccess, actions: SyncEngine['organisations']) {
  function coalition(spaceId: string): StoredGroup {
    const group = access.group(spaceId);
    if (!group || group.parentId) throw new SuviazError('not-found', 'There is no such space.');
    return group;
  }

  const registryOf = (space: StoredGroup) => {
    const doc = access.ydoc(space);
    return doc ? readRegistry(doc) : { orgs: new Map(), memberOrg: new Map<string, string>() };
  };

  /** My organisation groups of this space that I am still an active member of. */
  const mine = (spaceId: string): StoredGroup[] =>
    organisationsOf(access.groups(), spaceId).filter((g) => g.status === 'active');

  function summaryOf(
    space: StoredGroup,
    orgId: string,
    name: string,
    registry = registryOf(space),
    held = mine(toHex(space.groupId)),
  ): OrganisationSummary {
    const org = held.find((g) => toHex(g.groupId) === orgId);
    const memberCount = [...registry.memberOrg.values()].filter((id) => id === orgId).length;
    if (!org) {
      return {
        id: orgId,
        name,
        mine: false,
        myRole: null,
        members: [],
        memberCount,
        waitingForKey: false,
      };
    }
    const members = [...org.state.members.values()].map((m) => ({
      deviceKey: toHex(m.key),
      name: access.nameOf(toHex(m.key)),
      role: m.role === 'admin' ? ('admin' as const) : ('member' as const),
    }));
    return {
      id: orgId,
      name: org.name || name,
      mine: true,
      myRole: org.state.members.get(access.meHex)?.role === 'admin' ? 'admin' : 'member',
      members,
      memberCount: members.length,
      waitingForKey: !org.epochKeys.has(org.state.epoch),
    };
  }

  function list(spaceId: string): OrganisationSummary[] {
    const space = coalition(spaceId);
    const registry = registryOf(space);
    const held = mine(spaceId);
    const ids = new Map<string, string>();
    for (const [id, entry] of registry.orgs) ids.set(id, entry.name);
    for (const org of held) ids.set(toHex(org.groupId), org.name);
    return [...ids].map(([id, name]) => summaryOf(space, id, name, registry, held));
  }

  /** The organisation a member belongs to: my own from my groups, others' from the register. */
  function orgOfMember(space: StoredGroup, deviceHex: string): string | null {
    const spaceId = toHex(space.groupId);
    const held = mine(spaceId).find((g) => g.state.members.has(deviceHex));
    if (held) return toHex(held.groupId);
    return registryOf(space).memberOrg.get(deviceHex) ?? null;
  }

  return {
    list,
    orgOfMember,
    /** My organisations' groups in this space (whose documents I read and write). */
    myOrganisations: mine,

    create: (spaceId: string, name: string, firstAdmin?: string) =>
      asApiError(async () => {
        const space = coalition(spaceId);
        const handOver = firstAdmin !== undefined && firstAdmin !== access.meHex;
        const someoneElse = handOver ? firstAdmin : access.meHex;
        if (handOver && !space.state.members.has(someoneElse)) {
          throw new SuviazError('not-member', 'That device is not a member of this space.');
        }
        if (orgOfMember(space, someoneElse)) {
          throw new SuviazError(
            'other-organisation',
            'This device already belongs to an organisation of this coalition.',
          );
        }
        const org = await actions.createOrganisation(spaceId, name);
        const orgId = toHex(org.groupId);
        if (handOver) await actions.addOrgMember(spaceId, orgId, someoneElse, 'admin');
        await access.write(space, (doc) => {
          registerOrg(doc, orgId, org.name, Date.now());
          assignMember(doc, someoneElse, orgId);
        });
        // The maker steps out: the new admin's app starts a new epoch without them.
        if (handOver) await actions.leave(orgId);
        return summaryOf(space, orgId, org.name);
      }),

    addMember: (spaceId: string, orgId: string, deviceKey: string, role: 'admin' | 'member') =>
      asApiError(async () => {
        const space = coalition(spaceId);
        const current = orgOfMember(space, deviceKey);
        if (current && current !== orgId) {
          throw new SuviazError(
            'other-organisation',
            'That member already belongs to another organisation of this coalition.',
          );
        }
        await actions.addOrgMember(spaceId, orgId, deviceKey, role);
        await access.write(space, (doc) => assignMember(doc, deviceKey, orgId));
      }),

    removeMember: (spaceId: string, orgId: string, deviceKey: string) =>
      asApiError(async () => {
        const space = coalition(spaceId);
        await actions.removeOrgMember(spaceId, orgId, deviceKey);
        await access.write(space, (doc) => assignMember(doc, deviceKey, null));
      }),
  };
}

export type OrganisationService = ReturnType<typeof organisationService>;
