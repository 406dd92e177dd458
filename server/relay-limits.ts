// The limits one relay runs with: the shared defaults of LIMITS.relay, overridable per relay, plus
// the few that only the relay's own robustness needs.
import { LIMITS } from '../src-shared/limits';

export interface RelayLimits {
  /** Largest frame the relay answers; protocol decoders cap this at LIMITS.relay.maxFrameBytes. */
  maxFrameBytes: number;
  /** Frames per connection per second, sustained; bursts up to twice that. */
  ratePerSecond: number;
  documentsPerGroup: number;
  bytesPerGroup: number;
  /** Live shares per group (SHARE_PUT). */
  sharesPerGroup: number;
  /**
   * Entries in one group's membership log (GROUP_APPEND); past it only leaving and removals
   * (src-shared/protocol/log-room.ts).
   */
  maxLogEntries: number;
  /**
   * Bytes past bytesPerGroup that only lockboxes may use: a group whose documents filled its
   * storage can still be given the key of a new epoch (~45,000 lockboxes).
   */
  lockboxReserveBytes: number;
  authTimeoutMs: number;
  maxGroupsListed: number;
  /** Consecutive malformed frames after which a connection is closed. */
  maxConsecutiveMalformed: number;
  /** Frames waiting to be handled per connection before the relay stops reading from its socket. */
  maxPendingFrames: number;
  /**
   * Bytes of those frames: 64 frames of a megabyte each would otherwise sit in memory per
   * connection, so reading also pauses once this much waits.
   */
  maxPendingBytes: number;
  /**
   * Connections this process holds at once, signed in or not; more are closed at once (1013). A
   * last bound on memory, since device keys cost nothing: put a per-address limit in the proxy.
   */
  maxConnections: number;
  /**
   * Signed-in connections one device may hold at once in this process; a newer one displaces the
   * oldest. The app holds one, and a few more while links it lost are not yet noticed as dead.
   */
  maxConnectionsPerDevice: number;
  /**
   * How often the relay pings each connection. One that answered nothing (no pong, no frame) to a
   * ping sent on an empty send queue is ended at the next: a peer that vanished without a close
   * (a laptop lid shut, a NAT that forgot the link) would otherwise hold its connection for ever.
   */
  heartbeatMs: number;
  /** Documents one connection may be subscribed to at once. */
  maxSubscriptions: number;
  /** Bytes queued towards one slow client before the relay gives up on it. */
  maxBufferedBytes: number;
  /**
   * How long a catch-up waits for a client whose send queue does not shrink before dropping it:
   * one that stopped reading would otherwise hold its queue and its catch-up in memory for ever.
   * Minutes, since the queue shrinks a whole write (up to ~4 MiB) at a time: ~14 KB/s passes.
   */
  stalledReaderMs: number;
  /** Membership states kept in memory; the rest are replayed from the store when needed. */
  groupCacheSize: number;
  /** How often expired shares are deleted (besides when one is fetched or put). */
  shareSweepMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxFrameBytes: LIMITS.relay.maxFrameBytes,
  ratePerSecond: LIMITS.relay.ratePerSecond,
  documentsPerGroup: LIMITS.relay.documentsPerGroup,
  bytesPerGroup: LIMITS.relay.bytesPerGroup,
  sharesPerGroup: LIMITS.relay.sharesPerGroup,
  maxLogEntries: LIMITS.relay.maxLogEntries,
  lockboxReserveBytes: 16 * 1024 * 1024,
  authTimeoutMs: LIMITS.relay.authTimeoutMs,
  maxGroupsListed: LIMITS.relay.maxGroupsListed,
  maxConsecutiveMalformed: 32,
  maxPendingFrames: 64,
  maxPendingBytes: 8 * 1024 * 1024,
  maxConnections: 50_000,
  maxConnectionsPerDevice: 8,
  heartbeatMs: 30_000,
  maxSubscriptions: 1000,
  maxBufferedBytes: 64 * 1024 * 1024,
  stalledReaderMs: 5 * 60_000,
  groupCacheSize: 10_000,
  shareSweepMs: 60_000,
};

export function resolveLimits(overrides: Partial<RelayLimits> = {}): RelayLimits {
  // An override given as undefined keeps the default.
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  const limits: RelayLimits = { ...DEFAULT_RELAY_LIMITS, ...Object.fromEntries(given) };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) throw new Error(`relay limit ${name} must be > 0`);
  }
  if (limits.maxFrameBytes > LIMITS.relay.maxFrameBytes) {
    // frames.ts and envelope.ts decode with the shared default as their bound, so a larger frame
    // would be refused as malformed anyway; say so up front instead.
    throw new Error(`maxFrameBytes can be at most ${LIMITS.relay.maxFrameBytes} in this protocol`);
  }
  return limits;
}

/**
 * The WebSocket layer's own cap, somewhat above maxFrameBytes so that a frame a little too large
 * still reaches the relay and gets a frameTooLarge answer; far larger ones close the socket (1009).
 */
export function wsMaxPayload(limits: RelayLimits): number {
  return limits.maxFrameBytes + Math.max(64 * 1024, Math.floor(limits.maxFrameBytes / 4));
}
