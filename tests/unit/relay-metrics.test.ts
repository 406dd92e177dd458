// The relay's /metrics text: what an operator watches for sustained load (event-loop delay, GC,
// store commit latency, WAL size, per-connection send queues) next to the relay's own counters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePrometheus } from '../../bench/load/prometheus-text';
import { bucketCounts, RelayMetrics } from '../../server/metrics';

const opened: RelayMetrics[] = [];
const metrics = (options?: ConstructorParameters<typeof RelayMetrics>[0]): RelayMetrics => {
  const m = new RelayMetrics(options);
  opened.push(m);
  return m;
};
afterEach(() => {
  for (const m of opened.splice(0)) m.close();
});

describe('relay metrics', () => {
  it('counts values into cumulative buckets', () => {
    expect(bucketCounts([0, 10, 100], [0, 5, 10, 50, 1000])).toEqual([1, 3, 4]);
  });

  it('reports each connection’s send queue as a histogram, with the longest and the total', () => {
    const m = metrics();
    m.sendQueues = () => [0, 0, 2048, 5 * 1024 * 1024];
    const s = parsePrometheus(m.render(0));
    expect(s.get('suviaz_relay_send_queue_bytes_bucket{le="0"}')).toBe(2);
    expect(s.get('suviaz_relay_send_queue_bytes_bucket{le="16384"}')).toBe(3);
    expect(s.get('suviaz_relay_send_queue_bytes_bucket{le="+Inf"}')).toBe(4);
    expect(s.get('suviaz_relay_send_queue_bytes_sum')).toBe(2048 + 5 * 1024 * 1024);
    expect(s.get('suviaz_relay_send_queue_max_bytes')).toBe(5 * 1024 * 1024);
  });

  it('reports the WAL’s size, and 0 when there is none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suviaz-metrics-'));
    try {
      const wal = path.join(dir, 'relay.db-wal');
      const m = metrics({ walFile: wal });
      expect(parsePrometheus(m.render(0)).get('suviaz_relay_wal_bytes')).toBe(0);
      writeFileSync(wal, new Uint8Array(4096));
      expect(parsePrometheus(m.render(0)).get('suviaz_relay_wal_bytes')).toBe(4096);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('times store commits into the latency histogram, failed ones too', async () => {
    const m = metrics();
    await m.timeStore(() => Promise.resolve(1));
    await expect(m.timeStore(() => Promise.reject(new Error('conflict')))).rejects.toThrow();
    const s = parsePrometheus(m.render(3));
    expect(s.get('suviaz_relay_store_seconds_count')).toBe(2);
    expect(s.get('suviaz_relay_store_seconds_bucket{le="2.5"}')).toBe(2);
    expect(s.get('suviaz_relay_documents')).toBe(3);
  });

  it('reports event-loop delay and GC pauses, the GC after a collection happened', async () => {
    const m = metrics();
    // A blocked loop shows as delay: 60 ms of busy work between two samples.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const until = performance.now() + 60;
    while (performance.now() < until) {
      /* busy */
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const s = parsePrometheus(m.render(0));
    expect(s.get('suviaz_relay_event_loop_delay_seconds{quantile="1"}')).toBeGreaterThan(0.04);
    expect(s.has('suviaz_relay_gc_seconds_total')).toBe(true);
    expect(s.has('suviaz_relay_gc_max_pause_seconds')).toBe(true);
  });
});
