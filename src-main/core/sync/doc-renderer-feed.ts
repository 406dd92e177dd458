// Hands the renderer's replica what verified remote updates changed in main's document: once per
// event-loop turn, one update, however many envelopes the turn delivered (a catch-up brings
// thousands in one turn; one message and one Yjs transaction each cost the renderer far more).
import * as Y from 'yjs';

export class RendererFeed {
  /** Main's state vector before the turn's first remote update, or null outside a turn. */
  private before: Uint8Array | null = null;
  private updates: Uint8Array[] = [];
  private scheduled = false;

  /** `ydoc`: main's document (built on first use, so asked for each time). */
  constructor(
    private readonly ydoc: () => Y.Doc,
    private readonly send: (update: Uint8Array) => void,
  ) {}

  /** A verified remote update is about to be applied to main's document. */
  willApply(): void {
    // Until the turn's first update is in, the state before the turn is the state now.
    if (this.updates.length === 0) this.before = Y.encodeStateVector(this.ydoc());
  }

  /** It was applied and stored (or is about to be), and the renderer does not hold it yet. */
  applied(update: Uint8Array): void {
    this.updates.push(update);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * One update passes as it came (a person typing: nothing to merge). Several become main's
   * difference since the turn began: linear in what changed, where Y.mergeUpdatesV2 over a
   * catch-up's thousands is not. It may hold more than those updates (my own echoes, an edit of
   * this turn): the renderer applies what it already has as a no-op.
   */
  flush(): void {
    this.scheduled = false;
    const { before, updates } = this;
    this.before = null;
    this.updates = [];
    if (updates.length === 1) this.send(updates[0] as Uint8Array);
    else if (updates.length > 1 && before) this.send(Y.encodeStateAsUpdateV2(this.ydoc(), before));
  }
}
