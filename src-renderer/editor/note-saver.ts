// Sends every change of one note to main as it happens without ever losing the tail: at most one
// 'notes.update' is in flight; changes made meanwhile are merged into one pending patch that goes
// out as soon as the previous call returns. There is no timer, so nothing waits to be dropped; a
// failed patch stays pending (newer edits on top) until the next edit, a retry or a flush.
import type { ApiError, CallOutcome, NoteSummary } from '../../src-shared/api';

export interface NotePatch {
  title?: string;
  body?: string;
  tags?: string[];
}

export type SaveSnapshot =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: ApiError };

export type SendUpdate = (id: string, patch: NotePatch) => Promise<CallOutcome<NoteSummary>>;

const SAVED: SaveSnapshot = { kind: 'saved' };
const SAVING: SaveSnapshot = { kind: 'saving' };

export class NoteSaver {
  private pending: NotePatch | null = null;
  private inFlight: NotePatch | null = null;
  private error: ApiError | null = null;
  private snapshot: SaveSnapshot = SAVED;
  private readonly listeners = new Set<() => void>();
  private idleWaiters: ((saved: boolean) => void)[] = [];

  constructor(
    readonly id: string,
    private readonly send: SendUpdate,
    private readonly onSaved: (summary: NoteSummary, patch: NotePatch) => void,
  ) {}

  /** Queue a change; it goes out now, or right after the update already in flight. */
  change(patch: NotePatch): void {
    this.pending = { ...this.pending, ...patch };
    // A new edit is also a retry: the user keeps typing through a transient failure.
    this.error = null;
    void this.pump();
  }

  retry(): void {
    if (!this.error) return;
    this.error = null;
    void this.pump();
  }

  /** Resolves once everything typed so far is stored (true) or a save failed (false). */
  flush(): Promise<boolean> {
    if (this.error) this.retry();
    if (!this.inFlight && !this.pending) return Promise.resolve(this.error === null);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** What was typed but is not confirmed stored yet; laid over a freshly loaded note. */
  unconfirmed(): NotePatch {
    return { ...this.inFlight, ...this.pending };
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
    if (this.inFlight) return;
    this.publish();
    while (this.pending) {
      const patch = this.pending;
      this.pending = null;
      this.inFlight = patch;
      const outcome = await this.send(this.id, patch);
      this.inFlight = null;
      if (!outcome.ok) {
        // Keep the failed text, with anything typed since laid on top of it.
        this.pending = { ...patch, ...this.queued() };
        this.error = outcome.error;
        this.publish();
        this.settle(false);
        return;
      }
      this.onSaved(outcome.value, patch);
    }
    this.publish();
    this.settle(true);
  }

  // Read through a method: TypeScript would keep 'pending' narrowed to null across the await.
  private queued(): NotePatch | null {
    return this.pending;
  }

  private publish(): void {
    const next: SaveSnapshot = this.error
      ? { kind: 'failed', error: this.error }
      : this.inFlight || this.pending
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
