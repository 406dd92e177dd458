// A CAUGHT_UP is judged against what this device had processed when it arrived, not when the frames
// held ahead of it (waiting for a key or a longer log) are through: live frames that arrive after
// it may be through first, and judging later took them for a relay whose last seq fell, telling the
// user the relay lost messages it had not. And a CAUGHT_UP whose catch-up was replaced is dropped.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  randomBytes,
  sign,
  signingKeyPairFromSeed,
  sodiumReady,
} from '../../src-main/core/crypto/sodium';
import { sealEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { createFrameRouter } from '../../src-main/core/sync/frame-router';
import { createHeldFrames } from '../../src-main/core/sync/held-frames';
import type { OpenDoc, OpenDocs } from '../../src-main/core/sync/open-documents';
import { toHex } from '../../src-shared/protocol/bytes';
import type { RelayFrame } from '../../src-shared/protocol/frames';
import { updateHeader } from '../support/envelope-headers';

beforeAll(sodiumReady);

/** A document whose group holds a log of 3 entries: frames naming 10 wait for a refresh. */
function scene() {
  const groupId = randomBytes(16);
  const docId = randomBytes(16);
  const docHex = toHex(docId);
  const author = signingKeyPairFromSeed(randomBytes(32));
  const events: string[] = [];
  let lastSeq = 0;
  const group = {
    groupId,
    epochKeys: new Map([[0, new Uint8Array(32)]]),
    state: { length: 3, epoch: 0 },
  };
  const doc = {
    group,
    sync: {
      onDeliver: (seq: number) => {
        events.push(`deliver ${seq}`);
        lastSeq = Math.max(lastSeq, seq);
      },
      onLink: () => undefined,
      // What DocumentSync decides on arrival: a last seq below what it processed is a rewind.
      onCaughtUpArrived: (seq: number) => {
        const fell = seq < lastSeq;
        events.push(fell ? `rewound at ${seq}` : `arrived ${seq}`);
        return fell;
      },
    },
  } as unknown as OpenDoc;
  const docs: OpenDocs = new Map([[docHex, doc]]);
  let refreshed: () => void = () => undefined;
  const held = createHeldFrames({
    docs,
    refreshQuietly: () => new Promise<boolean>((resolve) => (refreshed = () => resolve(true))),
    onFrameError: (error) => {
      throw error;
    },
  });
  const route = createFrameRouter({
    docs,
    held,
    isStopped: () => false,
    warn: (_doc, reason) => events.push(`warn ${reason}`),
    refreshQuietly: () => Promise.resolve(true),
    onEphemeral: () => undefined,
    onCaughtUpArrived: (d, seq) =>
      (d.sync as unknown as { onCaughtUpArrived(s: number): boolean }).onCaughtUpArrived(seq),
    onCaughtUp: () => events.push('caught up'),
    onMailChanged: () => undefined,
    verifyWorker: null,
    onFrameError: (error) => {
      throw error;
    },
  });
  const deliver = (seq: number): RelayFrame => {
    const header = updateHeader({ groupId, docId, author: author.publicKey, clock: seq });
    const sealed = sealEnvelope(
      { ...header, log: { length: 10, head: new Uint8Array(32) } },
      new Uint8Array([0]),
      new Uint8Array(32),
      (m) => sign(author.secretKey, m),
    );
    return { type: 'deliver', seq, envelope: sealed.bytes };
  };
  const caughtUp = (seq: number): RelayFrame => ({ type: 'caughtUp', groupId, docId, seq });
  /** The log arrives (as the group refresh stores it, the engine releases what waited). */
  const release = (): void => {
    group.state.length = 10;
    refreshed();
    held.release(docHex);
  };
  return { route, deliver, caughtUp, release, held, docHex, events };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a CAUGHT_UP behind held frames', () => {
  it('is judged as it arrives, so live frames through before it are no rewind', async () => {
    const s = scene();
    s.route(s.deliver(1));
    s.route(s.deliver(2));
    s.route(s.caughtUp(2));
    // Live, after the catch-up: queued behind the held ones.
    s.route(s.deliver(3));
    await turn();
    s.release();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(s.events).toEqual(['arrived 2', 'deliver 1', 'deliver 2', 'deliver 3', 'caught up']);
  });

  it('is dropped when a new catch-up replaced its own', async () => {
    const s = scene();
    s.route(s.deliver(1));
    s.route(s.caughtUp(1));
    await turn();
    // A resubscribe drops what waited: those frames and that catch-up's end come again.
    s.held.drop(s.docHex);
    s.release();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(s.events).toEqual(['arrived 1']);
  });
});
