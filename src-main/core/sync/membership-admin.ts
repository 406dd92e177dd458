// What an admin's app does on its own: seal epoch keys to members who just came in, make sure the
// current epoch reached every member, and start a new epoch (remove or after a departure).
import { toHex } from '../../../src-shared/protocol/bytes';
import { memberAddedBy, type GroupState } from '../../../src-shared/protocol/membership-state';
import { buildNewEpoch, lockboxesFor } from '../groups/group-ops';
import {
  forgetPendingEpochKeys,
  rememberPendingEpochKey,
  type StoredGroup,
} from '../groups/group-store';
import type { AppendMine } from './membership-append';
import {
  commitGroup,
  putLockboxes,
  requireConnection,
  type MembershipEnv,
} from './membership-store';
import type { RelayConnection } from './relay-connection';
import { RelayRequestError } from './relay-requests';

class NothingToDo extends Error {}

export interface AdminDuties {
  /** Runs after the log changed (a refresh, or an entry of mine); does nothing for a non-admin. */
  afterChange(group: StoredGroup, before: GroupState | null): Promise<void>;
  /** remove (member given) or rotate: new epoch, key sealed to who stays, documents re-snapshotted. */
  rotate(groupId: Uint8Array, remove: Uint8Array | null, onlyIfNeeded?: boolean): Promise<void>;
}

export function createAdminDuties(env: MembershipEnv, appendMine: AppendMine): AdminDuties {
  const dutiesRunning = new Set<string>();
  /** Groups whose duties were asked for again while a run was under way. */
  const dutiesAgain = new Set<string>();
  /** group:epoch:member for which the member's lockbox is known to be on the relay. */
  const confirmedSeals = new Set<string>();
  const sealKey = (group: StoredGroup, memberHex: string): string =>
    `${toHex(group.groupId)}:${group.state.epoch}:${memberHex}`;

  /**
   * Seal the epoch keys to members who just joined (the invite may predate a rotation, or joins
   * needed approval), and start a new epoch after someone left.
   */
  async function afterChange(group: StoredGroup, before: GroupState | null): Promise<void> {
    if (group.status !== 'active' || group.state.members.get(env.meHex)?.role !== 'admin') return;
    const c = env.connection();
    if (!c || c.status() !== 'connected') return;
    // A rotation refreshes the group, which would start these duties again from inside.
    const hex = toHex(group.groupId);
    if (dutiesRunning.has(hex)) {
      // Not lost: once the run under way ends, the duties run again on the group as it is then
      // (a rotation asked for meanwhile must not wait for the next change).
      dutiesAgain.add(hex);
      return;
    }
    dutiesRunning.add(hex);
    try {
      await sealAndRotate(c, group, before);
    } finally {
      dutiesRunning.delete(hex);
    }
    const latest = env.groups.get(hex);
    if (dutiesAgain.delete(hex) && latest) await afterChange(latest, group.state);
  }

  async function sealAndRotate(
    c: RelayConnection,
    group: StoredGroup,
    before: GroupState | null,
  ): Promise<void> {
    if (before) {
      for (const key of memberAddedBy(before, group.state)) {
        if (toHex(key) === env.meHex) continue;
        const member = group.state.members.get(toHex(key));
        if (!member) continue;
        const recipient = { signingKey: member.key, boxKey: member.boxKey };
        await putLockboxes(c, sealed(group, recipient, group.epochKeys));
        confirmedSeals.add(sealKey(group, toHex(key)));
      }
    }
    // The current epoch reaches every member even if the admin who started it went offline before
    // all its lockboxes were out: each admin app makes sure once per member and epoch.
    const current = group.epochKeys.get(group.state.epoch);
    if (current) {
      for (const member of group.state.members.values()) {
        const hex = toHex(member.key);
        if (hex === env.meHex || confirmedSeals.has(sealKey(group, hex))) continue;
        const recipient = { signingKey: member.key, boxKey: member.boxKey };
        const only = new Map([[group.state.epoch, current]]);
        await putLockboxes(c, sealed(group, recipient, only));
        confirmedSeals.add(sealKey(group, hex));
      }
    }
    if (group.state.rotationNeeded) {
      await rotate(group.groupId, null, true).catch((error: unknown) => {
        // Another admin rotated first; the next refresh shows it.
        if (!(error instanceof RelayRequestError)) throw error;
      });
    }
  }

  function sealed(
    group: StoredGroup,
    recipient: { signingKey: Uint8Array; boxKey: Uint8Array },
    epochKeys: ReadonlyMap<number, Uint8Array>,
  ): Uint8Array[] {
    return lockboxesFor({
      groupId: group.groupId,
      recipient,
      epochKeys,
      me: env.me,
      sign: env.sign,
    });
  }

  async function rotate(
    groupId: Uint8Array,
    remove: Uint8Array | null,
    onlyIfNeeded = false,
  ): Promise<void> {
    const c = requireConnection(env);
    const appended = await appendMine(toHex(groupId), (g) => {
      // Another admin may have rotated since: then there is nothing left to do.
      if (onlyIfNeeded && !g.state.rotationNeeded) throw new NothingToDo();
      const built = buildNewEpoch({
        state: g.state,
        me: env.me,
        remove,
        sign: env.sign,
        now: Date.now(),
      });
      // In the vault before the relay hears of the epoch: a crash after its OK loses nothing.
      rememberPendingEpochKey(env.db, g.groupId, built.epoch, built.epochKey);
      return built;
    }).catch((error: unknown) => {
      if (error instanceof NothingToDo) return null;
      throw error;
    });
    if (!appended) return;
    const { built, group } = appended;
    if (group.state.epoch !== built.epoch) {
      // Removing an admin waits for a second admin: no epoch yet, and the approval starts one.
      forgetPendingEpochKeys(env.db, group.groupId, built.epoch);
      commitGroup(env, group, appended.before);
      return;
    }
    // The key is mine before the lockboxes go out: a crash in between loses nothing, the next
    // refresh (afterChange) or a retry seals it again.
    const next: StoredGroup = {
      ...group,
      epochKeys: new Map(group.epochKeys).set(built.epoch, built.epochKey),
    };
    const stored = commitGroup(env, next, group);
    // If some of these do not go out (offline, closed), sealAndRotate seals the current epoch to
    // every member it has not confirmed at the next refresh.
    await putLockboxes(c, built.lockboxes);
    for (const member of stored.state.members.keys()) confirmedSeals.add(sealKey(stored, member));
    env.rotated(stored);
  }

  return { afterChange, rotate };
}
