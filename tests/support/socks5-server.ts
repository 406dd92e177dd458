// A SOCKS5 server for tests (RFC 1928, no authentication, CONNECT only), on 127.0.0.1. It resolves
// host names from its own small table, never through DNS, so a test can use a name only the proxy
// knows: a client that reached the relay with it cannot have resolved it itself.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface SocksRequest {
  /** 1 IPv4, 3 domain name, 4 IPv6: a client that resolves names itself sends an address. */
  addressType: number;
  host: string;
  port: number;
}

export interface TestSocksServer {
  port: number;
  requests: SocksRequest[];
  /** Answer every CONNECT with "connection refused" (as Tor does for a relay it cannot reach). */
  refuse: boolean;
  close(): Promise<void>;
}

function readRequest(buffer: Buffer): { request: SocksRequest; length: number } | null {
  if (buffer.length < 5) return null;
  const addressType = buffer[3] ?? 0;
  let offset = 4;
  let host: string;
  if (addressType === 1) {
    if (buffer.length < offset + 4 + 2) return null;
    host = [...buffer.subarray(offset, offset + 4)].join('.');
    offset += 4;
  } else if (addressType === 3) {
    const length = buffer[offset] ?? 0;
    if (buffer.length < offset + 1 + length + 2) return null;
    host = buffer.subarray(offset + 1, offset + 1 + length).toString('utf8');
    offset += 1 + length;
  } else {
    if (buffer.length < offset + 16 + 2) return null;
    host = 'ipv6';
    offset += 16;
  }
  const port = buffer.readUInt16BE(offset);
  return { request: { addressType, host, port }, length: offset + 2 };
}

export async function startSocksServer(names: Record<string, string>): Promise<TestSocksServer> {
  const requests: SocksRequest[] = [];
  const sockets = new Set<Socket>();
  const state: TestSocksServer = {
    port: 0,
    requests,
    refuse: false,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    let stage: 'greeting' | 'request' | 'piping' = 'greeting';
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      if (stage === 'piping') return;
      pending = Buffer.concat([pending, chunk]);
      if (stage === 'greeting') {
        const methods = pending[1] ?? 0;
        if (pending.length < 2 + methods) return;
        pending = pending.subarray(2 + methods);
        client.write(Buffer.from([5, 0]));
        stage = 'request';
      }
      const read = readRequest(pending);
      if (!read) return;
      requests.push(read.request);
      const target = read.request.addressType === 3 ? names[read.request.host] : read.request.host;
      if (state.refuse || !target) {
        client.end(Buffer.from([5, 5, 0, 1, 0, 0, 0, 0, 0, 0]));
        return;
      }
      stage = 'piping';
      const upstream = connect(read.request.port, target, () => {
        client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
        const rest = pending.subarray(read.length);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  state.port = address.port;
  return state;
}
