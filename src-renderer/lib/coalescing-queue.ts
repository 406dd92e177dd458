// A send queue that never loses the tail: at most one call is in flight; what is queued meanwhile is
// merged into one pending item that goes out as soon as the previous call returns. There is no timer,
// so nothing waits to be dropped; a failed item stays pending (later ones merged behind it) until the
// next change, a retry or a flush. The note saver and the shared document's update sender build on it.
import type { ApiError, CallOutcome } from '../../src-shared/api';

export type SaveSnapshot =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError };

export interface CoalescingQueueOptions<Item, Value> {
  /** Lays a later item over an earlier one; also puts a failed item back in front of newer ones. */
  merge: (earlier: Item, later: Item) => Item;
  /** Splits what goes out next from what stays pending (null: nothing); by default all goes out. */
  take?: (pending: Item) => { batch: Item; rest: Item | null };
  send: (batch: Item) => Promise<CallOutcome<Value>>;
  onSent?: (value: Value, batch: Item) => void;
}

const SAVED: SaveSnapshot = { kind: 'saved' };
const SAVING: SaveSnapshot = { kind: 'saving' };

export class CoalescingQueue<Item, Value> {
  private pending: Item | null = null;
  private inFlight: Item | null = null;
  private error: ApiError | null = null;
  private snapshot: SaveSnapshot = SAVED;
  private readonly listeners = new Set<() => void>();
  private idleWaiters: ((saved: boolean) => void)[] = [];

  constructor(private readonly options: CoalescingQueueOptions<Item, Value>) {}

  /** Queue an item; it goes out now, or right after the call already in flight. */
  protected add(item: Item): void {
    this.pending = this.pending === null ? item : this.options.merge(this.pending, item);
    // A new change is also a retry: the user keeps typing through a transient failure.
    this.error = null;
    void this.pump();
  }

  retry(): void {
    if (!this.error) return;
    this.error = null;
    void this.pump();
  }

  /** Resolves once everything queued so far is stored (true) or a call failed (false). */
  flush(): Promise<boolean> {
    if (this.error) this.retry();
    if (this.inFlight === null && this.pending === null)
      return Promise.resolve(this.error === null);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** What was queued but is not confirmed stored yet (in flight first), or null for nothing. */
  protected unconfirmedItem(): Item | null {
    if (this.inFlight === null) return this.pending;
    return this.pending === null ? this.inFlight : this.options.merge(this.inFlight, this.pending);
  }

  hasUnsaved(): boolean {
    return this.inFlight !== null || this.pending !== null;
  }

  getSnapshot = (): SaveSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async pump(): Promise<void> {
    if (this.inFlight !== null) return;
    this.publish();
    while (this.pending !== null) {
      const { batch, rest } = this.options.take
        ? this.options.take(this.pending)
        : { batch: this.pending, rest: null };
      this.pending = rest;
      this.inFlight = batch;
      const outcome = await this.options.send(batch);
      this.inFlight = null;
      if (!outcome.ok) {
        // Keep the failed item, with anything queued since laid behind it.
        const queued = this.queued();
        this.pending = queued === null ? batch : this.options.merge(batch, queued);
        this.error = outcome.error;
        this.publish();
        this.settle(false);
        return;
      }
      this.options.onSent?.(outcome.value, batch);
    }
    this.publish();
    this.settle(true);
  }

  // Read through a method: TypeScript would keep 'pending' narrowed across the await.
  private queued(): Item | null {
    return this.pending;
  }

  private publish(): void {
    const next: SaveSnapshot = this.error
      ? { kind: 'failed', error: this.error }
      : this.inFlight !== null || this.pending !== null
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
