// The benchmark's comparison logic: ratios against each peer, the chart's data, the load windows,
// the soak's reading of /metrics, keystroke timing and the command line. Benchmarks assert no
// timings; what is tested here is the arithmetic the reported figures come from.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseBenchArgs } from '../../bench/lib/args';
import { ratioData } from '../../bench/lib/chart';
import { matchKeystrokes, watchReplica, type Stamp } from '../../bench/lib/keystroke-latency';
import { peerRow, ratio, ratios, type Row } from '../../bench/lib/report';
import { loadWindow } from '../../bench/load/load-window';
import {
  increase,
  meanBetween,
  parsePrometheus,
  quantileBetween,
} from '../../bench/load/prometheus-text';

const base = { scenario: 'replay', case: 'B4', metric: 'time', unit: 'ms' };

describe('ratios against the peers', () => {
  it('compares with every peer, the target against y-websocket', () => {
    const row = peerRow(base, 300, { 'y-websocket': 100, hocuspocus: 600 });
    expect(row.baseline).toBe(100);
    expect(ratio(row)).toBe(3);
    expect(ratios(row)).toEqual({ 'y-websocket': 3, hocuspocus: 0.5 });
  });

  it('says nothing where a peer has no figure, or a zero one', () => {
    const row = peerRow(base, 5, { 'y-websocket': null, hocuspocus: 0 });
    expect(ratio(row)).toBeNull();
    expect(ratios(row)).toEqual({ 'y-websocket': null, hocuspocus: null });
  });

  it('keeps a scenario’s own baseline where it has no peers', () => {
    const row: Row = { ...base, scenario: 'cold-open', suviaz: 30, baseline: 20 };
    expect(ratios(row)).toEqual({ baseline: 1.5 });
  });
});

describe('the ratio chart’s data', () => {
  it('has one bar per comparison, drops counts, the machine’s load and missing figures, says when higher is better', () => {
    const rows: Row[] = [
      peerRow(base, 2, { 'y-websocket': 1, hocuspocus: null }),
      peerRow({ ...base, metric: 'throughput per relay CPU-second', unit: 'msg/cpu-s' }, 5, {
        'y-websocket': 10,
        hocuspocus: 5,
      }),
      peerRow({ ...base, metric: 'samples', unit: 'count' }, 5, { 'y-websocket': 10 }),
      peerRow({ ...base, metric: 'relay waiting for a CPU (share)', unit: '%' }, 5, {
        'y-websocket': 10,
      }),
    ];
    const data = ratioData(rows);
    expect(data.map((d) => [d.against, d.ratio, d.better])).toEqual([
      ['y-websocket', 2, 'lower'],
      ['y-websocket', 0.5, 'higher'],
      ['hocuspocus', 1, 'higher'],
    ]);
    expect(data[1]?.metric).toContain('(higher is better)');
    expect(data[0]?.group).toBe('replay · B4');
  });
});

describe('a load window', () => {
  it('turns two readings into rates, CPU share and percentiles', () => {
    const from = {
      ...{ at: 1000, published: 100, delivered: 400, cpuSeconds: 2, rss: 100 * 2 ** 20 },
      ...{ relayWaitSeconds: 1, generatorWaitSeconds: 0 },
    };
    const to = {
      ...{ at: 31_000, published: 3100, delivered: 12_400, cpuSeconds: 17, rss: 120 * 2 ** 20 },
      ...{ relayWaitSeconds: 4, generatorWaitSeconds: 6 },
    };
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    const w = loadWindow(from, to, latencies);
    expect(w.seconds).toBe(30);
    expect(w.messagesPerSecond).toBe(500); // (3000 + 12,000) / 30
    expect(w.cpuShare).toBe(0.5);
    expect(w.messagesPerCpuSecond).toBe(1000);
    expect(w.latencyP50).toBe(50);
    expect(w.latencyP99).toBe(99);
    expect(w.rssMiB).toBe(120);
    expect(w.samples).toBe(100);
    expect(w.relayWaitShare).toBe(0.1); // 3 s of 30 without a CPU
    expect(w.generatorWaitShare).toBe(0.2);
  });

  it('does not call a relay whose CPU clock did not tick infinitely fast', () => {
    const r = {
      ...{ at: 0, published: 0, delivered: 0, cpuSeconds: 1, rss: 0 },
      ...{ relayWaitSeconds: 0, generatorWaitSeconds: 0 },
    };
    const w = loadWindow(r, { ...r, at: 1000, published: 10 }, []);
    expect(w.messagesPerCpuSecond).toBe(1000);
    expect(Number.isNaN(w.latencyP99)).toBe(true);
  });
});

