// Whether a connected relay is still there: a connection can go away without closing (the network
// changed under it, a NAT forgot it). Pings on a quiet link, and ends one where no byte moves.
import type WebSocket from 'ws';

/** How long a connected relay has to answer a ping (the network changed, or the link was quiet). */
const PROBE_MS = 5000;

export function createLiveness(deps: {
  /** The connection's current socket: a socket replaced since is left alone. */
  current(): WebSocket | null;
  idlePingMs: number;
}) {
  /** The current connection's transport socket (through a proxy too), for its byte counts. */
  let transport: { bytesRead: number } | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  /**
   * Whether bytes moved either way: read from the relay, or queued ones sent on. A large frame on
   * a slow link (Tor) takes long as one message but moves all the time; a dead link moves nothing.
   */
  const traffic = (ws: WebSocket): string => `${transport?.bytesRead ?? 0}:${ws.bufferedAmount}`;
  /**
   * Not a byte moved either way since `before`: a connection that went away without closing (the
   * network changed under it, a NAT forgot it). Start again rather than wait on it.
   */
  const endIfSilent = (ws: WebSocket, before: string): void => {
    if (deps.current() === ws && traffic(ws) === before) ws.terminate();
  };

  /**
   * Connected as far as we know, but the network changed or the link was quiet: a ping the relay
   * must answer (a pong, or anything else) within PROBE_MS, or the link is dead.
   */
  let probing = false;
  function probe(): void {
    const ws = deps.current();
    if (!ws || probing) return;
    probing = true;
    const before = traffic(ws);
    try {
      ws.ping();
    } catch {
      // Not open after all: its 'close' follows and reconnects.
    }
    setTimeout(() => {
      probing = false;
      endIfSilent(ws, before);
    }, PROBE_MS).unref();
  }

  /** Pings the relay whenever a whole idlePingMs went by without a byte read from it. */
  function watchIdle(ws: WebSocket): void {
    stopWatchingIdle();
    let lastRead = transport?.bytesRead ?? 0;
    idleTimer = setInterval(() => {
      const read = transport?.bytesRead ?? 0;
      if (deps.current() === ws && read === lastRead) probe();
      lastRead = read;
    }, deps.idlePingMs);
    idleTimer.unref();
  }

  function stopWatchingIdle(): void {
    if (idleTimer) clearInterval(idleTimer);
    idleTimer = null;
  }

  return {
    /** The socket under a new connection (null until its upgrade), whose bytes are counted. */
    setTransport(next: { bytesRead: number } | null): void {
      transport = next;
    },
    traffic,
    endIfSilent,
    probe,
    watchIdle,
    stopWatchingIdle,
  };
}
