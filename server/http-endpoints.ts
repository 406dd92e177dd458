// The relay's plain HTTP surface on its WebSocket port: GET /health and GET /metrics, nothing else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_VERSION } from '../src-shared/protocol/wire-constants';
import type { RelayMetrics } from './metrics';
import type { RelayStore } from './store/relay-store';

export function httpHandler(
  metrics: RelayMetrics,
  store: RelayStore,
): (req: IncomingMessage, res: ServerResponse) => void {
  const reply = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  };
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/health') {
      return reply(
        res,
        200,
        'application/json',
        JSON.stringify({ status: 'ok', protocol: PROTOCOL_VERSION }),
      );
    }
    if (req.method === 'GET' && path === '/metrics') {
      store.countDocuments().then(
        (documents) =>
          reply(res, 200, 'text/plain; version=0.0.4; charset=utf-8', metrics.render(documents)),
        () => reply(res, 500, 'text/plain', 'store unavailable\n'),
      );
      return;
    }
    reply(res, 404, 'text/plain', 'not found\n');
  };
}
