// Attachments between this device and the relay: upload of sealed chunks (resuming where the
// relay's count says after a dropped connection), download into the vault (resuming from the chunks
// it holds), and opening a downloaded attachment in memory once every chunk checks.
import { LIMITS } from '../../../src-shared/limits';
import type { AttachmentRef } from '../../../src-shared/briefings/briefing-model';
import { fromHex } from '../../../src-shared/protocol/bytes';
import { memzero, SECRETSTREAM_ABYTES, secretStreamPull } from '../crypto/sodium';
import { SuviazError } from '../errors';
import type { StoredGroup } from '../groups/group-store';
import type { DocAccess } from '../sync/engine-doc-access';
import { isPassingFailure, RelayRequestError } from '../sync/relay-requests';
import type { BlobStore } from './blob-store';
import { connected, relayExpiry } from './briefing-mail';

export type Progress = (done: number, total: number) => void;

/** Chunks in flight at once: the relay's round trip and commit overlap with sending the next. */
const UPLOAD_WINDOW = 4;
/** How long a transfer waits for the relay to come back before it gives up (and can be resumed). */
const RECONNECT_WAIT_MS = 30_000;

const isOffline = (error: unknown): boolean =>
  (error instanceof SuviazError && error.code === 'relay-unreachable') || isPassingFailure(error);

