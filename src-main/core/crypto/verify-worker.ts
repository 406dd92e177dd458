// Ed25519 checks shared with a worker thread: exactly verify()'s libsodium call
// (crypto_sign_verify_detached, same lengths), so that a catch-up's thousands of checks use two cores.
import { Worker } from 'node:worker_threads';
import { SIGNATURE_BYTES, SIGN_PUBLIC_KEY_BYTES, SODIUM_PATH } from './sodium';

export interface SignedItem {
  publicKey: Uint8Array;
  message: Uint8Array;
  signature: Uint8Array;
}

/** Per item, in shared memory: who took it and, for the worker, what it found. */
const FREE = 0;
const WORKER_BUSY = 1;
const WORKER_VALID = 2;
const WORKER_INVALID = 3;
const CALLER = 4;

// CommonJS because eval workers are scripts. The worker takes items from the end, the caller from
// the start, each claiming an item with a compare-and-swap; where they meet, the worker stops. So no
// item is checked twice and neither side waits for the other.
const WORKER_CODE = `
const { workerData, parentPort } = require('node:worker_threads');
const sodium = require(workerData.sodiumPath);
sodium.ready.then(() => {
  parentPort.on('message', ({ keys, signatures, messages, ends, shared }) => {
    const state = new Int32Array(shared);
    for (let i = ends.length - 1; i >= 0; i--) {
      if (Atomics.compareExchange(state, i, ${FREE}, ${WORKER_BUSY}) !== ${FREE}) return;
      const key = keys.subarray(i * ${SIGN_PUBLIC_KEY_BYTES}, (i + 1) * ${SIGN_PUBLIC_KEY_BYTES});
      const signature = signatures.subarray(i * ${SIGNATURE_BYTES}, (i + 1) * ${SIGNATURE_BYTES});
      let ok = false;
      try {
        ok = sodium.crypto_sign_verify_detached(signature, messages.subarray(i > 0 ? ends[i - 1] : 0, ends[i]), key);
      } catch {
        ok = false;
      }
      Atomics.store(state, i, ok ? ${WORKER_VALID} : ${WORKER_INVALID});
    }
  });
});
`;

function pack(items: readonly SignedItem[]) {
  const keys = new Uint8Array(items.length * SIGN_PUBLIC_KEY_BYTES);
  const signatures = new Uint8Array(items.length * SIGNATURE_BYTES);
  const ends = new Uint32Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += item.message.length;
    ends[i] = total;
  });
  const messages = new Uint8Array(total);
  items.forEach((item, i) => {
    keys.set(item.publicKey, i * SIGN_PUBLIC_KEY_BYTES);
    signatures.set(item.signature, i * SIGNATURE_BYTES);
    messages.set(item.message, (ends[i] ?? 0) - item.message.length);
  });
  return { keys, signatures, messages, ends };
}

/** A burst shared with the worker; the caller goes through it in order, from the first item. */
export interface SharedBurst {
  /**
   * Claims item i: true when the worker verified its signature, null when the caller must check
   * it (the worker had not reached it, or found it invalid: the caller's own check decides).
   */
  take(i: number): true | null;
}

const ALONE: SharedBurst = { take: () => null };

export interface VerifyWorker {
  share(items: readonly SignedItem[]): SharedBurst;
  stop(): void;
}

/** One worker, started on the first burst, never keeping the process alive. */
export function createVerifyWorker(): VerifyWorker {
  let worker: Worker | null = null;
  let broken = false;

  const start = (): Worker => {
    const w = new Worker(WORKER_CODE, { eval: true, workerData: { sodiumPath: SODIUM_PATH } });
    w.unref();
    // A worker that fails is not tried again: every check stays on the caller's thread.
    const fail = (): void => {
      broken = true;
      worker = null;
    };
    w.on('error', fail);
    w.on('exit', fail);
    return w;
  };

  return {
    share(items) {
      const malformed = items.some(
        (item) =>
          item.publicKey.length !== SIGN_PUBLIC_KEY_BYTES ||
          item.signature.length !== SIGNATURE_BYTES,
      );
      if (broken || malformed || items.length === 0) return ALONE;
      const state = new Int32Array(new SharedArrayBuffer(items.length * 4));
      try {
        worker ??= start();
        const packed = pack(items);
        worker.postMessage({ ...packed, shared: state.buffer }, [
          packed.keys.buffer,
          packed.signatures.buffer,
          packed.messages.buffer,
          packed.ends.buffer,
        ]);
      } catch {
        return ALONE;
      }
      return {
        take(i) {
          const was = Atomics.compareExchange(state, i, FREE, CALLER);
          return was === WORKER_VALID ? true : null;
        },
      };
    },
    stop() {
      const w = worker;
      worker = null;
      broken = true;
      void w?.terminate();
    },
  };
}
