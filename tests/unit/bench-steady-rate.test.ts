// The load generator's rate driver: each simulated client keeps its own phase for the whole run. A
// driver that rescheduled from the moment it ran (as setInterval does) would let every client due
// during a busy spell restart together, and the bursts would grow with the run — measuring the
// generator, not the relay. Here the generator's loop wakes late at chosen moments.
import { describe, expect, it } from 'vitest';
import { newSchedule, takeDue } from '../../bench/load/steady-rate';

const INTERVAL = 1000;

/**
 * Sends per client, `clients` spread evenly over the interval (100: 10 ms apart). The loop wakes every
 * 10 ms for `ms`, except during the busy spells [from, from + 300).
 */
function drive(clients: number, ms: number, busyFrom: number[] = []): Map<number, number[]> {
  const phases = Array.from({ length: clients }, (_, i) => (i * INTERVAL) / clients);
  const schedule = newSchedule(phases, 0, INTERVAL);
  const sends = new Map<number, number[]>();
  for (let now = 0; now < ms; now += 10) {
    if (busyFrom.some((from) => now >= from && now < from + 300)) continue;
    for (const client of takeDue(schedule, now)) {
      sends.set(client, [...(sends.get(client) ?? []), now]);
    }
  }
  return sends;
}

/** How many of the interval's tenths hold a send at times within [from, from + INTERVAL). */
function tenthsUsed(sends: Map<number, number[]>, from: number): number {
  const tenths = new Set<number>();
  for (const times of sends.values()) {
    for (const t of times)
      if (t >= from && t < from + INTERVAL) tenths.add(Math.floor((t - from) / 100));
  }
  return tenths.size;
}

describe('bench steady rate', () => {
  it('sends each client once per interval, spread over the interval', () => {
    const sends = drive(100, 5_000);
    expect(sends.size).toBe(100);
    for (const times of sends.values()) expect(times.length).toBe(5);
    expect(tenthsUsed(sends, 0)).toBe(10);
  });

  it('after busy spells, clients return to their own phases instead of bunching', () => {
    const sends = drive(100, 10_000, [2_050, 5_450, 7_720]);
    // A spell sends its overdue clients together once (the wake-up after it)…
    const afterSpell = [...sends.values()].filter((t) => t.includes(2_350)).length;
    expect(afterSpell).toBeGreaterThanOrEqual(30);
    // …and a second later they are as spread as at first.
    expect(tenthsUsed(sends, 9_000)).toBe(10);
    for (const [client, times] of sends) {
      const phase = (client * INTERVAL) / 100;
      expect((times.at(-1) as number) % INTERVAL).toBe(phase);
    }
  });
});
