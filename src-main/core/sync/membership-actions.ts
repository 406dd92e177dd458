// Member actions that are one log entry each (plus create, add and remove): the API's spaces.*
// calls other than invites, in the shared rules' terms.
import type { SpacePolicy } from '../../../src-shared/api';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { MembershipOp } from '../../../src-shared/protocol/membership-entry';
import type { RoleName } from '../../../src-shared/protocol/wire-constants';
import { fromHex } from '../crypto/sodium';
import { parseDeviceCode } from '../groups/device-code';
import { buildAddMember, buildEntry } from '../groups/group-ops';
import { deleteGroup, type StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { AdminDuties } from './membership-admin';
import type { AppendMine } from './membership-append';
import { createGroupAtRelay } from './membership-create';
import { policyBits } from './membership-rules';
import {
  activeGroup,
  commitGroup,
  putLockboxes,
  requireConnection,
  type MembershipEnv,
} from './membership-store';

export function createMemberActions(
  env: MembershipEnv,
  appendMine: AppendMine,
  admin: AdminDuties,
) {
  /** One plain entry of mine, stored, then whatever an admin's app does after a change. */
  async function simpleOp(
    spaceId: string,
    op: (group: StoredGroup) => MembershipOp,
  ): Promise<void> {
    const { group, before } = await appendMine(spaceId, (g) =>
      buildEntry({ state: g.state, author: env.me, op: op(g), sign: env.sign, now: Date.now() }),
    );
    const stored = commitGroup(env, group, before);
    await admin.afterChange(stored, before.state);
  }

  function invitation(spaceId: string): StoredGroup {
    const group = env.groups.get(spaceId);
    if (!group || group.status !== 'invited') {
      throw new SuviazError('not-found', 'There is no invitation to this space.');
    }
    return group;
  }

  return {
    createSpace: (name: string, policy: SpacePolicy | undefined): Promise<StoredGroup> =>
      createGroupAtRelay(env, { name, policy: policyBits(policy) }),

    async addMember(spaceId: string, deviceCode: string, role: 'editor' | 'viewer'): Promise<void> {
      const member = parseDeviceCode(deviceCode);
      const c = requireConnection(env);
      const { built, group, before } = await appendMine(spaceId, (g) =>
        buildAddMember({
          state: g.state,
          me: env.me,
          member,
          role,
          epochKeys: g.epochKeys,
          sign: env.sign,
          now: Date.now(),
        }),
      );
      // Under the two-admin rule the member waits for approval; the approving admin seals the keys.
      if (group.state.members.has(toHex(member.signingKey))) await putLockboxes(c, built.lockboxes);
      commitGroup(env, group, before);
    },

    revokeInvite: (spaceId: string, inviteId: string) =>
      simpleOp(spaceId, () => ({ type: 'revoke-invite', inviteKey: fromHex(inviteId) })),

    setRole: (spaceId: string, deviceKey: string, role: RoleName) =>
      simpleOp(spaceId, () => ({ type: 'set-role', member: fromHex(deviceKey), role })),

    approve: (spaceId: string, index: number) =>
      simpleOp(spaceId, () => ({ type: 'approve', index })),

    decline: (spaceId: string, index: number) =>
      simpleOp(spaceId, (group) => {
        const waiting = group.state.pending.get(index);
        if (!waiting || waiting.op.type !== 'join') {
          throw new SuviazError('not-found', 'Nobody is waiting to join with that request.');
        }
        // The join's author is the invite key: revoking that invite declines the join.
        return { type: 'revoke-invite', inviteKey: waiting.author };
      }),

    setPolicy: (spaceId: string, policy: SpacePolicy) =>
      simpleOp(spaceId, () => ({ type: 'set-policy', policy: policyBits(policy) })),

    async removeMember(spaceId: string, deviceKey: string): Promise<void> {
      const group = activeGroup(env, spaceId);
      if (!group.state.members.has(deviceKey)) {
        throw new SuviazError('not-member', 'That device is not a member of this space.');
      }
      if (deviceKey === env.meHex) {
        throw new SuviazError('invalid-args', 'To remove this device, leave the space instead.');
      }
      await admin.rotate(group.groupId, fromHex(deviceKey));
    },

    async leave(spaceId: string): Promise<void> {
      await simpleOp(spaceId, () => ({ type: 'leave' }));
    },

    /** An admin added this device by its code: the person says yes before anything syncs. */
    acceptInvitation(spaceId: string): StoredGroup {
      const group = invitation(spaceId);
      return commitGroup(env, { ...group, status: 'active' }, group);
    },

    /** No: this device leaves the log (the admins see it) and forgets the space. */
    async declineInvitation(spaceId: string): Promise<void> {
      invitation(spaceId);
      await simpleOp(spaceId, () => ({ type: 'leave' }));
      const left = env.groups.get(spaceId);
      if (left) {
        deleteGroup(env.db, left.groupId);
        env.groups.delete(spaceId);
        env.groupUpdated({ ...left, wiped: true }, left);
      }
    },

    forget(spaceId: string): void {
      const group = env.groups.get(spaceId);
      if (!group) throw new SuviazError('not-found', 'There is no such space.');
      if (group.status === 'active') {
        throw new SuviazError(
          'invalid-args',
          'Leave the space before removing it from this device.',
        );
      }
      // A coalition's organisations go with it: their copies and keys are of no use without it.
      const orgs = [...env.groups.values()].filter(
        (g) => g.parentId !== null && toHex(g.parentId) === spaceId,
      );
      for (const gone of [group, ...orgs]) {
        deleteGroup(env.db, gone.groupId);
        env.groups.delete(toHex(gone.groupId));
        env.groupUpdated({ ...gone, wiped: true }, gone);
      }
    },
  };
}
