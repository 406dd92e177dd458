// Notices when this computer's network changes (an interface comes up, an address changes), so the
// relay connection can try again at once instead of waiting out its backoff.
import { networkInterfaces } from 'node:os';

const WATCH_INTERVAL_MS = 3000;

/** The addresses of every interface but loopback, as one comparable string. */
export function networkSignature(interfaces = networkInterfaces()): string {
  return Object.entries(interfaces)
    .flatMap(([name, list]) =>
      (list ?? []).filter((a) => !a.internal).map((a) => `${name}/${a.family}/${a.address}`),
    )
    .sort()
    .join(',');
}

/** Calls onChange whenever the signature differs from the last one; returns the stop function. */
export function watchNetwork(
  onChange: () => void,
  read: () => string = () => networkSignature(),
  intervalMs = WATCH_INTERVAL_MS,
): () => void {
  let last = read();
  const timer = setInterval(() => {
    const now = read();
    if (now !== last) {
      last = now;
      onChange();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
