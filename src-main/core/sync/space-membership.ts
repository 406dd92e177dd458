// The membership side of the sync engine: keeping each group's verified log and epoch keys current,
// and every change a member makes to a group. Documents are the engine's business; it is told when
// keys change. This file only wires the units together (see membership-*.ts).
import { toHex } from '../../../src-shared/protocol/bytes';
import type { StoredGroup } from '../groups/group-store';
import { createAdminDuties, type AdminDuties } from './membership-admin';
import { appender } from './membership-append';
import { createMemberActions } from './membership-actions';
import { checkJoinLink, createInvite, join } from './membership-invites';
import { createOrganisationActions, type OrganisationActions } from './membership-organisations';
import { createLogRefresh } from './membership-refresh';
import { commitGroup, type MembershipContext, type MembershipEnv } from './membership-store';

export type { MembershipContext } from './membership-store';
export { policyBits } from './membership-rules';

export function createSpaceMembership(ctx: MembershipContext) {
  const env: MembershipEnv = { ...ctx, meHex: toHex(ctx.me) };
  // Refreshing runs the admin duties, and the duties append (which refreshes): bound late.
  let admin: AdminDuties | null = null;
  let orgs: OrganisationActions | null = null;
  const log = createLogRefresh(env, async (stored, before) => {
    await admin?.afterChange(stored, before);
    await orgs?.afterCoalitionChange(stored);
  });
  const appendMine = appender(env, log.refreshGroup);
  admin = createAdminDuties(env, appendMine);
  const actions = createMemberActions(env, appendMine, admin);
  orgs = createOrganisationActions(env, appendMine, admin, actions.removeMember, actions.leave);

  return {
    refreshGroup: log.refreshGroup,
    refreshAllGroups: log.refreshAllGroups,
    ...actions,
    ...orgs,
    createInvite: (spaceId: string, role: 'editor' | 'viewer', days: number) =>
      createInvite(env, appendMine, spaceId, role, days),
    join: (link: string): Promise<StoredGroup> => join(env, log.retryLater, link),
    checkJoinLink: (link: string): void => checkJoinLink(env, link),
    /** Stores a group whose longer log came another way than the relay (a bundle on a USB stick). */
    adopt: (next: StoredGroup, previous: StoredGroup | null): StoredGroup =>
      commitGroup(env, next, previous),
  };
}

export type SpaceMembership = ReturnType<typeof createSpaceMembership>;
