// Sends one shared document's local Yjs updates to main, in order, without ever losing the tail: at
// most one 'docs.update' is in flight; updates made meanwhile are merged (Y.mergeUpdatesV2) and go out
// as soon as the previous call returns. A failed update stays queued (newer ones behind it) until the
// next edit, a retry or a flush. The snapshot has the shape SaveStatus shows.
import * as Y from 'yjs';
import type { ApiError, CallOutcome } from '../../src-shared/api';
import { LIMITS } from '../../src-shared/limits';
import type { SaveSnapshot } from '../editor/note-saver';
import { toBase64 } from './base64';

export type SendDocUpdate = (docId: string, update: string) => Promise<CallOutcome<null>>;

const SAVED: SaveSnapshot = { kind: 'saved' };
const SAVING: SaveSnapshot = { kind: 'saving' };
/** Merged updates stay well under the API's base64 limit (4 base64 characters per 3 bytes). */
const MAX_MERGED_BYTES = Math.floor((LIMITS.yjsUpdateMaxBase64Chars * 3) / 4) - 64 * 1024;

export class DocUpdateSender {
  private pending: Uint8Array[] = [];
  private inFlight: Uint8Array | null = null;
  private error: ApiError | null = null;
  private snapshot: SaveSnapshot = SAVED;
  private readonly listeners = new Set<() => void>();
  private idleWaiters: ((saved: boolean) => void)[] = [];

  constructor(
    readonly docId: string,
    private readonly send: SendDocUpdate,
  ) {}

  /** Queue a local update; it goes out now, or right after the one already in flight. */
  push(update: Uint8Array): void {
    this.pending.push(update);
    // A new edit is also a retry: the user keeps typing through a transient failure.
    this.error = null;
    void this.pump();
  }

  retry(): void {
    if (!this.error) return;
    this.error = null;
    void this.pump();
  }

  /** Resolves once every update so far is stored by main (true) or one failed (false). */
  flush(): Promise<boolean> {
    if (this.error) this.retry();
    if (!this.inFlight && this.pending.length === 0) return Promise.resolve(this.error === null);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Updates main has not confirmed yet, to lay over the state a fresh 'docs.open' returns. */
  unconfirmed(): Uint8Array[] {
    return this.inFlight ? [this.inFlight, ...this.pending] : [...this.pending];
  }

  hasUnsaved(): boolean {
    return this.inFlight !== null || this.pending.length > 0;
  }

  getSnapshot = (): SaveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Takes the oldest queued updates that fit one call, merged into one. */
  private takeBatch(): Uint8Array {
    let count = 0;
    let bytes = 0;
    for (const update of this.pending) {
      if (count > 0 && bytes + update.length > MAX_MERGED_BYTES) break;
      bytes += update.length;
      count++;
    }
    const batch = this.pending.slice(0, count);
    this.pending = this.pending.slice(count);
    return batch.length === 1 ? batch[0]! : Y.mergeUpdatesV2(batch);
  }

  private async pump(): Promise<void> {
    if (this.inFlight) return;
    this.publish();
    while (this.pending.length > 0) {
      const update = this.takeBatch();
      this.inFlight = update;
      const outcome = await this.send(this.docId, toBase64(update));
      this.inFlight = null;
      if (!outcome.ok) {
        // Keep the failed update first, with anything typed since behind it.
        this.pending = [update, ...this.pending];
        this.error = outcome.error;
        this.publish();
        this.settle(false);
        return;
      }
    }
    this.publish();
    this.settle(true);
  }

  private publish(): void {
    const next: SaveSnapshot = this.error
      ? { kind: 'failed', error: this.error }
      : this.inFlight || this.pending.length > 0
        ? SAVING
        : SAVED;
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private settle(saved: boolean): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve(saved);
  }
}
