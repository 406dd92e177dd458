// One relay under the relay-load population: the server as a child process (Suviaz or a peer), the
// simulated clients connected and subscribed, idle and loaded RSS, and readings for load windows.
// Shared by the relay-load and soak scenarios.
import {
  readRunQueueWait,
  startRelayChild,
  type RelayChild,
  type RelayKind,
} from '../lib/processes';
import { sleep } from '../lib/stats';
import { tempDir } from '../lib/suviaz-client';
import type { LoadReading } from './load-window';
import { peerPopulation } from './peer-sim';
import type { Population } from './sim-types';
import { suviazPopulation } from './suviaz-sim';

export const GROUP_SIZE = 5;
export const INTERVAL_MS = 1000;

export interface LoadSession {
  relay: RelayChild;
  population: Population;
  rssIdle: number;
  /** After every client connected and subscribed, before any update. */
  rssLoaded: number;
  reading(): LoadReading;
  close(): Promise<void>;
}

/** Starts the relay and connects `clients` in groups of GROUP_SIZE; the load is not started yet. */
export async function openLoad(kind: RelayKind, clients: number): Promise<LoadSession> {
  const relay = await startRelayChild(
    kind,
    tempDir(`load-${kind}`),
    // Not shaped by the per-connection rate limit: the load is what is measured.
    kind === 'suviaz' ? ['--rate', '1000000'] : [],
  );
  try {
    await sleep(300);
    const rssIdle = relay.rss();
    const population =
      kind === 'suviaz'
        ? await suviazPopulation(relay.url, clients, GROUP_SIZE)
        : await peerPopulation(kind, relay.url, clients, GROUP_SIZE);
    await sleep(500);
    const rssLoaded = relay.rss();
    const c = population.counters;
    return {
      relay,
      population,
      rssIdle,
      rssLoaded,
      reading: () => ({
        at: performance.now(),
        published: c.published,
        delivered: c.delivered,
        cpuSeconds: relay.cpuSeconds(),
        rss: relay.rss(),
        relayWaitSeconds: relay.waitSeconds(),
        generatorWaitSeconds: readRunQueueWait('self'),
      }),
      async close() {
        population.stop();
        await population.close();
        await relay.stop();
      },
    };
  } catch (error) {
    await relay.stop();
    throw error;
  }
}
