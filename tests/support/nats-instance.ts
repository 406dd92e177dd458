// A throwaway nats-server for tests, on a free loopback port; stop() and start() again on the same
// port stand for NATS being briefly unavailable.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';

export interface NatsInstance {
  url: string;
  /** Kills the server (SIGKILL): every connection to it drops at once. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

export const natsAvailable = (): boolean =>
  spawnSync('nats-server', ['--version'], { encoding: 'utf8' }).status === 0;

export async function startNats(): Promise<NatsInstance> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    const server = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    exited = new Promise((resolve) => server.once('exit', () => resolve()));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`nats-server did not start:\n${output}`)),
        10_000,
      );
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited with ${code}:\n${output}`));
      });
    });
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    async stop() {
      child?.kill('SIGKILL');
      await exited;
    },
    start,
  };
}
