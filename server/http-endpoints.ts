// The relay's plain HTTP surface on its WebSocket port: GET /health and GET /metrics, nothing else.
// /metrics tells how many people are connected and how busy they are, so it answers only the
// bearer of the operator's metrics token, and not at all without one.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROTOCOL_VERSION } from '../src-shared/protocol/wire-constants';
import type { Fanout } from './fanout/fanout';
import type { RelayMetrics } from './metrics';
import type { RelayStore } from './store/relay-store';

/** How long /health waits for the store before calling it unavailable. */
const STORE_PING_MS = 2000;

/**
 * The store and fan-out as a load balancer should see them: 200 when this process can serve, 503
 * (take it out of rotation) when its database or its link to the other relay processes is down.
 */
async function health(store: RelayStore, fanout: Fanout): Promise<Record<string, string | number>> {
  let timer: NodeJS.Timeout | undefined;
  const storeOk = store.ping
    ? await Promise.race([
        store.ping().then(
          () => true,
          () => false,
        ),
        new Promise<boolean>(
          (resolve) => (timer = setTimeout(() => resolve(false), STORE_PING_MS)),
        ),
      ])
    : true;
  clearTimeout(timer);
  const fanoutOk = fanout.connected?.() ?? true;
  return {
    status: storeOk && fanoutOk ? 'ok' : 'degraded',
    protocol: PROTOCOL_VERSION,
    store: storeOk ? 'ok' : 'unavailable',
    fanout: fanoutOk ? 'ok' : 'disconnected',
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function bearsToken(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function httpHandler(
  metrics: RelayMetrics,
  store: RelayStore,
  fanout: Fanout,
  /** Without one, /metrics is off. */
  metricsToken: string | undefined,
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
      void health(store, fanout).then((body) =>
        reply(res, body.status === 'ok' ? 200 : 503, 'application/json', JSON.stringify(body)),
      );
      return;
    }
    if (req.method === 'GET' && path === '/metrics' && metricsToken !== undefined) {
      if (!bearsToken(req, metricsToken)) {
        res.setHeader('www-authenticate', 'Bearer');
        return reply(res, 401, 'text/plain', 'the metrics token is needed\n');
      }
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
