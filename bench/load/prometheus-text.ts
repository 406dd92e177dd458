// Reads the figures the soak needs from a Prometheus text exposition (the relay's /metrics): each
// sample line `name{labels} value` becomes one entry keyed by `name{labels}` as written.
export function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (!Number.isNaN(value)) samples.set(line.slice(0, space), value);
  }
  return samples;
}

/** The mean of a histogram's observations between two scrapes (NaN when there were none). */
export function meanBetween(
  before: Map<string, number>,
  after: Map<string, number>,
  histogram: string,
): number {
  const count = (after.get(`${histogram}_count`) ?? 0) - (before.get(`${histogram}_count`) ?? 0);
  const sum = (after.get(`${histogram}_sum`) ?? 0) - (before.get(`${histogram}_sum`) ?? 0);
  return count > 0 ? sum / count : Number.NaN;
}

/** A counter's increase between two scrapes. */
export const increase = (
  before: Map<string, number>,
  after: Map<string, number>,
  name: string,
): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);

/**
 * The q-quantile (0–1) of a histogram's observations between two scrapes, as the upper bound of
 * the bucket it falls in (Prometheus buckets are cumulative); +Infinity past the last bound, NaN
 * when there were none.
 */
export function quantileBetween(
  before: Map<string, number>,
  after: Map<string, number>,
  histogram: string,
  q: number,
): number {
  const prefix = `${histogram}_bucket{le="`;
  const buckets = [...after.keys()]
    .filter((key) => key.startsWith(prefix))
    .map((key) => {
      const bound = key.slice(prefix.length, -2);
      return {
        bound: bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound),
        count: (after.get(key) ?? 0) - (before.get(key) ?? 0),
      };
    })
    .sort((a, b) => a.bound - b.bound);
  const total = buckets[buckets.length - 1]?.count ?? 0;
  if (total <= 0) return Number.NaN;
  return buckets.find((b) => b.count >= q * total)?.bound ?? Number.POSITIVE_INFINITY;
}
