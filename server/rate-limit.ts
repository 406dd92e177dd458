// A token bucket per connection: ratePerSecond sustained, bursts up to twice that.

/** One clock for every bucket, rather than a closure per connection. */
const monotonicNow = (): number => performance.now();
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.capacity = ratePerSecond * 2;
    this.tokens = this.capacity;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.last) / 1000) * this.ratePerSecond,
    );
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
