// The local commit path: edits of one event-loop turn go to the encrypted outbox together (one
// commit, not one per keystroke), and are acknowledged once an fsync (off the event loop, shared by
// the turns that committed meanwhile) has them on disk. The publish does not wait for that fsync:
// it starts at once after a quiet spell and otherwise at most once per batch window (a throttle,
// not a debounce: a person typing 10 keys a second never waits for the window, a burst still goes
// out as few updates). Why sending before the fsync loses nothing: docs/architecture.md.
import * as Y from 'yjs';

export class LocalCommits {
  private uncommitted: Uint8Array[] = [];
  private waiters: { resolve(): void; reject(error: unknown): void }[] = [];
  private scheduled = false;
  /** Cancels the publish that is due (a timer, or the next turn's callback); null if none is. */
  private cancelBatch: (() => void) | null = null;
  /** When the last publish was started (performance.now()); -Infinity before the first. */
  private lastBatch = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(
    private readonly deps: {
      /** Appends the merged update to the outbox (written, not yet synced); throws if it could not. */
      persist(merged: Uint8Array): void;
      /** Resolves once everything persisted so far is on disk; rejects if it cannot be. */
      durable(): Promise<void>;
      /** The update is stored: apply it to the main-side document (before anyone is answered). */
      applied(merged: Uint8Array): void;
      /** Stored (not yet synced): tell who counts pending, compact if due. */
      stored(): void;
      batchMs: number;
      onBatchDue(): void;
    },
  ) {}

  /** Resolves once the edit is written with the others of this turn and that write is on disk. */
  add(update: Uint8Array): Promise<void> {
    this.uncommitted.push(update);
    const committed = new Promise<void>((resolve, reject) =>
      this.waiters.push({ resolve, reject }),
    );
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.commit());
    }
    return committed;
  }

  count(): number {
    return this.uncommitted.length;
  }

  /** Writes every local edit made since the last commit in one transaction (synced after). */
  commit(): void {
    this.scheduled = false;
    const updates = this.uncommitted;
    const waiters = this.waiters;
    this.uncommitted = [];
    this.waiters = [];
    if (updates.length === 0) return;
    // One merged update per turn: one row to store, one Yjs transaction on the main-side document
    // (a turn holds at most what the renderer sent meanwhile, so the merge stays small).
    let merged: Uint8Array;
    try {
      merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdatesV2(updates);
      this.deps.persist(merged);
    } catch (error) {
      // Not acknowledged: the renderer keeps these edits and sends them again.
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    try {
      this.deps.applied(merged);
      this.deps.stored();
    } catch (error) {
      // Stored, but main's document would not take it (an update Yjs refuses): nobody is told
      // it is saved, and nothing throws out of this callback.
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    this.publishSoon();
    // The next turn's edits are typed and written while this fsync runs; answers keep their order.
    this.deps.durable().then(
      () => waiters.forEach((waiter) => waiter.resolve()),
      // Written but not known to be on disk: the renderer keeps these edits and sends them again.
      (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
    );
  }

  /** Starts a publish at once after a quiet spell, otherwise when the batch window ends. */
  publishSoon(): void {
    if (this.cancelBatch || this.closed) return;
    const due = (): void => {
      this.cancelBatch = null;
      this.lastBatch = performance.now();
      this.deps.onBatchDue();
    };
    const wait = this.lastBatch + this.deps.batchMs - performance.now();
    if (wait > 0) {
      const timer = setTimeout(due, wait);
      this.cancelBatch = () => clearTimeout(timer);
    } else {
      // After a quiet spell: in the next turn. A timer's shortest wait is a millisecond or more,
      // which a person typing at 10 keys a second paid on every keystroke.
      const next = setImmediate(due);
      this.cancelBatch = () => clearImmediate(next);
    }
  }

  close(): void {
    this.closed = true;
    this.cancelBatch?.();
    this.cancelBatch = null;
  }
}
