// Drives each simulated client at a steady rate, with start times spread over one interval so the
// load is even rather than in bursts. Shared by the Suviaz and the plaintext load simulations.
export interface SteadyRate {
  start(intervalMs: number): void;
  stop(): void;
  running(): boolean;
}

export function steadyRate<C>(clients: readonly C[], send: (client: C) => void): SteadyRate {
  const timers: NodeJS.Timeout[] = [];
  let running = false;
  return {
    start(intervalMs) {
      running = true;
      for (const client of clients) {
        timers.push(
          setTimeout(
            () => timers.push(setInterval(() => send(client), intervalMs)),
            Math.random() * intervalMs,
          ),
        );
      }
    },
    stop() {
      running = false;
      // clearTimeout clears intervals too.
      for (const timer of timers) clearTimeout(timer);
    },
    running: () => running,
  };
}
