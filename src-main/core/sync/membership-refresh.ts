// Keeps each group's verified log and my epoch keys current from the relay: paged fetch, where I
// stand, which keys are sealed to me, and retrying a while when a key has not arrived yet.
import { pendingEpochKeys } from '../groups/group-store';
import { toHex } from '../../../src-shared/protocol/bytes';
import type { GroupState } from '../../../src-shared/protocol/membership-state';
import { PolicyFlag } from '../../../src-shared/protocol/wire-constants';
import { fromHex } from '../crypto/sodium';
import {
  GroupVerificationError,
  keyMatchesCommitment,
  openMyEpochKey,
  readMetadata,
} from '../groups/group-checks';
import { wipeGroupContent, type StoredGroup } from '../groups/group-store';
import { MAX_SPACE_NAME, pagedLog, statusIn } from './membership-rules';
import { commitGroup, requireConnection, type MembershipEnv } from './membership-store';
import { inOtherOrganisation, isOrganisationOf } from './organisation-rules';
import type { RelayConnection } from './relay-connection';
import { RelayRequestError } from './relay-requests';

const KEY_RETRY_MS = 300;
const KEY_RETRIES = 20;

export interface LogRefresh {
  /** Fetches a group's log from what we know, verifies it, takes my new keys; true if it changed. */
  refreshGroup(groupId: Uint8Array): Promise<boolean>;
  refreshAllGroups(): Promise<void>;
  /** My key for the current epoch is not here yet: ask again a little later, a bounded number of times. */
  retryLater(groupId: Uint8Array): void;
}

/** Opens every epoch key sealed to me that I do not hold yet; a missing one is simply left out. */
function collectEpochKeys(
  env: MembershipEnv,
  state: GroupState,
  held: ReadonlyMap<number, Uint8Array>,
  lockboxes: readonly Uint8Array[],
): Map<number, Uint8Array> {
  const keys = new Map(held);
  for (let epoch = 0; epoch <= state.epoch; epoch++) {
    if (keys.has(epoch)) continue;
    // A key I made for this epoch before a crash: mine if the log commits to it.
    const mine = pendingEpochKeys(env.db, state.groupId, epoch).find((key) =>
      keyMatchesCommitment(state, epoch, key),
    );
    if (mine) {
      keys.set(epoch, mine);
      continue;
    }
    try {
      keys.set(
        epoch,
        openMyEpochKey({ state, me: env.me, epoch, lockboxes, openSealed: env.openSealed }),
      );
    } catch (error) {
      if (!(error instanceof GroupVerificationError)) throw error;
      // A missing lockbox for an old epoch is normal (I joined later); a bad one is an attack.
      if (error.reason !== 'no-lockbox') env.warn(`group-${error.reason}`);
    }
  }
  return keys;
}

async function fetchLog(c: RelayConnection, groupId: Uint8Array, known: StoredGroup | null) {
  let lockboxes: Uint8Array[] = [];
  const log = await pagedLog(known, async (fromIndex) => {
    const answer = await c.request({ type: 'groupFetch', groupId, fromIndex });
    if (answer.type !== 'groupEntries') throw new Error('unexpected answer to GROUP_FETCH');
    lockboxes = answer.lockboxes;
    return answer;
  });
  return { log, lockboxes };
}

/**
 * afterChange runs once a changed group is stored (the admin duties); it is called late-bound so the
 * duties, which refresh in turn, can be built after this.
 */
