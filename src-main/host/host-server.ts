// The browser host: serves the built renderer on 127.0.0.1 and bridges the API contract over one
// WebSocket. Only a page from this very origin holding this run's random token may connect; the
// Host check stops DNS-rebinding pages from reading anything.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  HOST_API_PATH,
  HOST_MAX_FRAME_BYTES,
  HOST_TOKEN_FRAGMENT_KEY,
  HostRequest,
  type HostMessage,
} from '../../src-shared/host-protocol';
import type { Core } from '../core/core';
import { sendStatus, serveStatic } from './static-files';
import { withAppearance } from '../shell-shared/index-html';
import { parseDisguise } from '../../src-shared/disguise';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function allowedAuthorities(port: number): Set<string> {
  return new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
}

function tokenMatches(expected: Buffer, given: string | null): boolean {
  if (!given || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

function rejectUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\n\r\n`);
}

export async function startHost({ core, rendererDir, port }: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32);
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: HOST_MAX_FRAME_BYTES });
  let authorities = new Set<string>();

  const server: Server = createServer((req, res) => {
    if (!authorities.has(req.headers.host ?? '')) return sendStatus(res, 421);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405);
    const path = new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname;
    // The page wears the disguise from its first byte: read while locked, like the lock screen.
    void core.call('appearance.get', {}).then((outcome) => {
      const disguise = parseDisguise(
        outcome.ok ? (outcome.value as { disguise?: unknown }).disguise : null,
      );
      void serveStatic(rendererDir, path, res, (html) => withAppearance(html, disguise));
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${LOOPBACK}`);
    const host = req.headers.host ?? '';
    const origin = req.headers.origin ?? '';
    const sameOrigin = authorities.has(host) && origin === `http://${host}`;
    if (url.pathname !== HOST_API_PATH || !sameOrigin) return rejectUpgrade(socket, 403);
    if (!tokenMatches(token, url.searchParams.get('token'))) return rejectUpgrade(socket, 401);
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  const send = (ws: WebSocket, message: HostMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const attach = (ws: WebSocket): void => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      let request: HostRequest;
      try {
        if (isBinary) throw new Error('binary frame');
        request = HostRequest.parse(JSON.parse(data.toString()));
      } catch {
        ws.close(1003, 'malformed request');
        return;
      }
      void core.call(request.method, request.args).then((outcome) => {
        send(ws, { type: 'result', id: request.id, outcome });
      });
    });
  };

  const stopEvents = core.onEvent((event, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  authorities = allowedAuthorities(actualPort);

  return {
    port: actualPort,
    url: `http://${LOOPBACK}:${actualPort}/#${HOST_TOKEN_FRAGMENT_KEY}=${token.toString('hex')}`,
    async close() {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
