// Counters of one relay and their Prometheus text form. Counts, sizes and timings only: no ids, no
// keys. Besides the relay's own counters, what lets an operator see trouble coming under sustained
// load: event-loop delay, GC pauses, the store's commit latency, the WAL's size and how much each
// connection has waiting to be sent.
import { statSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, type ELDHistogram } from 'node:perf_hooks';
import { RelayError, type RelayErrorName } from '../src-shared/protocol/wire-constants';

/** Upper bounds (seconds) of the store commit latency histogram. */
const STORE_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
];
/** Upper bounds (bytes) of the per-connection send queue histogram. */
const QUEUE_BUCKETS = [
  0,
  1024,
  16 * 1024,
  256 * 1024,
  1024 * 1024,
  4 * 1024 * 1024,
  16 * 1024 * 1024,
];
/** Event-loop delay sampling resolution, ms: fine enough for a 1 ms p99, cheap. */
const LOOP_RESOLUTION_MS = 10;

export interface RelayMetricsOptions {
  /** The SQLite write-ahead log whose size is reported; none for another store. */
  walFile?: string;
}

/** Buckets are cumulative (Prometheus `le`): a value counts in every bucket whose bound it is under. */
export function bucketCounts(bounds: readonly number[], values: Iterable<number>): number[] {
  const counts = bounds.map(() => 0);
  for (const value of values) {
    bounds.forEach((bound, i) => {
      if (value <= bound) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  return counts;
}

const histogramLines = (
  name: string,
  help: string,
  bounds: readonly number[],
  counts: readonly number[],
  count: number,
  sum: number,
): string[] => [
  `# HELP ${name} ${help}`,
  `# TYPE ${name} histogram`,
  ...bounds.map((bound, i) => `${name}_bucket{le="${bound}"} ${counts[i] ?? 0}`),
  `${name}_bucket{le="+Inf"} ${count}`,
  `${name}_sum ${sum}`,
  `${name}_count ${count}`,
];

const gauge = (name: string, help: string, value: number, type = 'gauge'): string[] => [
  `# HELP ${name} ${help}`,
  `# TYPE ${name} ${type}`,
  `${name} ${value}`,
];

/** The process's memory as V8 and Node account for it: where the resident set goes. */
function memoryLines(): string[] {
  const m = process.memoryUsage();
  return [
    '# HELP suviaz_relay_memory_bytes Process memory: resident set, V8 heap used and reserved, memory outside the V8 heap.',
    '# TYPE suviaz_relay_memory_bytes gauge',
    `suviaz_relay_memory_bytes{kind="rss"} ${m.rss}`,
    `suviaz_relay_memory_bytes{kind="heap_used"} ${m.heapUsed}`,
    `suviaz_relay_memory_bytes{kind="heap_total"} ${m.heapTotal}`,
    `suviaz_relay_memory_bytes{kind="external"} ${m.external}`,
    `suviaz_relay_memory_bytes{kind="array_buffers"} ${m.arrayBuffers}`,
  ];
}

export class RelayMetrics {
  connections = 0;
  framesIn = 0;
  framesOut = 0;
  /** Bytes each open connection has queued in its socket; set by the relay. */
  sendQueues: () => Iterable<number> = () => [];
  private readonly rejects = new Map<RelayErrorName, number>();
  private readonly storeBuckets = STORE_BUCKETS.map(() => 0);
  private storeCount = 0;
  private storeSum = 0;
  private readonly loopDelay: ELDHistogram;
  private gcCount = 0;
  private gcSeconds = 0;
  private gcMaxSinceScrape = 0;
  private readonly gcObserver: PerformanceObserver;

  constructor(private readonly options: RelayMetricsOptions = {}) {
    this.loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    this.loopDelay.enable();
    this.gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const seconds = entry.duration / 1000;
        this.gcCount++;
        this.gcSeconds += seconds;
        this.gcMaxSinceScrape = Math.max(this.gcMaxSinceScrape, seconds);
      }
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  reject(reason: RelayErrorName): void {
    this.rejects.set(reason, (this.rejects.get(reason) ?? 0) + 1);
  }

  /** Times one store transaction, from asking until it is durable (group commit included). */
  async timeStore<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.observeStore(performance.now() - start);
    }
  }

  /** One store write that took `ms` from asking until it was durable (a PUBLISH times its own). */
  observeStore(ms: number): void {
    const seconds = ms / 1000;
    this.storeCount++;
    this.storeSum += seconds;
    STORE_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.storeBuckets[i] = (this.storeBuckets[i] ?? 0) + 1;
    });
  }

  /** Stops the event-loop and GC monitors (the relay's close). */
  close(): void {
    this.loopDelay.disable();
    this.gcObserver.disconnect();
  }

  private walBytes(): number {
    if (!this.options.walFile) return 0;
    try {
      return statSync(this.options.walFile).size;
    } catch {
      return 0; // no WAL yet, or checkpointed away
    }
  }

  render(documents: number): string {
    const queues = [...this.sendQueues()];
    const queueSum = queues.reduce((a, b) => a + b, 0);
    const loop = this.loopDelay;
    // Event-loop delay and the longest GC pause are over the time since the previous scrape.
    // The histogram holds each sampling interval as measured: the delay is what exceeds it.
    const delay = (ns: number): number =>
      Number.isFinite(ns) ? Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) / 1000 : 0;
    const loopLines = [
      '# HELP suviaz_relay_event_loop_delay_seconds Event-loop delay (p50, p99, max) since the previous scrape.',
      '# TYPE suviaz_relay_event_loop_delay_seconds gauge',
      ...[50, 99].map(
        (p) =>
          `suviaz_relay_event_loop_delay_seconds{quantile="${p / 100}"} ${delay(loop.percentile(p))}`,
      ),
      `suviaz_relay_event_loop_delay_seconds{quantile="1"} ${delay(loop.max)}`,
    ];
    loop.reset();
    const gcMax = this.gcMaxSinceScrape;
    this.gcMaxSinceScrape = 0;
    const lines = [
      ...gauge('suviaz_relay_connections', 'Open WebSocket connections.', this.connections),
      ...gauge('suviaz_relay_documents', 'Documents stored.', documents),
      ...gauge('suviaz_relay_frames_in_total', 'Frames received.', this.framesIn, 'counter'),
      ...gauge('suviaz_relay_frames_out_total', 'Frames sent.', this.framesOut, 'counter'),
      '# HELP suviaz_relay_rejects_total Frames answered with an ERROR, by reason.',
      '# TYPE suviaz_relay_rejects_total counter',
      ...(Object.keys(RelayError) as RelayErrorName[]).map(
        (reason) =>
          `suviaz_relay_rejects_total{reason="${reason}"} ${this.rejects.get(reason) ?? 0}`,
      ),
      ...histogramLines(
        'suviaz_relay_store_seconds',
        'Store commit latency: from a handler asking until its transaction is durable.',
        STORE_BUCKETS,
        this.storeBuckets,
        this.storeCount,
        this.storeSum,
      ),
      ...loopLines,
      ...gauge(
        'suviaz_relay_gc_seconds_total',
        'Time spent in garbage-collection pauses.',
        this.gcSeconds,
        'counter',
      ),
      ...gauge('suviaz_relay_gc_total', 'Garbage-collection pauses.', this.gcCount, 'counter'),
      ...gauge(
        'suviaz_relay_gc_max_pause_seconds',
        'Longest garbage-collection pause since the previous scrape.',
        gcMax,
      ),
      ...gauge('suviaz_relay_wal_bytes', 'Size of the SQLite write-ahead log.', this.walBytes()),
      ...memoryLines(),
      ...histogramLines(
        'suviaz_relay_send_queue_bytes',
        "Bytes waiting in each open connection's socket send queue, now.",
        QUEUE_BUCKETS,
        bucketCounts(QUEUE_BUCKETS, queues),
        queues.length,
        queueSum,
      ),
      ...gauge(
        'suviaz_relay_send_queue_max_bytes',
        'The longest send queue of any open connection, now.',
        queues.reduce((a, b) => Math.max(a, b), 0),
      ),
    ];
    return `${lines.join('\n')}\n`;
  }
}
