// Sends one shared document's local Yjs V1 updates to main, in order, without ever losing the tail: at
// most one 'docs.update' is in flight; updates made meanwhile are merged (Y.mergeUpdates) and go out
// as soon as the previous call returns. A failed update stays queued (newer ones behind it) until the
// next edit, a retry or a flush. The snapshot has the shape SaveStatus shows.
import * as Y from 'yjs';
import type { CallOutcome } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import { CoalescingQueue } from '../lib/coalescing-queue';
import { toBase64 } from './base64';

export type SendDocUpdate = (docId: string, update: string) => Promise<CallOutcome<null>>;

/** Merged updates stay well under the API's base64 limit (4 base64 characters per 3 bytes). */
const MAX_MERGED_BYTES = Math.floor((LIMITS.yjsUpdateMaxBase64Chars * 3) / 4) - 64 * 1024;

/** Takes the oldest queued updates that fit one call, merged into one. */
function takeBatch(pending: Uint8Array[]): { batch: Uint8Array[]; rest: Uint8Array[] | null } {
  let count = 0;
  let bytes = 0;
  for (const update of pending) {
    if (count > 0 && bytes + update.length > MAX_MERGED_BYTES) break;
    bytes += update.length;
    count++;
  }
  const batch = pending.slice(0, count);
  return {
    batch: [batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)],
    rest: count < pending.length ? pending.slice(count) : null,
  };
}

/** The queue holds updates in order; a batch in flight is always one merged update. */
export class DocUpdateSender extends CoalescingQueue<Uint8Array[], null> {
  constructor(
    readonly docId: string,
    send: SendDocUpdate,
  ) {
    super({
      // In order; a failed update goes back first, with anything typed since behind it.
      merge: (earlier, later) => [...earlier, ...later],
      take: takeBatch,
      send: ([update]) => send(docId, toBase64(update!)),
    });
  }

  /** Queue a local V1 update; it goes out now, or right after the one already in flight. */
  push(update: Uint8Array): void {
    this.add([update]);
  }

  /** V1 updates main has not confirmed yet, to lay over the state a fresh 'docs.open' returns. */
  unconfirmed(): Uint8Array[] {
    return [...(this.unconfirmedItem() ?? [])];
  }
}
