// The figures of one steady-load window (relay-load's single window, each of soak's 30-s windows),
// from two readings of the counters and the relay process: pure, so it is unit-tested.
import { percentile } from '../lib/stats';

/** Cumulative readings at one instant. */
export interface LoadReading {
  /** ms, performance.now() */
  at: number;
  published: number;
  delivered: number;
  /** Relay process CPU seconds so far. */
  cpuSeconds: number;
  /** Relay RSS, bytes. */
  rss: number;
  /** Seconds the relay, and this process (the load generator), waited for a CPU so far. */
  relayWaitSeconds: number;
  generatorWaitSeconds: number;
}

export interface LoadWindow {
  seconds: number;
  /** Published + delivered messages per second. */
  messagesPerSecond: number;
  /** Relay CPU cores used on average. */
  cpuShare: number;
  /** Messages per relay CPU-second: what one core could carry at this load. */
  messagesPerCpuSecond: number;
  latencyP50: number;
  latencyP99: number;
  /** RSS at the window's end, MiB. */
  rssMiB: number;
  samples: number;
  /** Share of the window the relay / the generator was runnable but had no CPU (0–1). */
  relayWaitShare: number;
  generatorWaitShare: number;
}

/** `latencies`: the fan-out latencies (ms) measured between the two readings. */
export function loadWindow(
  from: LoadReading,
  to: LoadReading,
  latencies: readonly number[],
): LoadWindow {
  const seconds = Math.max((to.at - from.at) / 1000, 1e-9);
  const messages = to.published - from.published + (to.delivered - from.delivered);
  const cpu = to.cpuSeconds - from.cpuSeconds;
  return {
    seconds,
    messagesPerSecond: messages / seconds,
    cpuShare: cpu / seconds,
    // A relay whose CPU clock did not move in a short window is not infinitely fast: one tick.
    messagesPerCpuSecond: messages / Math.max(cpu, 0.01),
    latencyP50: percentile(latencies, 50),
    latencyP99: percentile(latencies, 99),
    rssMiB: to.rss / 2 ** 20,
    samples: latencies.length,
    relayWaitShare: (to.relayWaitSeconds - from.relayWaitSeconds) / seconds,
    generatorWaitShare: (to.generatorWaitSeconds - from.generatorWaitSeconds) / seconds,
  };
}
