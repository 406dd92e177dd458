// Command line of the plaintext baseline relay, run as a child process by the benchmarks:
// `node --import tsx bench/plain/relay-main.ts --port 0 --data-dir DIR` prints its address.
import { parseArgs } from 'node:util';
import { startPlainRelay } from './relay-server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  strict: true,
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');
const relay = await startPlainRelay({ port: Number(values.port), dataDir });
process.stdout.write(`plain relay listening on ${relay.url}\n`);
const stop = (): void => {
  void relay.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
