// What every membership unit shares: the context the engine hands in, and the few steps that touch
// the groups map or the connection, so all of them store and refuse the same way.
import { toHex } from '../../../src-shared/protocol/bytes';
import { forkIndex } from '../../../src-shared/protocol/log-fork';
import type { Sign } from '../groups/group-ops';
import { saveGroup, type StoredGroup } from '../groups/group-store';
import { SuviazError } from '../errors';
import type { Db } from '../vault/migrations';
import type { RelayConnection } from './relay-connection';
import { RelayRequestError } from './relay-requests';

export interface MembershipContext {
  db: Db;
  relayUrl: string;
  me: Uint8Array;
  myBoxKey: Uint8Array;
  sign: Sign;
  openSealed(sealed: Uint8Array): Uint8Array;
  groups: Map<string, StoredGroup>;
  connection(): RelayConnection | null;
  /** The engine swaps the group into its open documents and emits spaces.changed. */
  groupUpdated(next: StoredGroup, previous: StoredGroup | null): void;
  /** I started a new epoch: the engine snapshots the group's documents under its key. */
  rotated(group: StoredGroup): void;
  /** A sync warning; `deviceKey` (hex) names the member it is about. */
  warn(reason: string, deviceKey?: string): void;
  isStopped(): boolean;
}

/** The context plus my key in hex, which nearly every step compares against. */
export type MembershipEnv = MembershipContext & { readonly meHex: string };

export function requireConnection(env: MembershipEnv): RelayConnection {
  const c = env.connection();
  if (!c || c.status() !== 'connected') {
    throw new RelayRequestError('offline', 'Not connected to the relay. Try again when online.');
  }
  return c;
}

/**
 * Stores a group. Refreshes and my own appends can overlap (the relay tells me of my own entry):
 * the longer log wins and epoch keys are only ever added, so neither can undo the other.
 * `alongside` is written in the same transaction (a removal's wipe), only if the group is stored.
 */
export function commitGroup(
  env: MembershipEnv,
  proposed: StoredGroup,
  previous: StoredGroup | null,
  alongside: () => void = () => undefined,
): StoredGroup {
  const current = env.groups.get(toHex(proposed.groupId));
  let next = proposed;
  if (current && !proposed.wiped && forkIndex(current.entries, proposed.entries) !== null) {
    // Two refreshes (or a refresh and my append) were shown two histories: keep the one stored,
    // and say so. Mixing them would store entries that never replay again.
    env.warn('group-forked-log');
    return current;
  }
  if (current && !proposed.wiped) {
    const base = current.entries.length > proposed.entries.length ? current : proposed;
    next = { ...base, epochKeys: new Map([...current.epochKeys, ...proposed.epochKeys]) };
    // A refresh that started before I stored a space I created or joined sees it as new, hence as
    // an invitation: what I already hold as mine stays mine.
    if (
      next.status === 'invited' &&
      (current.status === 'active' || current.status === 'pending')
    ) {
      next = { ...next, status: 'active' };
    }
    // Likewise a name learned by one path is not lost to a view that had none yet.
    if (!next.name && current.name) next = { ...next, name: current.name };
  }
  env.db.transaction(() => {
    alongside();
    saveGroup(env.db, next, Date.now());
  })();
  env.groups.set(toHex(next.groupId), next);
  env.groupUpdated(next, previous);
  return next;
}

export function activeGroup(env: MembershipEnv, spaceId: string): StoredGroup {
  const group = env.groups.get(spaceId);
  if (!group) throw new SuviazError('not-found', 'There is no such space.');
  // An invited device is a member in the log: it may answer the invitation (leave) before accepting.
  if (group.status !== 'active' && group.status !== 'invited') {
    throw new SuviazError('not-member', 'This device is no longer a member of this space.');
  }
  return group;
}

/** Puts lockboxes; one already there (another admin's app, or ours before) is as good as ours. */
export async function putLockboxes(
  c: RelayConnection,
  boxes: readonly Uint8Array[],
): Promise<void> {
  for (const lockbox of boxes) {
    try {
      await c.request({ type: 'lockboxPut', lockbox });
    } catch (error) {
      if (!(error instanceof RelayRequestError) || error.code !== 'logConflict') throw error;
    }
  }
}
