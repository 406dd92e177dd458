// Drives each simulated client at a steady rate, with start times spread over one interval so the
// load is even rather than in bursts. Shared by the Suviaz and the peers' load simulations.
//
// Each client keeps its own phase for the whole run: its k-th send is due at start + phase + k ×
// interval, whatever happened before. Node's setInterval reschedules a repeating timer from the
// moment its callback ran, so every timer that came due while the generator's event loop was busy
// restarts at the same instant; over minutes the clients' phases merged into bursts, and the latency
// measured grew with the run's length whatever the server did (docs/performance.md, issue #18).
export interface SteadyRate {
  start(intervalMs: number): void;
  stop(): void;
  running(): boolean;
}

interface Due {
  at: number;
  client: number;
}

/** Every client's next send time, sorted: the schedule `takeDue` works on. */
export interface Schedule {
  intervalMs: number;
  queue: Due[];
}

/** Client i's first send at start + phases[i] (each phase within one interval). */
export function newSchedule(
  phases: readonly number[],
  start: number,
  intervalMs: number,
): Schedule {
  const queue = phases.map((phase, client) => ({ at: start + phase, client }));
  return { intervalMs, queue: queue.sort((a, b) => a.at - b.at) };
}

/** The index of the first item in `queue` (sorted by `at`) due after `at`. */
function insertionPoint(queue: readonly Due[], at: number): number {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((queue[mid] as Due).at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The clients due at `now` (in due order); each goes back in at its own next due time, so one late
 * wake-up sends a burst once and the phases stay as they were. A client more than an interval late
 * skips the sends it missed rather than making them up at once.
 */
export function takeDue(schedule: Schedule, now: number): number[] {
  const { queue, intervalMs } = schedule;
  let count = 0;
  while (count < queue.length && (queue[count] as Due).at <= now) count++;
  const due = queue.splice(0, count);
  for (const item of due) {
    let next = item.at + intervalMs;
    while (next <= now) next += intervalMs;
    queue.splice(insertionPoint(queue, next), 0, { at: next, client: item.client });
  }
  return due.map((item) => item.client);
}

export function steadyRate<C>(clients: readonly C[], send: (client: C) => void): SteadyRate {
  let timer: NodeJS.Timeout | null = null;
  let schedule: Schedule | null = null;

  const wake = (): void => {
    timer = null;
    if (!schedule) return;
    const now = performance.now();
    try {
      for (const client of takeDue(schedule, now)) send(clients[client] as C);
    } finally {
      // A send that throws must not stop the generator.
      const first = schedule.queue[0];
      if (first) timer = setTimeout(wake, Math.max(0, first.at - now));
    }
  };

  return {
    start(intervalMs) {
      if (!(intervalMs > 0)) throw new Error('the interval must be positive');
      if (timer) clearTimeout(timer);
      const phases = clients.map(() => Math.random() * intervalMs);
      schedule = newSchedule(phases, performance.now(), intervalMs);
      wake();
    },
    stop() {
      schedule = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    running: () => schedule !== null,
  };
}
