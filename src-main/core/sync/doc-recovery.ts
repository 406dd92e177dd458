// After a gap (a dropped update, a snapshot I have not seen): ask the relay again from the last
// verified seq, as a reconnect would, a few times a minute at most so a dropping relay cannot loop us.
// After a refused publish: the same, at once the first time, slower while refusals follow each other.
/** Wait for the rest of the burst before subscribing again. */
const RECOVERY_DELAY_MS = 250;
const RECOVERY_WINDOW_MS = 60_000;
const RECOVERIES_PER_WINDOW = 3;

/** The recoveries still inside the window that ends now. */
function inWindow(recent: readonly number[], now: number): number[] {
  return recent.filter((at) => now - at < RECOVERY_WINDOW_MS);
}

export class Recovery {
  private timer: NodeJS.Timeout | null = null;
  private recent: number[] = [];
  private closed = false;

  /** resubscribe: unsubscribe and subscribe again from the last verified seq. */
  constructor(private readonly resubscribe: () => void) {}

  /** The warning has told the user either way; this only tries to fill the gap. */
  soon(): void {
    if (this.timer || this.closed) return;
    const now = Date.now();
    this.recent = inWindow(this.recent, now);
    if (this.recent.length >= RECOVERIES_PER_WINDOW) return;
    this.recent.push(now);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.resubscribe();
    }, RECOVERY_DELAY_MS);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}

/** The second refusal in a row waits this long, each next one twice as long, up to the last. */
const REFUSED_AGAIN_MS = 250;
const REFUSED_AGAIN_MAX_MS = 30_000;

/**
 * A publish refused as naming an old clock or snapshot (or unanswered) means someone may have moved
 * the document on: catch up, then seal again. Honestly that is one catch-up and the next publish is
 * taken; a relay refusing every publish (or state it no longer holds) would otherwise make each
 * refusal start the next catch-up at once, hundreds a second.
 */
export class RefusalPace {
  private timer: NodeJS.Timeout | null = null;
  /** Refusals since the relay last took a publish of this document. */
  private streak = 0;
  private closed = false;

  constructor(private readonly resubscribe: () => void) {}

  /** The relay took a publish: the next refusal is answered at once again. */
  accepted(): void {
    this.streak = 0;
  }

  refused(): void {
    if (this.timer || this.closed) return;
    const delay =
      this.streak === 0
        ? 0
        : Math.min(REFUSED_AGAIN_MAX_MS, REFUSED_AGAIN_MS * 2 ** (this.streak - 1));
    this.streak++;
    if (delay === 0) {
      this.resubscribe();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) this.resubscribe();
    }, delay);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
