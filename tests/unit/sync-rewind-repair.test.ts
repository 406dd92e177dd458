// The bookkeeping around a relay that lost messages (doc-rewind.ts), on its own: when a catch-up's
// refusals are a rewritten history and when they are only a catch-up a newer one replaced, that a
// second rewind within the minute still starts over when the minute is up, that another message at
// the last seq while live starts over at once, and that a repair never sends a first snapshot to a
// relay that holds the document.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  initialVerifierState,
  type VerifierState,
} from '../../src-main/core/sync/document-verifier';
import { RewindRepair } from '../../src-main/core/sync/doc-rewind';
import type { DocOps, DocRuntime, SnapshotOutcome } from '../../src-main/core/sync/doc-runtime';

afterEach(() => {
  vi.useRealTimers();
});

function scene(verifier: Partial<VerifierState> = {}) {
  const warnings: string[] = [];
  const sent: string[] = [];
  const published: boolean[] = [];
  let subscribes = 0;
  let outcome: SnapshotOutcome = 'acked';
  const rt = {
    verifier: { ...initialVerifierState(new Uint8Array(16), new Uint8Array(16)), ...verifier },
    caughtUp: false,
    lastSent: null,
    remote: { commit: () => false },
    deps: {
      groupId: new Uint8Array(16),
      docId: new Uint8Array(16),
      onWarning: (reason: string) => warnings.push(reason),
      context: () => ({ canWrite: true }),
      connection: () => ({ send: (frame: { type: string }) => sent.push(frame.type) }),
    },
  } as unknown as DocRuntime;
  const ops = {
    subscribe: () => {
      subscribes++;
      return Promise.resolve();
    },
    flush: () => Promise.resolve(),
    publishSnapshot: (genesis: boolean) => {
      published.push(genesis);
      return Promise.resolve(outcome);
    },
  } as unknown as DocOps;
  const rewind = new RewindRepair(rt, ops, () => undefined);
  return {
    rt,
    rewind,
    warnings,
    published,
    subscribes: () => subscribes,
    setOutcome: (next: SnapshotOutcome) => (outcome = next),
  };
}

const rolledBack = { reason: 'rolled-back', detail: 'generation 2 is not above 3' };

describe('a rewound relay, the bookkeeping', () => {
  it('takes a replaced catch-up’s refusals and CAUGHT_UP for nothing', () => {
    const s = scene({ lastSeq: 10 });
    s.rewind.subscribing();
    // A second subscribe before the first catch-up is through (a group refresh opened the space).
    s.rewind.subscribing();
    expect(s.rewind.quiets(rolledBack)).toBe(true);
    // The first catch-up ends: replaced, it neither starts over nor goes live.
    expect(s.rewind.arrived(10)).toBe(true);
    expect(s.rewind.arrived(10)).toBe(false);
    expect(s.rewind.caughtUp()).toBe(false);
    expect(s.warnings).toEqual([]);
  });

  it('takes a replaced catch-up’s updates on a snapshot not taken here for no alarm', () => {
    const s = scene({ lastSeq: 10 });
    s.rewind.subscribing();
    s.rewind.subscribing();
    expect(s.rewind.quiets({ reason: 'unknown-snapshot', detail: '' })).toBe(true);
    expect(s.rewind.arrived(10)).toBe(true);
    // The newer catch-up's own are judged as always.
    expect(s.rewind.quiets({ reason: 'unknown-snapshot', detail: '' })).toBe(false);
  });

  it('still starts over after a second rewind while a repair waits to be tried again', async () => {
    vi.useFakeTimers();
    const s = scene({ lastSeq: 10 });
    s.setOutcome('unsent');
    s.rewind.subscribing();
    expect(s.rewind.arrived(0)).toBe(true);
    // The catch-up from the start: the relay holds nothing, and the first snapshot cannot go now.
    s.rewind.subscribing();
    expect(s.rewind.arrived(0)).toBe(false);
    expect(s.rewind.caughtUp()).toBe(false);
    s.rt.caughtUp = true;
    await s.rewind.repair();
    expect(s.published).toEqual([true]);
    // Within the minute the relay's last seq falls below mine again.
    s.rt.caughtUp = false;
    s.rt.verifier = { ...s.rt.verifier, lastSeq: 5 };
    s.rewind.subscribing();
    expect(s.rewind.arrived(2)).toBe(true);
    expect(s.subscribes()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(s.subscribes()).toBe(2);
    s.rewind.close();
  });

  it('starts over when its only catch-up’s snapshots do not extend the chain', () => {
    const s = scene({ lastSeq: 10 });
    s.rewind.subscribing();
    expect(s.rewind.quiets(rolledBack)).toBe(true);
    expect(s.rewind.arrived(12)).toBe(false);
    expect(s.rewind.caughtUp()).toBe(true);
    expect(s.warnings).toEqual(['relay-rewound']);
    expect(s.subscribes()).toBe(1);
  });

  it('starts over again when the minute is up, not never', () => {
    vi.useFakeTimers();
    const s = scene({ lastSeq: 10 });
    s.rewind.subscribing();
    expect(s.rewind.arrived(3)).toBe(true);
    expect(s.subscribes()).toBe(1);
    s.rt.verifier = { ...s.rt.verifier, lastSeq: 10 };
    s.rewind.subscribing();
    expect(s.rewind.arrived(3)).toBe(true);
    expect(s.subscribes()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(s.subscribes()).toBe(2);
  });

  it('starts over at once when, live, another message comes at the last seq', () => {
    const s = scene({ lastSeq: 10, lastMark: '00'.repeat(32) });
    s.rt.caughtUp = true;
    expect(s.rewind.ignores(10, () => new Uint8Array(32).fill(1))).toBe(true);
    expect(s.warnings).toEqual(['relay-rewound']);
    expect(s.subscribes()).toBe(1);
  });

  it('sends no first snapshot to a relay that holds the document', async () => {
    const s = scene({ lastSeq: 10 });
    s.rewind.subscribing();
    expect(s.rewind.arrived(3)).toBe(true);
    // The catch-up from the start: the relay's active snapshot could not be read here.
    s.rewind.subscribing();
    expect(s.rewind.arrived(3)).toBe(false);
    expect(s.rewind.caughtUp()).toBe(false);
    s.rt.caughtUp = true;
    expect(s.rewind.due).toBe(true);
    await s.rewind.repair();
    expect(s.published).toEqual([]);
    expect(s.rewind.due).toBe(true);
    s.rewind.close();
  });
});