async function waitForRelay(access: DocAccess, signal: AbortSignal): Promise<void> {
  const until = Date.now() + RECONNECT_WAIT_MS;
  // A pause first: a relay that is restarting or limiting the rate still looks connected.
  await new Promise((resolve) => setTimeout(resolve, 200));
  while (access.connection()?.status() !== 'connected') {
    signal.throwIfAborted();
    if (Date.now() > until) {
      throw new SuviazError('relay-unreachable', 'The relay went away. Try again when online.');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `step` until it succeeds or fails for another reason than the relay being away. */
async function resilient<T>(access: DocAccess, signal: AbortSignal, step: () => Promise<T>) {
  for (;;) {
    signal.throwIfAborted();
    try {
      return await step();
    } catch (error) {
      if (!isOffline(error)) throw error;
      await waitForRelay(access, signal);
    }
  }
}

/**
 * Runs `work` on every item with at most `width` at once; waits for all to settle and returns
 * what failed (once one failed, no new item is started).
 */
async function inWindow<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<unknown[]> {
  const failures: unknown[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && failures.length === 0) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return failures;
}

const cancelled = (): SuviazError =>
  new SuviazError('transfer-cancelled', 'Stopped. What was transferred is kept to resume.');

const damaged = (): SuviazError =>
  new SuviazError(
    'attachment-damaged',
    'This attachment was changed after it was sent (a chunk does not check). It was not opened.',
  );

const gone = (): SuviazError =>
  new SuviazError('briefing-expired', 'This briefing expired or was deleted for everyone.');

/** The sealed length of chunk `index` of the attachment, from its announced size. */
function sealedLength(ref: AttachmentRef, index: number): number {
  const plain = Math.min(ref.chunkBytes, ref.size - index * ref.chunkBytes);
  return Math.max(plain, 0) + SECRETSTREAM_ABYTES;
}

export function attachmentTransfer(blobs: BlobStore, access: DocAccess) {
  // Every chunk the briefing announced is here (whether they check is for opening to say).
  const has = (ref: AttachmentRef): boolean => blobs.count(ref.blobId) >= ref.chunks;

  async function upload(
    group: StoredGroup,
    briefingId: string,
    ref: AttachmentRef,
    expiresAt: number | null,
    signal: AbortSignal,
    progress: Progress,
  ): Promise<void> {
    const blobId = fromHex(ref.blobId);
    /** Chunks the relay has acknowledged (committed) in this upload. */
    const acked = new Set<number>();
    const put = async (index: number): Promise<void> => {
      signal.throwIfAborted();
      const bytes = blobs.get(ref.blobId, index);
      if (!bytes) throw new SuviazError('not-found', 'This attachment is no longer here.');
      await connected(access).request({
        type: 'chunkPut',
        groupId: group.groupId,
        briefingId: fromHex(briefingId),
        blobId,
        index,
        expiresAt: relayExpiry(expiresAt),
        bytes,
      });
      acked.add(index);
      progress(acked.size, ref.chunks);
    };
    try {
      for (;;) {
        // After every (re)connect the relay says how many chunks it holds without a gap; those
        // and the ones it acknowledged since are not sent again.
        const start = await resilient(access, signal, async () => {
          const answer = await connected(access).request({ type: 'chunkCount', blobId });
          return answer.type === 'ack' ? answer.seq : 0;
        });
        for (let index = 0; index < start; index++) acked.add(index);
        const todo = [...Array(ref.chunks).keys()].filter((index) => !acked.has(index));
        const failures = await inWindow(todo, UPLOAD_WINDOW, put);
        if (failures.length === 0) return;
        const other = failures.find((error) => !isOffline(error));
        if (other) throw other;
        await waitForRelay(access, signal);
      }
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw error;
    }
  }

  async function download(
    ref: AttachmentRef,
    signal: AbortSignal,
    progress: Progress,
    /** Whether its briefing is still here: an expiry or a recall may wipe it during the download. */
    stillWanted: () => boolean = () => true,
  ) {
    const blobId = fromHex(ref.blobId);
    try {
      for (let held = blobs.count(ref.blobId); held < ref.chunks; held = blobs.count(ref.blobId)) {
        signal.throwIfAborted();
        const index = held;
        const answer = await resilient(access, signal, () =>
          connected(access).request({ type: 'chunkGet', blobId, index }),
        );
        // Wiped while this chunk came: its chunks are gone, and none may be stored again.
        if (!stillWanted()) throw gone();
        if (answer.type !== 'chunk') throw new SuviazError('relay-refused', 'unexpected answer');
        // A chunk of another length than the briefing announced is not this attachment's.
        if (answer.bytes.length !== sealedLength(ref, index)) throw damaged();
        blobs.put(ref.blobId, index, answer.bytes);
        progress(index + 1, ref.chunks);
      }
      // Checked whole before it counts as downloaded: a chunk the relay changed is found now.
      openInMemory(blobs, ref, null);
    } catch (error) {
      const final = signal.aborted ? cancelled() : error;
      // Kept to resume after a cancel or a network failure; anything else leaves nothing behind.
      if (
        !(final instanceof SuviazError && final.code === 'transfer-cancelled') &&
        !isOffline(final)
      ) {
        blobs.forget(ref.blobId);
      }
      if (error instanceof RelayRequestError && error.code === 'unknownChunk') throw gone();
      throw final;
    }
  }

  return {
    has,
    upload,
    download,
    /** The plaintext, every chunk checked; only for files that can be handed over whole. */
    open(ref: AttachmentRef): Buffer {
      if (ref.size > LIMITS.briefings.openMaxBytes) {
        throw new SuviazError('attachment-too-large-to-open', 'This file is too large to open.');
      }
      if (!has(ref)) throw new SuviazError('not-found', 'Download the attachment first.');
      const out = Buffer.alloc(ref.size);
      openInMemory(blobs, ref, out);
      return out;
    },
    forget: (blobIds: string[]): void => {
      for (const blobId of blobIds) blobs.forget(blobId);
    },
  };
}

/**
 * Pulls every chunk through secretstream, into `out` when given (else only checked): a flipped
 * byte, a missing or extra chunk, or a stream cut short is refused.
 */
function openInMemory(blobs: BlobStore, ref: AttachmentRef, out: Buffer | null): void {
  const stream = secretStreamPull(
    new Uint8Array(Buffer.from(ref.key, 'base64')),
    new Uint8Array(Buffer.from(ref.header, 'base64')),
  );
  let done = 0;
  for (let i = 0; i < ref.chunks; i++) {
    const sealed = blobs.get(ref.blobId, i);
    const opened = sealed ? stream.pull(sealed) : null;
    if (!opened || opened.final !== (i === ref.chunks - 1)) throw damaged();
    if (done + opened.message.length > ref.size) throw damaged();
    out?.set(opened.message, done);
    done += opened.message.length;
    memzero(opened.message);
  }
  if (done !== ref.size) throw damaged();
}
