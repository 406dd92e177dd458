// Appending one log entry of mine: every member action and the admin's rotation go through here, so
// each is built against the freshest log and retried the same way after a lost race.
import { MembershipError } from '../../../src-shared/protocol/membership-state';
import { fromHex } from '../crypto/sodium';
import { extendLog } from '../groups/group-checks';
import type { StoredGroup } from '../groups/group-store';
import { membershipProblem, statusIn } from './membership-rules';
import { activeGroup, requireConnection, type MembershipEnv } from './membership-store';
import { RelayRequestError } from './relay-requests';

export type Appended<T> = { built: T; group: StoredGroup; before: StoredGroup };
export type AppendMine = <T extends { entry: Uint8Array }>(
  spaceId: string,
  build: (group: StoredGroup) => T,
) => Promise<Appended<T>>;

/**
 * Appends one entry of mine: built against the freshest log, checked by the shared rules, sent,
 * and on a lost race (someone appended first) built again once against the new log. The result is
 * not stored yet: the caller commits it (some add keys first).
 */
export function appender(
  env: MembershipEnv,
  refreshGroup: (groupId: Uint8Array) => Promise<boolean>,
): AppendMine {
  return async <T extends { entry: Uint8Array }>(
    spaceId: string,
    build: (group: StoredGroup) => T,
  ): Promise<Appended<T>> => {
    const c = requireConnection(env);
    for (let attempt = 1; ; attempt++) {
      await refreshGroup(fromHex(spaceId)).catch(() => false);
      const group = activeGroup(env, spaceId);
      let built: T;
      try {
        built = build(group);
      } catch (error) {
        if (error instanceof MembershipError) throw membershipProblem(error);
        throw error;
      }
      try {
        await c.request({ type: 'groupAppend', entry: built.entry });
      } catch (error) {
        if (error instanceof RelayRequestError && error.code === 'logConflict' && attempt < 3)
          continue;
        throw error;
      }
      const log = extendLog(group, [built.entry], group.entries.length);
      const next: StoredGroup = {
        ...group,
        entries: log.entries,
        state: log.state,
        status: statusIn(log.state, env.meHex, group.status),
      };
      return { built, group: next, before: group };
    }
  };
}
