// The Hocuspocus peer as a child process: @hocuspocus/server with its default debounce (stores a
// changed document at most every 2 s, at the latest after 10 s) and SQLite persistence in
// DATA_DIR/hocuspocus.db (hocuspocus-sqlite.ts). Prints its address as the Suviaz relay does.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Server } from '@hocuspocus/server';
import { sqlitePersistence } from './hocuspocus-sqlite';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  strict: true,
});
const dataDir = values['data-dir'];
if (!dataDir) throw new Error('--data-dir is required');
mkdirSync(dataDir, { recursive: true });
const storage = sqlitePersistence(path.join(dataDir, 'hocuspocus.db'));
const server = new Server({
  port: Number(values.port),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  extensions: [storage],
});
await server.listen();
process.stdout.write(`hocuspocus listening on ws://127.0.0.1:${server.address.port}\n`);
const stop = (): void => {
  // destroy() stores every loaded document first, as on a real shutdown.
  void server.destroy().then(() => {
    storage.close();
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
