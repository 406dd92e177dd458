// A man-in-the-middle between clients and a real relay, under the test's control: it sees every frame
// both ways (captured for canary scans) and can drop, change or inject frames, which is everything a
// malicious relay operator can do on the wire.
import { WebSocketServer, WebSocket } from 'ws';
import {
  decodeClientFrame,
  decodeRelayFrame,
  encodeRelayFrame,
  type ClientFrame,
  type RelayFrame,
} from '../../src-shared/protocol/frames';

export interface ProxiedConnection {
  /** Hex signing key from the AUTH frame, once seen. */
  device: string | null;
  /** Sends a frame to the client as if the relay had. */
  inject(frame: RelayFrame): void;
  /** Cuts the connection, as a relay restarting would. */
  drop(): void;
}

/** What to forward instead of a frame: 'pass' forwards it as is, [] drops it. */
export type Rewrite = 'pass' | Uint8Array[];

export interface MaliciousRelay {
  url: string;
  /** Every frame in either direction, raw. */
  captured: Uint8Array[];
  connections: ProxiedConnection[];
  toClient: ((frame: RelayFrame, raw: Uint8Array, conn: ProxiedConnection) => Rewrite) | null;
  toRelay: ((frame: ClientFrame, raw: Uint8Array, conn: ProxiedConnection) => Rewrite) | null;
  close(): Promise<void>;
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/**
 * A proxy in front of `upstreamUrl` standing in for the relay the clients chose, run by a hostile
 * operator: the clients dial it, so by default it tells the relay behind it that its own address is
 * the one dialed (the Host header), as the operator's own relay would know. `passHost: 'upstream'`
 * keeps the real relay's Host instead: a relay that passes challenges on to another relay to log in
 * there as its clients, which AUTH's signed relay host stops (docs/protocol.md §2 Session).
 */
export async function startMaliciousRelay(
  upstreamUrl: string,
  options: { passHost?: 'proxy' | 'upstream'; port?: number } = {},
): Promise<MaliciousRelay> {
  // A fixed port lets a test put another relay behind the very address a client already knows.
  const server = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('unexpected address');
  const sockets = new Set<WebSocket>();
  const relay: MaliciousRelay = {
    url: `ws://127.0.0.1:${address.port}`,
    captured: [],
    connections: [],
    toClient: null,
    toRelay: null,
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const proxyHost = new URL(relay.url).host;
  server.on('connection', (client) => {
    const upstream = new WebSocket(
      upstreamUrl,
      options.passHost === 'upstream' ? {} : { headers: { host: proxyHost } },
    );
    sockets.add(client);
    sockets.add(upstream);
    const queued: Buffer[] = [];
    const conn: ProxiedConnection = {
      device: null,
      inject(frame) {
        const raw = encodeRelayFrame(frame);
        relay.captured.push(raw);
        if (client.readyState === WebSocket.OPEN) client.send(raw);
      },
      drop() {
        client.terminate();
      },
    };
    relay.connections.push(conn);

    const forward = (data: Buffer): void => {
      const raw = new Uint8Array(data);
      relay.captured.push(raw);
      let out: Rewrite = 'pass';
      try {
        const frame = decodeClientFrame(raw);
        if (frame.type === 'auth') conn.device = hex(frame.device);
        out = relay.toRelay?.(frame, raw, conn) ?? 'pass';
      } catch {
        // Not ours to judge: the relay answers malformed frames itself.
      }
      for (const bytes of out === 'pass' ? [raw] : out) upstream.send(bytes);
    };
    client.on('message', (data: Buffer) => {
      if (upstream.readyState === WebSocket.OPEN) forward(data);
      else queued.push(data);
    });
    upstream.on('open', () => {
      for (const data of queued.splice(0)) forward(data);
    });
    upstream.on('message', (data: Buffer) => {
      const raw = new Uint8Array(data);
      relay.captured.push(raw);
      let out: Rewrite;
      try {
        out = relay.toClient?.(decodeRelayFrame(raw), raw, conn) ?? 'pass';
      } catch {
        out = 'pass';
      }
      for (const bytes of out === 'pass' ? [raw] : out) {
        if (client.readyState === WebSocket.OPEN) client.send(bytes);
      }
    });
    const closeBoth = (): void => {
      client.close();
      upstream.close();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
  });
  return relay;
}
