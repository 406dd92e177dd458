// When to try the relay again after a connection is lost: exponential backoff with full jitter (so
// a relay restart is not met by every client at the same instant). Pure; the connection keeps time.

/**
 * A connection that lasted this long was a good one: the next reconnection starts again from the
 * shortest wait. One closed sooner (a relay that fails every session the same way) keeps the wait
 * growing, so a client does not reconnect in a tight loop.
 */
export const STABLE_CONNECTION_MS = 30_000;

/** The backoff attempt after a connection that lasted `lastedMs` (null: none got through). */
export function attemptAfter(attempt: number, lastedMs: number | null): number {
  return lastedMs !== null && lastedMs >= STABLE_CONNECTION_MS ? 0 : attempt;
}

/** Full jitter: a uniformly random wait up to the exponential bound. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number): number {
  return Math.random() * Math.min(maxMs, minMs * 2 ** attempt);
}
