// Small measuring helpers: a millisecond clock, percentiles, polling until a condition holds.
export const now = (): number => performance.now();

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 120_000,
  pollMs = 5,
): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(pollMs);
  }
}

/** Milliseconds that `work` takes. */
export async function timed(work: () => Promise<void> | void): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}
