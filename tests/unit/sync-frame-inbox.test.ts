// A catch-up's burst of envelopes is verified on two cores (frame-inbox + verify-worker): every frame
// is still handled, in arrival order, and only a signature libsodium accepts is ever passed on as
// checked; a forged one in the middle of the burst is left for the verifier's own check.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/protocol/envelope';
import { randomBytes, sodiumReady } from '../../src-main/core/crypto/sodium';
import { createVerifyWorker, type VerifyWorker } from '../../src-main/core/crypto/verify-worker';
import { sealEnvelope } from '../../src-main/core/sync/envelope-crypto';
import { createFrameInbox } from '../../src-main/core/sync/frame-inbox';
import { updateHeader } from '../support/envelope-headers';
import { device, signer, type Device } from '../support/test-devices';

let author: Device;
const workers: VerifyWorker[] = [];
beforeAll(async () => {
  await sodiumReady();
  author = device();
});
afterEach(() => workers.splice(0).forEach((w) => w.stop()));

function envelopes(n: number, forgedAt: number): Envelope[] {
  const [groupId, docId, key] = [randomBytes(16), randomBytes(16), randomBytes(32)];
  return Array.from({ length: n }, (_, i) => {
    const header = updateHeader({ groupId, docId, author: author.signing.publicKey, clock: i + 1 });
    const { envelope } = sealEnvelope(header, new Uint8Array([i % 256]), key, signer(author));
    if (i !== forgedAt) return envelope;
    const signature = envelope.signature.slice();
    signature[0] = (signature[0] ?? 0) ^ 0x01;
    return { ...envelope, signature };
  });
}

/** Pushes the burst in one turn, as a socket read does; resolves with what each frame was told. */
function run(worker: VerifyWorker | null, burst: Envelope[], errors: unknown[] = []) {
  return new Promise<{ order: number[]; signed: boolean[] }>((resolve) => {
    const inbox = createFrameInbox(worker, (error) => errors.push(error));
    const order: number[] = [];
    const signed: boolean[] = [];
    burst.forEach((envelope, i) =>
      inbox.push({
        envelope,
        handle(authorSigned) {
          order.push(i);
          signed[i] = authorSigned;
          if (i === 3) throw new Error('a frame that cannot be handled');
          if (i === burst.length - 1) resolve({ order, signed });
        },
      }),
    );
  });
}

describe('a burst of envelopes shared with the verify worker', () => {
  it('handles every frame in order, and never passes a forged signature on as checked', async () => {
    const worker = createVerifyWorker();
    workers.push(worker);
    const burst = envelopes(2000, 1500);
    // The worker starts on the first burst (a loaded machine may need several to see it take part).
    let checkedThere = 0;
    for (let attempt = 0; attempt < 10 && checkedThere === 0; attempt++) {
      const errors: unknown[] = [];
      const { order, signed } = await run(worker, burst, errors);
      expect(order).toEqual(burst.map((_, i) => i));
      expect(signed[1500]).toBe(false);
      // A frame that throws is reported, and the frames after it are still handled.
      expect(errors).toHaveLength(1);
      checkedThere = signed.filter(Boolean).length;
      // What the worker did not reach is left to the verifier on this thread.
      expect(checkedThere).toBeLessThan(burst.length);
    }
    expect(checkedThere).toBeGreaterThan(0);
  });

  it('leaves every check to the verifier when there is no worker, or it has stopped', async () => {
    const stopped = createVerifyWorker();
    stopped.stop();
    for (const worker of [null, stopped]) {
      const { order, signed } = await run(worker, envelopes(100, 50));
      expect(order).toHaveLength(100);
      expect(signed.some(Boolean)).toBe(false);
    }
  });
});
