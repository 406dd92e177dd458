// Scenario 4, relay under load: N simulated clients over N / GROUP_SIZE documents, each sending one
// small update per second; fan-out latency, messages per second, relay CPU per message and relay
// memory, for the Suviaz relay and each peer's server, each a child process.
import type { Size } from '../lib/args';
import type { RelayKind } from '../lib/processes';
import { peerRow, type Row } from '../lib/report';
import { sleep } from '../lib/stats';
import { GROUP_SIZE, INTERVAL_MS, openLoad } from '../load/load-session';
import { loadWindow, type LoadWindow } from '../load/load-window';
import { PEERS, type Peer } from '../peers/peer-client';

interface LoadResult extends LoadWindow {
  /** (RSS with every client connected − RSS idle) / clients, KiB. */
  kibPerConnection: number;
  /** RSS with every client connected and subscribed, before any update, bytes. */
  rssLoaded: number;
  rssPeakMiB: number;
  skipped: number;
}

async function measure(kind: RelayKind, clients: number, seconds: number): Promise<LoadResult> {
  const session = await openLoad(kind, clients);
  try {
    session.population.start(INTERVAL_MS);
    await sleep(INTERVAL_MS); // every client has started
    const c = session.population.counters;
    const from = session.reading();
    const firstLatency = c.latencies.length;
    let rssPeak = session.rssLoaded;
    for (let s = 0; s < seconds; s++) {
      await sleep(1000);
      rssPeak = Math.max(rssPeak, session.relay.rss());
    }
    const window = loadWindow(from, session.reading(), c.latencies.slice(firstLatency));
    return {
      ...window,
      kibPerConnection: (session.rssLoaded - session.rssIdle) / clients / 1024,
      rssLoaded: session.rssLoaded,
      rssPeakMiB: rssPeak / 2 ** 20,
      skipped: c.skipped,
    };
  } finally {
    await session.close();
  }
}

export function relayLoadPlan(size: Size): { clients: number[]; seconds: number } {
  if (size === 'small') return { clients: [50], seconds: 3 };
  if (size === 'full') return { clients: [100, 500, 1000, 2000], seconds: 20 };
  return { clients: [100, 1000, 2000], seconds: 10 };
}

export async function runRelayLoad(size: Size): Promise<Row[]> {
  const plan = relayLoadPlan(size);
  const rows: Row[] = [];
  /** The previous load's results and size, for the memory each added connection takes. */
  let previous: {
    clients: number;
    suviaz: LoadResult;
    peers: Partial<Record<Peer, LoadResult>>;
  } | null = null;
  for (const clients of plan.clients) {
    const peers: Partial<Record<Peer, LoadResult>> = {};
    for (const peer of PEERS) {
      process.stderr.write(`relay-load ${clients} clients: ${peer}…\n`);
      peers[peer] = await measure(peer, clients, plan.seconds);
    }
    process.stderr.write(`relay-load ${clients} clients: suviaz…\n`);
    const suviaz = await measure('suviaz', clients, plan.seconds);
    const label = `${clients} clients, ${Math.ceil(clients / GROUP_SIZE)} docs, 1 update/s each`;
    const yws = peers['y-websocket'];
    const row = (
      metric: string,
      unit: string,
      pick: (r: LoadResult) => number,
      extra: Partial<Row> = {},
    ): Row => ({
      ...peerRow(
        { scenario: 'relay-load', case: label, metric, unit },
        pick(suviaz),
        Object.fromEntries(PEERS.map((p) => [p, peers[p] ? pick(peers[p]) : null])),
      ),
      ...extra,
    });
    const big = clients >= 1000;
    rows.push(
      row('fan-out latency p50', 'ms', (r) => r.latencyP50),
      row(
        'fan-out latency p99',
        'ms',
        (r) => r.latencyP99,
        clients >= 2000 ? { target: '< 50 ms', met: suviaz.latencyP99 < 50 } : {},
      ),
      row('messages per second (in + out)', 'msg/s', (r) => r.messagesPerSecond),
      row('relay CPU share', 'cores', (r) => r.cpuShare),
      // The machine is shared: time the relay was runnable but had no CPU shows contention.
      row('relay waiting for a CPU (share of the window)', '%', (r) => r.relayWaitShare * 100),
      row(
        'throughput per relay CPU-second',
        'msg/cpu-s',
        (r) => r.messagesPerCpuSecond,
        big && yws
          ? {
              target: 'ratio ≥ 1.0 (y-websocket)',
              met: suviaz.messagesPerCpuSecond >= yws.messagesPerCpuSecond,
            }
          : {},
      ),
      row(
        'relay memory per connection',
        'KiB',
        (r) => r.kibPerConnection,
        big ? { target: '≤ 16 KiB', met: suviaz.kibPerConnection <= 16 } : {},
      ),
      row(
        'relay memory total (peak RSS)',
        'MiB',
        (r) => r.rssPeakMiB,
        suviaz.skipped > 0
          ? { note: `${suviaz.skipped} sends skipped: previous not yet acknowledged` }
          : {},
      ),
    );
    if (previous && previous.clients >= 1000) {
      // Each server's RSS at both sizes, set up alike: what is fixed (code compiled on first use,
      // SQLite's page cache, the young generation's pages) cancels, and the idle reading drops out.
      const from = previous;
      const added = clients - from.clients;
      const marginal = (now: LoadResult, before: LoadResult | undefined): number | null =>
        before ? (now.rssLoaded - before.rssLoaded) / added / 1024 : null;
      rows.push(
        peerRow(
          {
            scenario: 'relay-load',
            case: `${from.clients} → ${clients} clients`,
            metric: 'relay memory per added connection',
            unit: 'KiB',
          },
          marginal(suviaz, from.suviaz) ?? Number.NaN,
          Object.fromEntries(
            PEERS.map((p) => {
              const now = peers[p];
              return [p, now ? marginal(now, from.peers[p]) : null];
            }),
          ),
        ),
      );
    }
    previous = { clients, suviaz, peers };
  }
  return rows;
}