describe('reading /metrics', () => {
  const before = parsePrometheus(
    [
      '# HELP suviaz_relay_store_seconds x',
      'suviaz_relay_store_seconds_sum 1.5',
      'suviaz_relay_store_seconds_count 100',
      'suviaz_relay_gc_seconds_total 0.25',
      'suviaz_relay_event_loop_delay_seconds{quantile="0.99"} 0.012',
    ].join('\n'),
  );
  const after = parsePrometheus(
    'suviaz_relay_store_seconds_sum 2.5\nsuviaz_relay_store_seconds_count 300\nsuviaz_relay_gc_seconds_total 1.25\n',
  );

  it('keys samples by name and labels, skipping comments', () => {
    expect(before.get('suviaz_relay_event_loop_delay_seconds{quantile="0.99"}')).toBe(0.012);
    expect([...before.keys()].some((k) => k.startsWith('#'))).toBe(false);
  });

  it('gives the bucket a histogram’s quantile fell in between two scrapes', () => {
    const scrape = (counts: number[]) =>
      parsePrometheus(
        ['0.001', '0.01', '0.1', '+Inf']
          .map((le, i) => `h_bucket{le="${le}"} ${counts[i]}`)
          .join('\n'),
      );
    // Between the scrapes: 90 under 1 ms, 8 more under 10 ms, 2 more under 100 ms.
    const before = scrape([10, 10, 10, 10]);
    const after = scrape([100, 108, 110, 110]);
    expect(quantileBetween(before, after, 'h', 0.5)).toBe(0.001);
    expect(quantileBetween(before, after, 'h', 0.95)).toBe(0.01);
    expect(quantileBetween(before, after, 'h', 0.99)).toBe(0.1);
    expect(Number.isNaN(quantileBetween(after, after, 'h', 0.99))).toBe(true);
    expect(quantileBetween(scrape([0, 0, 0, 0]), scrape([0, 0, 0, 5]), 'h', 0.99)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('gives a histogram’s mean and a counter’s increase between two scrapes', () => {
    expect(meanBetween(before, after, 'suviaz_relay_store_seconds')).toBe(0.005);
    expect(increase(before, after, 'suviaz_relay_gc_seconds_total')).toBe(1);
    expect(Number.isNaN(meanBetween(after, after, 'suviaz_relay_store_seconds'))).toBe(true);
  });
});

describe('keystroke-to-visible timing', () => {
  it('times each keystroke once per replica that shows it, and counts what never arrived', () => {
    const typist = new Y.Doc();
    const receivers = [new Y.Doc(), new Y.Doc()];
    const typed: Stamp[] = [];
    const seen: Stamp[] = [];
    for (const r of receivers) watchReplica(r, seen, 'typing');
    const updates: Uint8Array[] = [];
    typist.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 3; i++) {
      typed.push([typist.clientID, i, 0]);
      typist.transact(() => typist.getText('t').insert(i, 'x'), 'typing');
    }
    // The first receiver gets all three keystrokes merged into one update; the second only one.
    Y.applyUpdate(receivers[0] as Y.Doc, Y.mergeUpdates(updates), 'remote');
    Y.applyUpdate(receivers[1] as Y.Doc, updates[0] as Uint8Array, 'remote');
    const { latencies, missing } = matchKeystrokes(typed, seen, 2);
    expect(latencies).toHaveLength(4);
    expect(latencies.every((ms) => ms > 0)).toBe(true);
    expect(missing).toBe(2);
  });

  it('ignores ids nobody typed (the initial content, other documents)', () => {
    const { latencies, missing } = matchKeystrokes(
      [[1, 0, 100]],
      [
        [2, 0, 150],
        [1, 0, 130],
      ],
      1,
    );
    expect(latencies).toEqual([30]);
    expect(missing).toBe(0);
  });
});

describe('the command line', () => {
  it('runs every default scenario but the soak, which is asked for by name with its minutes', () => {
    const all = parseBenchArgs([]);
    expect(all?.scenarios).toContain('human-rate');
    expect(all?.scenarios).not.toContain('soak');
    const soak = parseBenchArgs(['--scenario', 'soak', '--minutes', '3']);
    expect(soak).toMatchObject({
      scenarios: ['soak'],
      minutes: 3,
      servers: ['suviaz', 'y-websocket', 'hocuspocus'],
    });
    expect(parseBenchArgs(['--servers', 'suviaz'])?.servers).toEqual(['suviaz']);
    expect(() => parseBenchArgs(['--servers', 'redis'])).toThrow(/unknown server/);
    expect(() => parseBenchArgs(['--scenario', 'soak', '--minutes', '0'])).toThrow(/minutes/);
    expect(() => parseBenchArgs(['--scenario', 'nope'])).toThrow(/unknown scenario/);
  });
});
