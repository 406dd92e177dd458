// Stores verified remote updates once per event-loop turn, together with the verifier state, never
// the state ahead of the updates it counts; a failed store is kept in order and tried again. Counts
// the update rows kept after the compacted state, and compacts within the turn's one transaction.
import type { Db } from '../vault/migrations';
import type { VerifierState } from './document-verifier';
import { compact, recordRemote } from './outbox';

/** A remote update that could not be stored is tried again after this long. */
const STORE_RETRY_MS = 1000;
/** Update rows (local and remote) kept before the stored state is rewritten as one. */
export const COMPACT_AFTER_ROWS = 500;

export class RemoteStore {
  private pending: Uint8Array[] = [];
  private dirty = false;
  private scheduled = false;
  private closed = false;
  /** Update rows stored after the compacted state: counted here, not by a query per update. */
  private rows: number;

  constructor(
    private readonly deps: {
      db: Db;
      docId: Uint8Array;
      /** Update rows the vault holds after the compacted state when the document opens. */
      storedRows: number;
      verifier(): VerifierState;
      /** Main's whole document: everything stored or pending here, and nothing else. */
      state(): Uint8Array;
      onWarning(reason: string, detail: string): void;
    },
  ) {
    this.rows = deps.storedRows;
  }

  /**
   * A catch-up delivers thousands of updates in one turn. They are on the relay already, so a
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

  /** A local commit stored one more row (doc-local-commits): compact now if that is too many. */
  localRowStored(): void {
    this.rows += 1;
    if (this.rows + this.pending.length > COMPACT_AFTER_ROWS) {
      this.dirty = true;
      this.commit();
    }
  }

  /**
   * Called before anything else saves the verifier state, so it never runs ahead of the updates.
   * One transaction: the turn's updates (or, past the limit, the compacted state holding them and
   * everything before) with the verifier state that accepted the last of them. False while some
   * are not stored: then nobody else may save the verifier state (it counts them).
   */
  commit(): boolean {
    this.scheduled = false;
    if (this.closed) return !this.dirty;
    if (!this.dirty) return true;
    const updates = this.pending;
    this.pending = [];
    this.dirty = false;
    const compacting = this.rows + updates.length > COMPACT_AFTER_ROWS;
    try {
      if (compacting)
        compact(this.deps.db, this.deps.docId, this.deps.state(), this.deps.verifier());
      else recordRemote(this.deps.db, this.deps.docId, updates, this.deps.verifier());
      this.rows = compacting ? 0 : this.rows + updates.length;
      return true;
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
      return false;
    }
  }

  /** The vault may close after this: nothing more is written. */
  close(): void {
    this.closed = true;
  }
}