export function createLogRefresh(
  env: MembershipEnv,
  afterChange: (stored: StoredGroup, before: GroupState | null) => Promise<void>,
): LogRefresh {
  const retries = new Map<string, number>();

  function retryLater(groupId: Uint8Array): void {
    const hex = toHex(groupId);
    const count = retries.get(hex) ?? 0;
    if (count >= KEY_RETRIES) return;
    retries.set(hex, count + 1);
    setTimeout(
      () => {
        if (env.isStopped()) return;
        void refreshGroup(groupId)
          .then((changed) => {
            if (changed) retries.delete(hex);
          })
          .catch(() => undefined);
      },
      KEY_RETRY_MS * Math.min(count + 1, 10),
    ).unref();
  }

  /**
   * An invite link carries no keys (protocol v3), so a joiner learns the space's name once an
   * admin's lockbox brings the epoch-0 key that opens the log's metadata.
   */
  function withName(group: StoredGroup, keys: ReadonlyMap<number, Uint8Array>): StoredGroup {
    const epoch0 = keys.get(0);
    if (group.name || !epoch0) return group;
    try {
      return { ...group, name: readMetadata(group.state, epoch0).name.slice(0, MAX_SPACE_NAME) };
    } catch {
      return group;
    }
  }

  /** The group as the fetched log makes it, or null when nothing changed or a key must come first. */
  function nextGroup(
    groupId: Uint8Array,
    known: StoredGroup | null,
    fetched: Awaited<ReturnType<typeof fetchLog>>,
  ): StoredGroup | null {
    const { log, lockboxes } = fetched;
    const status = statusIn(log.state, env.meHex, known?.status ?? null);
    const epochKeys =
      status === 'active' || status === 'invited'
        ? collectEpochKeys(env, log.state, known?.epochKeys ?? new Map(), lockboxes)
        : new Map(known?.epochKeys ?? []);
    if (known) {
      if (
        log.entries.length === known.entries.length &&
        epochKeys.size === known.epochKeys.size &&
        status === known.status
      ) {
        if (status === 'active' && !epochKeys.has(log.state.epoch)) retryLater(groupId);
        const named = known.name ? known : withName(known, epochKeys);
        return named.name ? named : null;
      }
      // Added again after a removal: a wiped copy starts afresh from the relay.
      const wiped = known.wiped && status !== 'active' && status !== 'invited';
      return withName(
        { ...known, entries: log.entries, state: log.state, epochKeys, status, wiped },
        epochKeys,
      );
    }
    // Added by an admin with a device code: the metadata needs the epoch-0 key.
    const epoch0 = epochKeys.get(0);
    if (!epoch0) {
      retryLater(groupId);
      return null;
    }
    const metadata = readMetadata(log.state, epoch0);
    const parentId = metadata.parent ? fromHex(metadata.parent) : null;
    // An organisation of a coalition I am in, made by one of its admins, is part of that space:
    // no invitation to answer. Any other group claiming a parent is not shown at all.
    if (parentId && !isOrganisationOf(env.groups.get(metadata.parent ?? ''), log.state)) {
      return null;
    }
    // Not joined, and said, naming the admin who made it; asked again at each refresh, so leaving
    // the other organisation first lets this one in.
    if (parentId && inOtherOrganisation(env.groups.values(), toHex(parentId), groupId)) {
      env.warn('second-organisation', toHex(log.state.creator));
      return null;
    }
    return {
      groupId,
      relayUrl: env.relayUrl,
      name: metadata.name.slice(0, MAX_SPACE_NAME),
      docId: fromHex(metadata.docId),
      entries: log.entries,
      state: log.state,
      epochKeys,
      status: parentId && status === 'invited' ? 'active' : status,
      wiped: false,
      parentId,
    };
  }

  async function refreshGroup(groupId: Uint8Array): Promise<boolean> {
    const c = requireConnection(env);
    const known = env.groups.get(toHex(groupId)) ?? null;
    try {
      const fetched = await fetchLog(c, groupId, known);
      let next = nextGroup(groupId, known, fetched);
      if (!next) return false;
      const wipe =
        next.status === 'removed' &&
        !next.wiped &&
        (next.state.policy & PolicyFlag.wipeOnRemoval) !== 0;
      if (wipe) next = { ...next, epochKeys: new Map(), wiped: true };
      // The wipe with the log that removes me, never before it: the app stopping in between would
      // leave me a member on the old log with my content and keys already deleted.
      const stored = commitGroup(env, next, known, () => {
        if (wipe) wipeGroupContent(env.db, groupId);
      });
      if (stored.status === 'active' && !stored.epochKeys.has(stored.state.epoch)) {
        retryLater(groupId);
      }
      await afterChange(stored, known?.state ?? null);
      return true;
    } catch (error) {
      if (error instanceof GroupVerificationError) {
        env.warn(`group-${error.reason}`);
        return false;
      }
      throw error;
    }
  }

  async function refreshAllGroups(): Promise<void> {
    const c = requireConnection(env);
    const answer = await c.request({ type: 'listGroups' });
    if (answer.type !== 'groupList') return;
    const ids = new Map(answer.groupIds.map((id) => [toHex(id), id]));
    // A pending joiner is not listed until approved: ask about the groups I know of too.
    for (const group of env.groups.values()) ids.set(toHex(group.groupId), group.groupId);
    for (const groupId of ids.values()) {
      try {
        await refreshGroup(groupId);
      } catch (error) {
        // Offline again: nothing more can be asked now (the next connection refreshes all).
        if (error instanceof RelayRequestError && error.code === 'offline') throw error;
        // One space's trouble (a refused or timed-out lockbox put) must not keep the others from
        // learning of removals, epochs and keys: it is tried again shortly, the rest go on.
        retryLater(groupId);
      }
    }
  }

  return { refreshGroup, refreshAllGroups, retryLater };
}
