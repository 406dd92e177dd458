// Reports this device's caret in one document to main, at most once per interval (the latest
// position always goes out, a little later if need be); leaving the textarea reports null at once.
import type { MethodArgs } from '../../src-shared/api';

/** A caret as two base64 Yjs relative positions: where the selection started and where it ends. */
export type CursorValue = NonNullable<MethodArgs<'docs.presence'>['cursor']>;

export const PRESENCE_THROTTLE_MS = 200;

export class PresenceReporter {
  private lastSentAt = 0;
  private lastSentKey: string | null = 'none';
  private latest: CursorValue | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly send: (cursor: CursorValue | null) => void,
    private readonly intervalMs = PRESENCE_THROTTLE_MS,
  ) {}

  update(cursor: CursorValue | null): void {
    if (this.stopped) return;
    this.latest = cursor;
    if (cursor === null) {
      // Leaving is reported at once, so nobody sees a caret that is gone.
      this.cancelTimer();
      this.flush();
      return;
    }
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  /** The view is gone: its caret goes too (others would otherwise see it until it times out). */
  stop(): void {
    this.cancelTimer();
    this.latest = null;
    if (this.lastSentKey !== null && this.lastSentKey !== 'none') this.flush();
    this.stopped = true;
  }

  private flush(): void {
    const cursor = this.latest;
    const key = cursor ? `${cursor.anchor} ${cursor.head}` : null;
    if (key === this.lastSentKey) return;
    this.lastSentKey = key;
    this.lastSentAt = Date.now();
    this.send(cursor);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
