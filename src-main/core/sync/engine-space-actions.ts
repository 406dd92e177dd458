// The engine's spaces.* methods: each membership action in the API's error terms, answering with
// the space as the renderer sees it. Kept apart from the wiring in sync-engine.ts.
import type { SpaceSummary } from '../../../src-shared/api';
import type { StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import { asApiError as api } from './engine-api-errors';
import type { SpaceMembership } from './space-membership';
import type { SyncEngine } from './sync-engine-contract';

/** How long a join waits for the relay connection before saying it is unreachable. */
const JOIN_CONNECT_WAIT_MS = 10_000;

type SpaceActions = Pick<
  SyncEngine,
  | 'createSpace'
  | 'addMember'
  | 'createInvite'
  | 'revokeInvite'
  | 'join'
  | 'setRole'
  | 'removeMember'
  | 'leave'
  | 'approve'
  | 'decline'
  | 'setPolicy'
  | 'acceptInvitation'
  | 'declineInvitation'
  | 'forget'
>;

export function spaceActions(deps: {
  membership: SpaceMembership;
  groups: ReadonlyMap<string, StoredGroup>;
  summary(group: StoredGroup): SpaceSummary;
  waitForConnection(ms: number): Promise<void>;
  /** A writer became a viewer: a snapshot now closes what it could still write (protocol §5). */
  afterDemotion(spaceId: string): void;
}): SpaceActions {
  const { membership, summary } = deps;
  return {
    createSpace: (name, policy) =>
      api(async () => summary(await membership.createSpace(name, policy))),
    addMember: (spaceId, deviceCode, role) =>
      api(() => membership.addMember(spaceId, deviceCode, role)),
    createInvite: (spaceId, role, days) => api(() => membership.createInvite(spaceId, role, days)),
    revokeInvite: (spaceId, inviteId) => api(() => membership.revokeInvite(spaceId, inviteId)),
    join: (link) =>
      api(async () => {
        // A wrong link or relay key is said at once, not after waiting for a relay we refuse.
        membership.checkJoinLink(link);
        await deps.waitForConnection(JOIN_CONNECT_WAIT_MS);
        return summary(await membership.join(link));
      }),
    setRole: (spaceId, deviceKey, role) =>
      api(async () => {
        await membership.setRole(spaceId, deviceKey, role);
        if (role === 'viewer') deps.afterDemotion(spaceId);
      }),
    removeMember: (spaceId, deviceKey) => api(() => membership.removeMember(spaceId, deviceKey)),
    leave: (spaceId) => api(() => membership.leave(spaceId)),
    approve: (spaceId, index) => api(() => membership.approve(spaceId, index)),
    decline: (spaceId, index) => api(() => membership.decline(spaceId, index)),
    setPolicy: (spaceId, policy) => api(() => membership.setPolicy(spaceId, policy)),
    acceptInvitation: (spaceId) =>
      api(() => Promise.resolve(summary(membership.acceptInvitation(spaceId)))),
    declineInvitation: (spaceId) => api(() => membership.declineInvitation(spaceId)),
    forget: (spaceId) => {
      if (!deps.groups.has(spaceId)) throw new SuviazError('not-found', 'There is no such space.');
      membership.forget(spaceId);
    },
  };
}
