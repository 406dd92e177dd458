// What the space's sync line says. This device's membership comes first: a removed member's app is
// still connected to the relay, but nothing of that space reaches it any more, so "Connected" would
// mislead. Then, for a member, the relay connection: through Tor or a proxy it says so, and when the
// proxy is what failed, it says that and what to do (start Tor; check the relay address); a relay
// refused for its identity (another key than the pinned one) is said whatever the route. Also: when
// the offline banner shows, and the sentence that says what this device may do in a read-only space.
import type { SpaceSummary, SyncState } from '../../src-shared/api';

type Connection = SyncState['connection'];
type Via = SyncState['via'];
type Problem = SyncState['problem'];
type ProxyProblem = Extract<NonNullable<Problem>, 'proxy-unreachable' | 'proxy-refused'>;
type IdentityProblem = Exclude<NonNullable<Problem>, ProxyProblem>;

export type SyncLineKey =
  | 'sync.removed'
  | 'sync.left'
  | 'sync.awaitingApproval'
  | 'sync.declined'
  | 'sync.disabled'
  | 'sync.offline'
  | 'sync.connecting'
  | 'sync.syncing'
  | 'sync.connected'
  | 'sync.connectedTor'
  | 'sync.connectedProxy'
  | 'sync.torUnreachable'
  | 'sync.proxyUnreachable'
  | 'sync.torRefused'
  | 'sync.proxyRefused'
  | 'sync.relayKeyChanged'
  | 'sync.relaySignatureInvalid'
  | 'sync.onionNeedsTor';

/** The lines whose fix is in Settings (the relay, the connection): they offer to open it. */
export const SETTINGS_LINES: readonly SyncLineKey[] = [
  'sync.disabled',
  'sync.torUnreachable',
  'sync.proxyUnreachable',
  'sync.torRefused',
  'sync.proxyRefused',
  'sync.relayKeyChanged',
  'sync.relaySignatureInvalid',
  'sync.onionNeedsTor',
];

const PROBLEM_LINES = {
  tor: { 'proxy-unreachable': 'sync.torUnreachable', 'proxy-refused': 'sync.torRefused' },
  socks5: { 'proxy-unreachable': 'sync.proxyUnreachable', 'proxy-refused': 'sync.proxyRefused' },
} as const satisfies Record<Exclude<Via, 'direct'>, Record<ProxyProblem, SyncLineKey>>;

const IDENTITY_LINES = {
  'relay-key-changed': 'sync.relayKeyChanged',
  'relay-signature-invalid': 'sync.relaySignatureInvalid',
  'onion-needs-tor': 'sync.onionNeedsTor',
} as const satisfies Record<IdentityProblem, SyncLineKey>;

const isIdentityProblem = (problem: Problem): problem is IdentityProblem =>
  problem !== null && problem in IDENTITY_LINES;
const isProxyProblem = (problem: Problem): problem is ProxyProblem =>
  problem === 'proxy-unreachable' || problem === 'proxy-refused';

const CONNECTED_LINES = {
  direct: 'sync.connected',
  tor: 'sync.connectedTor',
  socks5: 'sync.connectedProxy',
} as const satisfies Record<Via, SyncLineKey>;

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
  via: Via = 'direct',
  problem: Problem = null,
): SyncLine {
  if (membership === 'removed') return { key: 'sync.removed', tone: 'ended' };
  if (membership === 'left') return { key: 'sync.left', tone: 'ended' };
  if (membership === 'declined') return { key: 'sync.declined', tone: 'ended' };
  if (membership === 'pending') return { key: 'sync.awaitingApproval', tone: 'waiting' };
  if (connection === 'disabled') return { key: 'sync.disabled', tone: connection };
  // The relay was refused for its identity: that, not "offline", is what the person must know.
  if (connection !== 'connected' && isIdentityProblem(problem)) {
    return { key: IDENTITY_LINES[problem], tone: 'offline' };
  }
  // The proxy is what failed: say which, and what to do, rather than "offline" or "connecting".
  if (connection !== 'connected' && isProxyProblem(problem) && via !== 'direct') {
    return { key: PROBLEM_LINES[via][problem], tone: 'offline' };
  }
  if (connection === 'offline') return { key: 'sync.offline', tone: connection };
  if (connection === 'connecting') return { key: 'sync.connecting', tone: connection };
  if (pending > 0) return { key: 'sync.syncing', count: pending, tone: connection };
  return { key: CONNECTED_LINES[via], tone: connection };
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
