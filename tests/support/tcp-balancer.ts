// A TCP load balancer for tests, as an operator would put in front of several relay processes:
// each new connection goes to the next backend in turn, skipping one that refuses (a killed relay).
import net from 'node:net';

export interface TcpBalancer {
  /** ws://127.0.0.1:<port>, what clients dial. */
  url: string;
  /** For each backend port, how many connections it was given. */
  routed: Map<number, number>;
  close(): Promise<void>;
}

export async function startBalancer(backends: () => readonly number[]): Promise<TcpBalancer> {
  let next = 0;
  const sockets = new Set<net.Socket>();
  const routed = new Map<number, number>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const dial = (ports: readonly number[], attempt: number): Promise<net.Socket | null> => {
    if (attempt >= ports.length) return Promise.resolve(null);
    const port = ports[(next + attempt) % ports.length] as number;
    return new Promise((resolve) => {
      const upstream = net.connect(port, '127.0.0.1');
      upstream.once('connect', () => {
        next = (next + attempt + 1) % ports.length;
        routed.set(port, (routed.get(port) ?? 0) + 1);
        resolve(upstream);
      });
      upstream.once('error', () => {
        upstream.destroy();
        resolve(dial(ports, attempt + 1));
      });
    });
  };

  const server = net.createServer((client) => {
    track(client);
    client.pause();
    void dial(backends(), 0).then((upstream) => {
      if (!upstream) return client.destroy();
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
      client.resume();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    routed,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
