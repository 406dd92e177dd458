// Scenario soak (issue #18; not in the default run): the relay-load population (groups of 5, one
// update per second each) for N minutes against the Suviaz relay and, one after the other, each
// peer's server; per 30-s window RSS, relay CPU, messages per second and p50/p99 fan-out, and for
// Suviaz what its /metrics shows meanwhile (event-loop delay, GC, store commit latency, WAL size,
// send queues). Writes a chart of p99 and RSS over time next to the JSON.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchOptions, Size } from '../lib/args';
import { renderSvg, soakChartSpec, type SoakDatum } from '../lib/chart';
import { relayMetricsText, type RelayKind } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { sleep } from '../lib/stats';
import { INTERVAL_MS, openLoad, type LoadSession } from '../load/load-session';
import { loadWindow, type LoadWindow } from '../load/load-window';
import { increase, meanBetween, parsePrometheus, quantileBetween } from '../load/prometheus-text';
import { PEERS, type Peer } from '../peers/peer-client';

const WINDOW_S = 30;

/** What the Suviaz relay's /metrics said over one window. */
interface RelayGauges {
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  gcMsInWindow: number;
  gcMaxPauseMs: number;
  storeCommitMeanMs: number;
  /** Upper bound of the histogram bucket the window's p99 fell in. */
  storeCommitP99Ms: number;
  walMiB: number;
  sendQueueMaxKiB: number;
}

interface SoakWindow extends LoadWindow {
  minute: number;
  relay?: RelayGauges;
  /** This process's event-loop delay over the window, ms: the generator's own queueing. */
  generatorDelayP99Ms: number;
  generatorDelayMaxMs: number;
}

const LOOP_RESOLUTION_MS = 10;
/** Delay beyond the sampling interval (the histogram holds whole intervals), ms. */
const beyond = (ns: number): number => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

async function scrape(session: LoadSession): Promise<Map<string, number>> {
  return parsePrometheus(await relayMetricsText(session.relay));
}

function gauges(before: Map<string, number>, after: Map<string, number>): RelayGauges {
  const ms = (name: string): number => (after.get(name) ?? 0) * 1000;
  return {
    loopDelayP99Ms: ms('suviaz_relay_event_loop_delay_seconds{quantile="0.99"}'),
    loopDelayMaxMs: ms('suviaz_relay_event_loop_delay_seconds{quantile="1"}'),
    gcMsInWindow: increase(before, after, 'suviaz_relay_gc_seconds_total') * 1000,
    gcMaxPauseMs: ms('suviaz_relay_gc_max_pause_seconds'),
    storeCommitMeanMs: meanBetween(before, after, 'suviaz_relay_store_seconds') * 1000,
    storeCommitP99Ms: quantileBetween(before, after, 'suviaz_relay_store_seconds', 0.99) * 1000,
    walMiB: (after.get('suviaz_relay_wal_bytes') ?? 0) / 2 ** 20,
    sendQueueMaxKiB: (after.get('suviaz_relay_send_queue_max_bytes') ?? 0) / 1024,
  };
}

async function soak(kind: RelayKind, clients: number, minutes: number): Promise<SoakWindow[]> {
  const session = await openLoad(kind, clients);
  const windows: SoakWindow[] = [];
  try {
    session.population.start(INTERVAL_MS);
    await sleep(INTERVAL_MS); // every client has started
    const latencies = session.population.counters.latencies;
    latencies.splice(0); // the ramp is not measured
    let from = session.reading();
    const started = from.at;
    let scraped = kind === 'suviaz' ? await scrape(session) : null;
    const generatorLoop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    generatorLoop.enable();
    const count = Math.max(1, Math.round((minutes * 60) / WINDOW_S));
    for (let i = 0; i < count; i++) {
      await sleep(WINDOW_S * 1000);
      const to = session.reading();
      const window = loadWindow(from, to, latencies.splice(0));
      const now = scraped ? await scrape(session) : null;
      windows.push({
        ...window,
        minute: (to.at - started) / 60_000,
        ...(scraped && now ? { relay: gauges(scraped, now) } : {}),
        generatorDelayP99Ms: beyond(generatorLoop.percentile(99)),
        generatorDelayMaxMs: beyond(generatorLoop.max),
      });
      generatorLoop.reset();
      process.stderr.write(
        `soak ${kind} ${windows.length}/${count}: p99 ${window.latencyP99.toFixed(1)} ms, RSS ${window.rssMiB.toFixed(0)} MiB, CPU ${window.cpuShare.toFixed(2)}, waiting for a CPU: relay ${(window.relayWaitShare * 100).toFixed(0)} %, generator ${(window.generatorWaitShare * 100).toFixed(0)} %, load ${loadavg()[0]?.toFixed(1)}, generator loop p99 ${windows[windows.length - 1]?.generatorDelayP99Ms.toFixed(1)} ms\n`,
      );
      from = to;
      scraped = now;
    }
    generatorLoop.disable();
    return windows;
  } finally {
    await session.close();
  }
}

