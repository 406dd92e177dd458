// Stores verified remote updates once per event-loop turn, together with the verifier state, never
// the state ahead of the updates it counts; a failed store is kept in order and tried again.
import type { Db } from '../vault/migrations';
import type { VerifierState } from './document-verifier';
import { recordRemote } from './outbox';

/** A remote update that could not be stored is tried again after this long. */
const STORE_RETRY_MS = 1000;

export class RemoteStore {
  private pending: Uint8Array[] = [];
  private dirty = false;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly deps: {
      db: Db;
      docId: Uint8Array;
      verifier(): VerifierState;
      onWarning(reason: string, detail: string): void;
    },
  ) {}

  /**
   * A catch-up delivers thousands of updates in a few turns. They are on the relay already, so a
   * crash before the commit only means fetching them again.
   */
  record(update: Uint8Array | null): void {
    if (update) this.pending.push(update);
    this.dirty = true;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.commit());
    }
  }

  /** Called before anything else saves the verifier state, so it never runs ahead of the updates. */
  commit(): void {
    this.scheduled = false;
    if (!this.dirty || this.closed) return;
    const updates = this.pending;
    this.pending = [];
    this.dirty = false;
    try {
      recordRemote(this.deps.db, this.deps.docId, updates, this.deps.verifier());
    } catch (error) {
      // Not stored (a full disk): keep them, in order, and try again shortly, so the verifier
      // state is never saved without the updates it counts. A wiped space closes this document.
      this.pending = [...updates, ...this.pending];
      this.dirty = true;
      this.deps.onWarning('store-failed', String(error));
      if (!this.scheduled && !this.closed) {
        this.scheduled = true;
        setTimeout(() => this.commit(), STORE_RETRY_MS).unref();
      }
    }
  }

  /** The vault may close after this: nothing more is written. */
  close(): void {
    this.closed = true;
  }
}
