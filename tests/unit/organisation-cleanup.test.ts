// An organisation's admin app removes from it whoever left the coalition. It judges by the
// coalition as stored now: duties that run late, after a member was added to the coalition and to
// the organisation, must not take that member for one who left.
import { describe, expect, it } from 'vitest';
import type { StoredGroup } from '../../src-main/core/groups/group-store';
import type { AdminDuties } from '../../src-main/core/sync/membership-admin';
import { createOrganisationActions } from '../../src-main/core/sync/membership-organisations';
import type { MembershipEnv } from '../../src-main/core/sync/membership-store';
import { toHex } from '../../src-shared/protocol/bytes';

const ME = 'a'.repeat(64);
const NEW_MEMBER = 'b'.repeat(64);
const coalitionId = new Uint8Array(16).fill(1);
const orgId = new Uint8Array(16).fill(2);

/** Only what the cleanup reads of a group. */
function group(id: Uint8Array, parent: Uint8Array | null, members: string[]): StoredGroup {
  return {
    groupId: id,
    parentId: parent,
    status: 'active',
    state: { members: new Map(members.map((m) => [m, { role: m === ME ? 'admin' : 'editor' }])) },
  } as unknown as StoredGroup;
}

describe("an organisation admin's cleanup", () => {
  it('keeps a member the coalition gained after the change it runs for', async () => {
    const before = group(coalitionId, null, [ME]);
    const now = group(coalitionId, null, [ME, NEW_MEMBER]);
    const org = group(orgId, coalitionId, [ME, NEW_MEMBER]);
    const env = {
      meHex: ME,
      groups: new Map([
        [toHex(coalitionId), now],
        [toHex(orgId), org],
      ]),
    } as unknown as MembershipEnv;
    const removed: string[] = [];
    const admin = {
      rotate: (_group: Uint8Array, member: Uint8Array | null) => {
        removed.push(member ? toHex(member) : '');
        return Promise.resolve();
      },
    } as unknown as AdminDuties;
    const none = () => Promise.resolve();
    const actions = createOrganisationActions(env, none as never, admin, none, none);
    await actions.afterCoalitionChange(before);
    expect(removed).toEqual([]);
    // One who really left the coalition is removed.
    env.groups.set(toHex(coalitionId), group(coalitionId, null, [ME]));
    await actions.afterCoalitionChange(before);
    expect(removed).toEqual([NEW_MEMBER]);
  });
});