export async function runSoak(size: Size, options: BenchOptions): Promise<Row[]> {
  const clients = size === 'small' ? 100 : 1000;
  const minutes = options.minutes;
  const results: Partial<Record<RelayKind, SoakWindow[]>> = {};
  for (const kind of options.servers) {
    process.stderr.write(`soak ${kind}: ${clients} clients for ${minutes} min…\n`);
    results[kind] = await soak(kind, clients, minutes);
  }
  const suviaz = results.suviaz ?? [];
  const chart: SoakDatum[] = Object.entries(results).flatMap(([server, windows]) =>
    windows.map((w) => ({ server, minute: w.minute, p99: w.latencyP99, rssMiB: w.rssMiB })),
  );
  const file = `${options.out.replace(/\.json$/, '')}-soak.svg`;
  writeFileSync(
    file,
    await renderSvg(
      soakChartSpec(chart, `Soak: ${clients} clients, 1 update/s each, ${minutes} min`),
    ),
  );
  process.stderr.write(`wrote ${file}\n`);
  const rows: Row[] = [];
  suviaz.forEach((w, i) => {
    const label = `${clients} clients, window ${i + 1} (to ${w.minute.toFixed(1)} min)`;
    const base = { scenario: 'soak', case: label };
    const at = (pick: (x: SoakWindow) => number): Partial<Record<Peer, number | null>> =>
      Object.fromEntries(PEERS.map((p) => [p, results[p]?.[i] ? pick(results[p][i]) : null]));
    const row = (metric: string, unit: string, pick: (x: SoakWindow) => number): Row =>
      peerRow({ ...base, metric, unit }, pick(w), at(pick));
    const only = (metric: string, unit: string, value: number): Row => ({
      ...base,
      metric,
      unit,
      suviaz: value,
      baseline: null,
    });
    rows.push(
      row('fan-out latency p50', 'ms', (x) => x.latencyP50),
      {
        ...row('fan-out latency p99', 'ms', (x) => x.latencyP99),
        target: '< 50 ms',
        met: w.latencyP99 < 50,
      },
      row('RSS at window end', 'MiB', (x) => x.rssMiB),
      row('relay CPU share', 'cores', (x) => x.cpuShare),
      row('messages per second (in + out)', 'msg/s', (x) => x.messagesPerSecond),
      row('relay waiting for a CPU (share of the window)', '%', (x) => x.relayWaitShare * 100),
      row('load generator waiting for a CPU', '%', (x) => x.generatorWaitShare * 100),
      row('load generator event-loop delay p99', 'ms', (x) => x.generatorDelayP99Ms),
      row('load generator event-loop delay max', 'ms', (x) => x.generatorDelayMaxMs),
    );
    if (w.relay) {
      rows.push(
        only('relay event-loop delay p99', 'ms', w.relay.loopDelayP99Ms),
        only('relay event-loop delay max', 'ms', w.relay.loopDelayMaxMs),
        only('relay GC time in window', 'ms', w.relay.gcMsInWindow),
        only('relay longest GC pause', 'ms', w.relay.gcMaxPauseMs),
        only('relay store commit latency, mean', 'ms', w.relay.storeCommitMeanMs),
        only('relay store commit latency, p99 (bucket bound)', 'ms', w.relay.storeCommitP99Ms),
        only('relay WAL size', 'MiB', w.relay.walMiB),
        only('relay longest send queue', 'KiB', w.relay.sendQueueMaxKiB),
      );
    }
  });
  // RSS flat: within 10 % of the value after the first minute (issue #18).
  const afterOne = suviaz.find((w) => w.minute >= 1);
  const last = suviaz[suviaz.length - 1];
  if (afterOne && last) {
    rows.push({
      scenario: 'soak',
      case: `${clients} clients, whole run`,
      metric: 'RSS growth after the first minute',
      unit: '%',
      suviaz: ((last.rssMiB - afterOne.rssMiB) / afterOne.rssMiB) * 100,
      baseline: null,
      target: '≤ 10 %',
      met: last.rssMiB <= afterOne.rssMiB * 1.1,
    });
  }
  return rows;
}
