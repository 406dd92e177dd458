// Starts one relay: HTTP(S) server with /health and /metrics, the WebSocket endpoint on the same
// port, the store and the fan-out. Used by server/main.ts and, in-process, by tests.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { Connection } from './connection';
import { DeviceConnections } from './device-connections';
import type { Fanout } from './fanout/fanout';
import { createMemoryFanout } from './fanout/memory-fanout';
import { GroupDirectory } from './group-directory';
import { httpHandler } from './http-endpoints';
import { KeyedLock } from './keyed-lock';
import { RelayMetrics } from './metrics';
import type { RelayContext } from './relay-context';
import { loadRelayIdentity } from './relay-identity';
import { resolveLimits, wsMaxPayload, type RelayLimits } from './relay-limits';
import type { RelayStore } from './store/relay-store';
import { openSqliteStore, RELAY_DB_FILE } from './store/sqlite-store';

export interface RelayTlsOptions {
  /** PEM certificate chain and private key (contents, not paths). */
  cert: string | Buffer;
  key: string | Buffer;
}

export interface RelayOptions {
  /** 0 picks any free port. */
  port: number;
  /** Default 127.0.0.1: a reverse proxy or Tor onion service sits in front. */
  host?: string;
  /** Where the SQLite store lives (created if missing). */
  dataDir: string;
  limits?: Partial<RelayLimits>;
  /**
   * The host[:port] values clients dial (--public-host), which they sign when they log in. Empty or
   * absent: each connection's HTTP Host header is taken instead.
   */
  publicHosts?: readonly string[];
  /** With a certificate the relay serves wss/https itself; without, plain ws behind a proxy. */
  tls?: RelayTlsOptions;
  /**
   * Another store or fan-out implementation (backends.ts opens PostgreSQL and NATS from their
   * URLs); default SQLite in dataDir and in-memory fan-out. The relay closes them when it stops.
   */
  store?: RelayStore;
  fanout?: Fanout;
  /**
   * GET /metrics answers requests bearing this token (Authorization: Bearer); without one it is
   * off: the figures tell an onlooker when and how many people use the relay.
   */
  metricsToken?: string;
  /** One line per connection event; default stderr. */
  log?: (line: string) => void;
}

export interface RunningRelay {
  /** e.g. ws://127.0.0.1:8787 */
  url: string;
  port: number;
  /** The relay's Ed25519 identity public key (relay-identity.key in dataDir), which clients pin. */
  identityKey: Uint8Array;
  /** Graceful: stops accepting, lets in-flight frames finish, closes sockets with 1001, the store. */
  close(): Promise<void>;
}

const defaultLog = (line: string): void => {
  process.stderr.write(`${new Date().toISOString()} relay ${line}\n`);
};

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const limits = resolveLimits(options.limits);
  const log = options.log ?? defaultLog;
  // Before the store: a data directory whose identity cannot be read must not serve as someone else.
  const identityKey = loadRelayIdentity(options.dataDir);
  const store = options.store ?? openSqliteStore(options.dataDir);
  const fanout = options.fanout ?? createMemoryFanout();
  // The WAL's size only means something for the SQLite store in dataDir.
  const metrics = new RelayMetrics(
    options.store ? {} : { walFile: path.join(options.dataDir, `${RELAY_DB_FILE}-wal`) },
  );
  const ctx: RelayContext = {
    store,
    fanout,
    groups: new GroupDirectory(store, limits.groupCacheSize),
    locks: new KeyedLock(),
    metrics,
    limits,
    devices: new DeviceConnections(limits.maxConnectionsPerDevice),
  };

  // Expired shares are deleted now and then besides when one is fetched or put: a share nobody
  // asks for again must not outlive its hour by more than the sweep's interval.
  const sweepShares = (): void => {
    store.deleteExpiredShares(Date.now()).catch((error: unknown) => {
      log(`share sweep failed: ${error instanceof Error ? error.name : 'unknown'}`);
    });
    // Briefings too: an expired one must leave the relay within a sweep of its hour.
    store.deleteExpiredMail(Date.now()).catch((error: unknown) => {
      log(`briefing sweep failed: ${error instanceof Error ? error.name : 'unknown'}`);
    });
  };
  sweepShares();
  const shareSweep = setInterval(sweepShares, limits.shareSweepMs);
  shareSweep.unref();

  const onRequest = httpHandler(metrics, store, fanout, options.metricsToken);
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : http.createServer(onRequest);
  // No compression: it would open a compression oracle and let small frames inflate into huge ones.
  const wss = new WebSocketServer({
    server,
    maxPayload: wsMaxPayload(limits),
    perMessageDeflate: false,
  });
  const connections = new Set<Connection>();
  metrics.sendQueues = () => [...connections].map((connection) => connection.sendQueueBytes());
  let closing = false;
  const publicHosts = options.publicHosts ?? [];
  wss.on('connection', (ws, request) => {
    if (closing) return ws.close(1001, 'relay shutting down');
    if (connections.size >= limits.maxConnections) return ws.close(1013, 'relay full');
    const connection = new Connection(ws, ctx, log, {
      key: identityKey,
      publicHosts,
      hostHeader: request.headers.host,
    });
    connections.add(connection);
    ws.once('close', () => connections.delete(connection));
    connection.start();
  });
  wss.on('error', () => undefined); // Errors of the underlying server surface on `server`.
  // One timer for all connections: a timer each would cost memory per connection.
  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, limits.heartbeatMs);
  heartbeat.unref();
  // Other relay processes' messages may have been lost meanwhile (NATS was away): every client
  // reconnects, to this relay or another, and catches up from the store, where nothing was lost.
  fanout.onGap?.(() => {
    if (closing) return;
    log(`fan-out gap: ${connections.size} connections reconnect to catch up`);
    for (const connection of connections) void connection.shutdown();
  });

  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(shareSweep);
    clearInterval(heartbeat);
    metrics.close();
    await fanout.close();
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'wss' : 'ws'}://${urlHost}:${port}`,
    port,
    identityKey: identityKey.publicKey,
    close() {
      closed ??= (async () => {
        closing = true;
        clearInterval(shareSweep);
        clearInterval(heartbeat);
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...connections].map((connection) => connection.shutdown()));
        await ctx.locks.idle();
        wss.close();
        server.closeAllConnections();
        await serverClosed;
        await fanout.close();
        await store.close();
        metrics.close();
      })();
      return closed;
    },
  };
}
