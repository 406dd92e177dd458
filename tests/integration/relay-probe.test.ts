// Settings check that a relay answers before saving its address: a real relay, a web server that is
// not one, a relay of another protocol version, and an address where nothing listens.
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { probeRelay } from '../../src-main/core/sync/relay-probe';
import { cleanups, relayOn, runCleanups } from '../support/sync-clients';

afterEach(runCleanups);

async function listening<T extends { once(event: 'listening', cb: () => void): unknown }>(
  server: T,
): Promise<T> {
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return server;
}

describe('checking a relay before saving it', () => {
  it('says a real relay answers', async () => {
    const relay = await relayOn(mkdtempSync(join(tmpdir(), 'suviaz-probe-')));
    expect((await probeRelay(relay.url)).result).toBe('ok');
  });

  it('says when the address is a web server, not a relay', async () => {
    const http = createServer((_req, res) => res.writeHead(404).end('no'));
    http.listen(0, '127.0.0.1');
    await listening(http);
    cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
    const port = (http.address() as AddressInfo).port;
    expect((await probeRelay(`ws://127.0.0.1:${port}`)).result).toBe('not-a-relay');
  });

  it('says when the relay speaks another protocol version', async () => {
    const old = await listening(new WebSocketServer({ host: '127.0.0.1', port: 0 }));
    cleanups.push(() => new Promise<void>((resolve) => old.close(() => resolve())));
    old.on('connection', (ws) => ws.send(new Uint8Array([2, 0x81, ...new Uint8Array(32)])));
    const port = (old.address() as AddressInfo).port;
    const probe = await probeRelay(`ws://127.0.0.1:${port}`);
    expect(probe.result).toBe('other-version');
    expect(probe.detail).toContain('protocol 2');
  });

  it('says when nothing answers', async () => {
    const http = createServer();
    http.listen(0, '127.0.0.1');
    await listening(http);
    const port = (http.address() as AddressInfo).port;
    await new Promise<void>((resolve) => http.close(() => resolve()));
    expect((await probeRelay(`ws://127.0.0.1:${port}`)).result).toBe('unreachable');
  });
});
