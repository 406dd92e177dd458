// What a simulated-client population reports after a steady-load window, whichever relay it ran on.
export interface LoadCounters {
  published: number;
  delivered: number;
  /** Fan-out latency, sender's send() to a receiver's message event, ms. */
  latencies: number[];
  /** Sends skipped because the previous one of that client was not acknowledged yet. */
  skipped: number;
}

export interface Population {
  /** Starts every client sending one small update each `intervalMs`, with a random phase. */
  start(intervalMs: number): void;
  stop(): void;
  counters: LoadCounters;
  close(): Promise<void>;
}

export const newCounters = (): LoadCounters => ({
  published: 0,
  delivered: 0,
  latencies: [],
  skipped: 0,
});

/** Runs `connect` over the items, at most `width` at a time. */
export async function inBatches<T>(
  items: readonly T[],
  width: number,
  connect: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map(connect));
}

/**
 * Send times by message key, for the receivers to time the fan-out. Entries older than a minute are
 * dropped now and then, so that a soak of many minutes keeps a flat memory in the generator.
 */
export function sendTimes(): Map<string, number> & { dispose(): void } {
  const times = new Map<string, number>();
  const prune = setInterval(() => {
    const cutoff = performance.now() - 60_000;
    // Insertion order is send order: stop at the first recent one.
    for (const [key, at] of times) {
      if (at >= cutoff) break;
      times.delete(key);
    }
  }, 10_000);
  prune.unref();
  return Object.assign(times, { dispose: () => clearInterval(prune) });
}
