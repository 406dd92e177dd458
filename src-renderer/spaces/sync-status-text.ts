// What the space's sync line says. This device's membership comes first: a removed member's app is
// still connected to the relay, but nothing of that space reaches it any more, so "Connected" would
// mislead. Then, for a member, the relay connection. Also: when the offline banner shows, and the
// sentence that says what this device may do in a read-only space.
import type { SpaceSummary, SyncState } from '../../src-shared/api';

type Connection = SyncState['connection'];

export type SyncLineKey =
  | 'sync.removed'
  | 'sync.left'
  | 'sync.awaitingApproval'
  | 'sync.declined'
  | 'sync.disabled'
  | 'sync.offline'
  | 'sync.connecting'
  | 'sync.syncing'
  | 'sync.connected';

export interface SyncLine {
  key: SyncLineKey;
  /** For sync.syncing: how many edits wait. */
  count?: number;
  /** The dot's look: membership ended or waiting, or the connection state. */
  tone: Connection | 'ended' | 'waiting';
}

export function syncLine(
  membership: SpaceSummary['status'],
  connection: Connection,
  pending: number,
): SyncLine {
  if (membership === 'removed') return { key: 'sync.removed', tone: 'ended' };
  if (membership === 'left') return { key: 'sync.left', tone: 'ended' };
  if (membership === 'declined') return { key: 'sync.declined', tone: 'ended' };
  if (membership === 'pending') return { key: 'sync.awaitingApproval', tone: 'waiting' };
  if (connection === 'disabled') return { key: 'sync.disabled', tone: connection };
  if (connection === 'offline') return { key: 'sync.offline', tone: connection };
  if (connection === 'connecting') return { key: 'sync.connecting', tone: connection };
  if (pending > 0) return { key: 'sync.syncing', count: pending, tone: connection };
  return { key: 'sync.connected', tone: connection };
}

/**
 * Whether the offline banner shows, given whether it showed before. Offline shows it; while the
 * engine retries ('connecting') it stays as it was, so it does not flicker with every attempt;
 * connected, or no relay set (the person's choice, said in the sync line), hides it.
 */
export function offlineBannerShown(before: boolean, connection: Connection | null): boolean {
  if (connection === 'offline') return true;
  if (connection === 'connecting') return before;
  return false;
}

export type ReadOnlyReason = 'viewer' | 'removed' | 'left' | 'pending' | 'declined' | null;

/** Why this device cannot write in the space (null: it can, or nothing of it is here to read). */
export function readOnlyReason(
  space: Pick<SpaceSummary, 'status' | 'role' | 'wiped'>,
): ReadOnlyReason {
  if (space.wiped || space.status === 'invited') return null;
  if (space.status === 'active') return space.role === 'viewer' ? 'viewer' : null;
  return space.status;
}

export const READ_ONLY_TEXT = {
  viewer: 'space.readOnly',
  removed: 'space.readOnlyRemoved',
  left: 'space.readOnlyLeft',
  pending: 'space.readOnlyPending',
  declined: 'space.readOnlyDeclined',
} as const satisfies Record<Exclude<ReadOnlyReason, null>, string>;
