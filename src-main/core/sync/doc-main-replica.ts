// Main's replica of one shared document, built from the vault's rows the first time something needs
// it. A view that opens the document gets those rows as they are, and main builds its own replica in
// a later turn: the two Yjs applies (main's and the renderer's) no longer stand in series between a
// click and the text on screen, and a space nobody looks at costs no Yjs work at unlock.
import * as Y from 'yjs';

export class MainReplica {
  private readonly doc = new Y.Doc({ gc: true });
  /** The vault's rows not applied yet; null once built (or destroyed). */
  private rows: Uint8Array[] | null;
  private failure: unknown = null;
  private destroyed = false;
  private readonly whenBuiltDo: ((doc: Y.Doc) => void)[] = [];
  private buildScheduled = false;

  /** `rows`: the document's stored state and the updates after it, in order. */
  constructor(
    rows: Uint8Array[],
    private readonly onBuildFailed: (error: unknown) => void,
  ) {
    this.rows = rows;
  }

  /**
   * The document, built first if it is not yet. Throws if the rows could not be applied (a vault
   * row Yjs refuses; `onBuildFailed` hears of it once), now and at every later call, and once the
   * replica is destroyed: a half-built or emptied document is never handed out.
   */
  get(): Y.Doc {
    if (this.failure !== null) throw this.failure;
    if (this.destroyed) throw new Error('the document is closed');
    const rows = this.rows;
    if (rows) {
      this.rows = null;
      try {
        // One by one, not merged: Y.mergeUpdatesV2 over many updates is superlinear.
        for (const row of rows) Y.applyUpdateV2(this.doc, row, 'vault');
      } catch (error) {
        this.failure = error;
        this.whenBuiltDo.length = 0;
        this.onBuildFailed(error);
        throw error;
      }
      for (const then of this.whenBuiltDo.splice(0)) then(this.doc);
    }
    return this.doc;
  }

  /** Builds the replica if it is not yet; false if it cannot be (then nothing may change it). */
  ready(): boolean {
    try {
      this.get();
      return true;
    } catch {
      return false;
    }
  }

  /** The vault's rows while the replica is not built: together they are the document's state. */
  pendingRows(): readonly Uint8Array[] | null {
    return this.failure === null ? this.rows : null;
  }

  /** Builds it in a later turn, after what this turn hands out. */
  buildSoon(): void {
    if (!this.rows || this.buildScheduled) return;
    this.buildScheduled = true;
    setImmediate(() => {
      this.buildScheduled = false;
      // A failure was reported by get(); nothing may throw out of this turn.
      if (this.rows) this.ready();
    });
  }

  /** Runs `then` once the replica is built (at once if it is). */
  whenBuilt(then: (doc: Y.Doc) => void): void {
    if (this.rows || this.failure !== null) this.whenBuiltDo.push(then);
    else then(this.doc);
  }

  destroy(): void {
    this.destroyed = true;
    this.rows = null;
    this.whenBuiltDo.length = 0;
    this.doc.destroy();
  }
}
