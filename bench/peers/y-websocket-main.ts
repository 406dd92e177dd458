// The y-websocket peer as a child process: the Yjs 13 line's reference server, @y/websocket-server's
// own connection handler (`setupWSConnection`) on a ws server, in memory as it runs by default (its
// only persistence is LevelDB, a native module). Prints its address as the Suviaz relay does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  strict: true,
});
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
// As the package's server.js: a noServer ws server fed by the HTTP upgrade, no compression.
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
process.stdout.write(`y-websocket server listening on ws://127.0.0.1:${port}\n`);
const stop = (): void => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
