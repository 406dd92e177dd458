// A catch-up's burst of envelopes is verified on two cores (frame-inbox + verify-worker): every frame
// is still handled, in arrival order, and only a signature libsodium accepts is ever passed on as
// checked; a forged one in the middle of the burst is left for the verifier's own check.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envelopeSigningBytes, type Envelope } from '../../src-shared/protocol/envelope';
import { randomBytes, sodiumReady, verify } from '../../src-main/core/crypto/sodium';
import { createVerifyWorker, type VerifyWorker } from '../../src-main/core/crypto/verify-worker';
import { ciphertextHash, sealEnvelope } from '../../src-main/core/sync/envelope-crypto';
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

function checkHere(envelope: Envelope): boolean {
  const message = envelopeSigningBytes(
    envelope.headerBytes,
    envelope.nonce,
    ciphertextHash(envelope.ciphertext),
  );
  return verify(envelope.header.author, message, envelope.signature);
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
          // What the worker did not vouch for, this thread checks, as the verifier does: that
          // takes the time in which the worker works through the burst from its other end.
          if (!authorSigned) checkHere(envelope);
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
    // The worker starts on the first burst; it may need a few more, each taking this thread ~0.1 s
    // of checks, to be running (libsodium loads) while one is handled.
    let checkedThere = 0;
    for (let attempt = 0; attempt < 30 && checkedThere === 0; attempt++) {
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
