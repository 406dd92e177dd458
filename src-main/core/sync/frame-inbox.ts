// Hands the relay's frames on in arrival order, once the turn's frames are all in: a burst of
// envelopes (a catch-up) is shared with the verify worker, which checks signatures from the newest
// end while this thread handles the frames from the oldest, so two cores verify at once.
import { envelopeSigningBytes, type Envelope } from '../../../src-shared/protocol/envelope';
import type { SharedBurst, SignedItem, VerifyWorker } from '../crypto/verify-worker';
import { ciphertextHash } from './envelope-crypto';

/** Below this many envelopes in one turn, handing them to the worker costs more than it saves. */
const MIN_BURST = 64;
/**
 * Envelopes in consecutive bursts before the worker takes part: a shorter catch-up (one from a
 * recent snapshot) is over before the worker would have started, and would only pay for its start.
 */
const LONG_CATCH_UP = 600;

export interface InboxItem {
  /** A document envelope whose author's signature the worker may check; null for other frames. */
  envelope: Envelope | null;
  /** `authorSigned`: the worker found the envelope signed by its header's author. */
  handle(authorSigned: boolean): void;
}

const signedItem = (envelope: Envelope): SignedItem => ({
  publicKey: envelope.header.author,
  message: envelopeSigningBytes(
    envelope.headerBytes,
    envelope.nonce,
    ciphertextHash(envelope.ciphertext),
  ),
  signature: envelope.signature,
});

export function createFrameInbox(worker: VerifyWorker | null, onError: (error: unknown) => void) {
  let queue: InboxItem[] = [];
  let scheduled = false;
  let streak = 0;

  /** After the turn's frames are in: shared with the worker if a burst, then handled in order. */
  function drain(): void {
    scheduled = false;
    const items = queue;
    queue = [];
    const envelopes = items.filter((item) => item.envelope !== null);
    streak = envelopes.length >= MIN_BURST ? streak + envelopes.length : 0;
    const burst: SharedBurst | null =
      worker && streak > LONG_CATCH_UP
        ? worker.share(envelopes.map((item) => signedItem(item.envelope as Envelope)))
        : null;
    let n = 0;
    for (const item of items) {
      const authorSigned = item.envelope !== null && burst?.take(n++) === true;
      try {
        item.handle(authorSigned);
      } catch (error) {
        // One frame that cannot be handled must not stop the ones after it.
        onError(error);
      }
    }
  }

  return {
    push(item: InboxItem): void {
      queue.push(item);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(drain);
      }
    },
  };
}
