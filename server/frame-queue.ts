// One connection's frames, handled strictly one at a time in arrival order; while too many, or too
// many bytes, wait, the socket is paused (backpressure) rather than the frames buffered without bound.
import type WebSocket from 'ws';
import type { RelayLimits } from './relay-limits';

export class FrameQueue {
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  private pendingBytes = 0;
  private paused = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: Pick<RelayLimits, 'maxPendingFrames' | 'maxPendingBytes'>,
    /** Told of anything a handler throws; the queue goes on with the next frame. */
    private readonly unexpected: (error: unknown) => void,
  ) {}

  /** Queues the handling of a frame of `bytes` bytes. */
  push(bytes: number, handle: () => Promise<void>): void {
    const limits = this.limits;
    this.pending++;
    this.pendingBytes += bytes;
    if (!this.paused && this.full()) {
      this.paused = true;
      this.ws.pause();
    }
    this.chain = this.chain
      .then(() => handle())
      .catch((error: unknown) => this.unexpected(error))
      .finally(() => {
        this.pending--;
        this.pendingBytes -= bytes;
        if (
          this.paused &&
          this.pending < limits.maxPendingFrames / 2 &&
          this.pendingBytes < limits.maxPendingBytes / 2
        ) {
          this.paused = false;
          this.ws.resume();
        }
      });
  }

  private full(): boolean {
    return (
      this.pending >= this.limits.maxPendingFrames ||
      this.pendingBytes >= this.limits.maxPendingBytes
    );
  }

  /** Reading is paused: nothing the peer sends, pongs included, is read meanwhile. */
  isPaused(): boolean {
    return this.paused;
  }

  /** Settles once every frame queued so far is handled. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Before closing: a paused socket would never read the peer's close frame. */
  resumeForClose(): void {
    if (this.paused) this.ws.resume();
  }
}
