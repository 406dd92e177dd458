// After a gap (a dropped update, a snapshot I have not seen): ask the relay again from the last
// verified seq, as a reconnect would, a few times a minute at most so a dropping relay cannot loop us.
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
