// How long the app waits before reconnecting: after a connection that lasted, from the shortest
// wait again; after one the relay closed at once (a relay that fails every session the same way),
// longer each time, so that a client never reconnects in a tight loop.
import { describe, expect, it } from 'vitest';
import { attemptAfter, STABLE_CONNECTION_MS } from '../../src-main/core/sync/relay-backoff';

describe('reconnection backoff', () => {
  it('starts again from the shortest wait only after a connection that lasted', () => {
    expect(attemptAfter(5, STABLE_CONNECTION_MS + 1)).toBe(0);
    expect(attemptAfter(5, 200)).toBe(5);
    expect(attemptAfter(5, null)).toBe(5);
  });
});
