// Counters of one relay and their Prometheus text form. Counts and timings only: no ids, no keys.
import { RelayError, type RelayErrorName } from '../src-shared/protocol/wire-constants';

/** Upper bounds (seconds) of the store transaction time histogram. */
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class RelayMetrics {
  connections = 0;
  framesIn = 0;
  framesOut = 0;
  private readonly rejects = new Map<RelayErrorName, number>();
  private readonly storeBuckets = STORE_BUCKETS.map(() => 0);
  private storeCount = 0;
  private storeSum = 0;

  reject(reason: RelayErrorName): void {
    this.rejects.set(reason, (this.rejects.get(reason) ?? 0) + 1);
  }

  /** Times one store transaction. */
  async timeStore<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      const seconds = (performance.now() - start) / 1000;
      this.storeCount++;
      this.storeSum += seconds;
      STORE_BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) this.storeBuckets[i] = (this.storeBuckets[i] ?? 0) + 1;
      });
    }
  }

  render(documents: number): string {
    const lines = [
      '# HELP suviaz_relay_connections Open WebSocket connections.',
      '# TYPE suviaz_relay_connections gauge',
      `suviaz_relay_connections ${this.connections}`,
      '# HELP suviaz_relay_documents Documents stored.',
      '# TYPE suviaz_relay_documents gauge',
      `suviaz_relay_documents ${documents}`,
      '# HELP suviaz_relay_frames_in_total Frames received.',
      '# TYPE suviaz_relay_frames_in_total counter',
      `suviaz_relay_frames_in_total ${this.framesIn}`,
      '# HELP suviaz_relay_frames_out_total Frames sent.',
      '# TYPE suviaz_relay_frames_out_total counter',
      `suviaz_relay_frames_out_total ${this.framesOut}`,
      '# HELP suviaz_relay_rejects_total Frames answered with an ERROR, by reason.',
      '# TYPE suviaz_relay_rejects_total counter',
      ...(Object.keys(RelayError) as RelayErrorName[]).map(
        (reason) =>
          `suviaz_relay_rejects_total{reason="${reason}"} ${this.rejects.get(reason) ?? 0}`,
      ),
      '# HELP suviaz_relay_store_seconds Time of store transactions.',
      '# TYPE suviaz_relay_store_seconds histogram',
      ...STORE_BUCKETS.map(
        (bound, i) =>
          `suviaz_relay_store_seconds_bucket{le="${bound}"} ${this.storeBuckets[i] ?? 0}`,
      ),
      `suviaz_relay_store_seconds_bucket{le="+Inf"} ${this.storeCount}`,
      `suviaz_relay_store_seconds_sum ${this.storeSum}`,
      `suviaz_relay_store_seconds_count ${this.storeCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
